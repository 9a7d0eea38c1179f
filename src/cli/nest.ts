/** Flat typed arrays to nested number arrays for JSON, e.g. [K][2][width]. */
export function nest(flat: ArrayLike<number>, shape: readonly number[]): unknown[] {
  const build = (offset: number, depth: number): unknown[] => {
    const size = shape[depth];
    if (depth === shape.length - 1) return Array.from({ length: size }, (_, i) => flat[offset + i]);
    const stride = shape.slice(depth + 1).reduce((a, b) => a * b, 1);
    return Array.from({ length: size }, (_, i) => build(offset + i * stride, depth + 1));
  };
  return build(0, 0);
}
