/**
 * The activations of the fused CPU step (AssemblyScript, imported by cpuStep.as.ts), computing what
 * tfjs computes: tanh to float32 accuracy, four values at a time, and GELU through tfjs's erf.
 */

// tanh to float32 accuracy: the rational minimax approximation of Eigen's float tanh.
const TANH_CLAMP: f32 = 7.90531110763549805;
const A1: f32 = 4.89352455891786e-3;
const A3: f32 = 6.37261928875436e-4;
const A5: f32 = 1.48572235717979e-5;
const A7: f32 = 5.12229709037114e-8;
const A9: f32 = -8.60467152213735e-11;
const A11: f32 = 2.00018790482477e-13;
const A13: f32 = -2.76076847742355e-16;
const B0: f32 = 4.89352518554385e-3;
const B2: f32 = 2.268434632439e-3;
const B4: f32 = 1.18534705686654e-4;
const B6: f32 = 1.19825839466702e-6;

/** tanh of four values. */
@inline export function tanhVec(x: v128): v128 {
  const c = f32x4.max(f32x4.min(x, f32x4.splat(TANH_CLAMP)), f32x4.splat(-TANH_CLAMP));
  const x2 = f32x4.mul(c, c);
  let p = f32x4.splat(A13);
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(A11));
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(A9));
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(A7));
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(A5));
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(A3));
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(A1));
  p = f32x4.mul(p, c);
  let q = f32x4.splat(B6);
  q = f32x4.add(f32x4.mul(q, x2), f32x4.splat(B4));
  q = f32x4.add(f32x4.mul(q, x2), f32x4.splat(B2));
  q = f32x4.add(f32x4.mul(q, x2), f32x4.splat(B0));
  const small = f32x4.lt(f32x4.abs(x), f32x4.splat(4e-4));
  return v128.bitselect(x, f32x4.div(p, q), small);
}

// tfjs's erf (Abramowitz and Stegun 7.1.26), used by GELU in its exact form x (1 + erf(x / sqrt 2)) / 2.
const ERF_P: f32 = 0.3275911;
const ERF_A1: f32 = 0.254829592;
const ERF_A2: f32 = -0.284496736;
const ERF_A3: f32 = 1.421413741;
const ERF_A4: f32 = -1.453152027;
const ERF_A5: f32 = 1.061405429;
const SQRT1_2: f32 = 0.7071067811865476;
const TWO_OVER_SQRT_PI: f32 = 1.1283791670955126;

/**
 * GELU at z and its derivative (erf's derivative 2/sqrt(pi) exp(-u^2), as tfjs's gradient of Erf),
 * stored at the addresses given.
 */
export function geluPair(z: f32, valueAt: usize, slopeAt: usize): void {
  const u = z * SQRT1_2;
  const t: f32 = 1.0 / (1.0 + ERF_P * Mathf.abs(u));
  const e = Mathf.exp(-u * u);
  const poly = ((((ERF_A5 * t + ERF_A4) * t + ERF_A3) * t + ERF_A2) * t + ERF_A1) * t;
  const erf: f32 = (u < 0 ? <f32>-1.0 : <f32>1.0) * (1.0 - poly * e);
  store<f32>(valueAt, 0.5 * z * (1.0 + erf));
  store<f32>(slopeAt, 0.5 * (1.0 + erf) + 0.5 * z * TWO_OVER_SQRT_PI * e * SQRT1_2);
}
