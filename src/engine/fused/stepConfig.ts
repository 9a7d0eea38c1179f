/**
 * The attributes of one fused training step: the same for the CPU/WASM and the WebGPU kernels. The
 * integer codes are the contract's (contract.ts).
 */
export interface FusedStepConfig {
  blocks: number;
  width: number;
  classes: number;
  stepSize: number;
  /** ACTIVATION_CODES. */
  activation: number;
  headTrainable: boolean;
  /** PENALTY_CODES. */
  penalty: number;
  weight: number;
  tau: number;
  updateMultiplier: boolean;
  /** OPTIMIZER_CODES. */
  optimizer: number;
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  momentum: number;
  /** Global gradient-norm clipping length (0: off). */
  gradientClip: number;
  /** beta1^t and beta2^t for this step's bias correction (Adam). */
  beta1Power: number;
  beta2Power: number;
}
