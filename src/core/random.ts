/**
 * Seeded random streams. Every random number in the app comes from one of these, derived from the
 * scenario seed and a stream name ("data/train", "init", "batches", ...), so that a seed reproduces
 * the data, the initial weights, the batch order and any subsample, independently of each other.
 */

/** A deterministic stream of pseudo-random numbers (the sfc32 generator). */
export interface RandomStream {
  /** A float uniformly distributed in [0, 1). */
  next(): number;
  /** An integer uniformly distributed in [0, n). */
  int(n: number): number;
  /** A float uniformly distributed in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** A standard normal sample (Box-Muller, mean 0, variance 1). */
  normal(): number;
}

/** 32-bit FNV-1a hash of a string. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One step of splitmix32, used to spread a seed over the generator's four state words. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Creates the stream named `name` of seed `seed`. Two streams with the same seed and name give the
 * same numbers; different names give unrelated numbers.
 * @param seed any integer (it is reduced to 32 bits)
 * @param name the stream's purpose, e.g. "init"
 */
export function createRandomStream(seed: number, name: string): RandomStream {
  const mix = { s: (seed | 0) ^ hashName(name) };
  let a = splitmix32(mix);
  let b = splitmix32(mix);
  let c = splitmix32(mix);
  let d = splitmix32(mix);
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextUint32();

  // 53-bit floats: two draws per number, so uniform() is fine-grained enough for Box-Muller tails.
  const next = (): number => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992;
  let spare: number | null = null;
  return {
    next,
    int: (n) => Math.floor(next() * n),
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal: () => {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = 0;
      while (u === 0) u = next();
      const r = Math.sqrt(-2 * Math.log(u));
      const theta = 2 * Math.PI * next();
      spare = r * Math.sin(theta);
      return r * Math.cos(theta);
    },
  };
}

/** Shuffles `items` in place (Fisher-Yates) with the given stream and returns it. */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(
  items: T,
  rng: RandomStream,
): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
  return items;
}

/** A random permutation of 0..n-1. */
export function permutation(n: number, rng: RandomStream): Int32Array {
  return shuffleInPlace(identityIndices(n), rng);
}

/**
 * Indices of `count` points chosen without replacement from n (all n, in order, when count >= n),
 * returned sorted so that subsampled arrays keep the original order.
 */
export function subsampleIndices(n: number, count: number, rng: RandomStream): Int32Array {
  if (count >= n) return identityIndices(n);
  return permutation(n, rng).slice(0, count).sort();
}

/** 0, 1, ..., n-1. */
export function identityIndices(n: number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  return p;
}
