/**
 * The SVG path of a chart line, written as bytes into one reused buffer and decoded once: the only
 * allocation per path is the string itself. (d3-shape's line() goes through d3-path, which allocates
 * a template array per segment, and concatenating numbers allocates a string per number and per
 * join; charts redraw several times a second while training, and this was their largest allocation.)
 */

let bytes = new Uint8Array(1 << 15);
let length = 0;
const decoder = new TextDecoder();
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const COMMA = 44;
const M = 77;
const L = 76;
const Z = 90;

function room(extra: number): void {
  if (length + extra <= bytes.length) return;
  const next = new Uint8Array(Math.max(2 * bytes.length, length + extra));
  next.set(bytes.subarray(0, length));
  bytes = next;
}

function writeWhole(value: number): void {
  const start = length;
  do {
    bytes[length++] = ZERO + (value % 10);
    value = Math.floor(value / 10);
  } while (value > 0);
  for (let i = start, j = length - 1; i < j; i++, j--) {
    const digit = bytes[i];
    bytes[i] = bytes[j];
    bytes[j] = digit;
  }
}

/** `v` rounded to 3 decimals, as String(Math.round(v * 1000) / 1000) writes it. */
function writeNumber(v: number): void {
  const n = Math.round(v * 1000);
  if (!(Math.abs(n) < 1e15)) {
    // Not finite, or too large to write by hand exactly: the general formatter (never for pixels).
    for (const ch of String(n / 1000)) bytes[length++] = ch.charCodeAt(0);
    return;
  }
  let a = n;
  // -0 is written "0", as String(-0) writes it.
  if (a < 0) {
    bytes[length++] = MINUS;
    a = -a;
  }
  const whole = Math.floor(a / 1000);
  const thousandths = a - whole * 1000;
  writeWhole(whole);
  if (thousandths === 0) return;
  bytes[length++] = DOT;
  const tenths = Math.floor(thousandths / 100);
  const hundredths = Math.floor(thousandths / 10) % 10;
  const last = thousandths % 10;
  bytes[length++] = ZERO + tenths;
  if (hundredths === 0 && last === 0) return;
  bytes[length++] = ZERO + hundredths;
  if (last !== 0) bytes[length++] = ZERO + last;
}

/**
 * The SVG path through the points `indices[0..count)` of xs/ys, mapped by `x` and `y`: the same string
 * d3-shape's line() with its default linear curve and digits writes ("Mx,yLx,y...", coordinates
 * rounded to 3 decimals, a lone point closed with "Z", "" for none).
 */
export function linePath(
  xs: Float64Array,
  ys: Float64Array,
  indices: Int32Array,
  count: number,
  x: (v: number) => number,
  y: (v: number) => number,
): string {
  if (count === 0) return '';
  length = 0;
  for (let k = 0; k < count; k++) {
    // A command letter, a comma and two numbers of at most 25 characters each.
    room(64);
    const j = indices[k];
    bytes[length++] = k === 0 ? M : L;
    writeNumber(x(xs[j]));
    bytes[length++] = COMMA;
    writeNumber(y(ys[j]));
  }
  if (count === 1) bytes[length++] = Z;
  return decoder.decode(bytes.subarray(0, length));
}
