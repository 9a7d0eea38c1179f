/** The attributes of one fused training step: the same for the CPU/WASM and the WebGPU kernels. */
export interface FusedStepConfig {
  blocks: number;
  width: number;
  classes: number;
  stepSize: number;
  /** See ACTIVATION_CODES. */
  activation: number;
  headTrainable: boolean;
  /** 0 off, 1 fixed weight, 2 least action. */
  penalty: number;
  weight: number;
  tau: number;
  updateMultiplier: boolean;
  /** 0 Adam, 1 SGD with momentum. */
  optimizer: number;
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  momentum: number;
  /** beta1^t and beta2^t for this step's bias correction (Adam). */
  beta1Power: number;
  beta2Power: number;
}

/** Activation codes of the fused step. */
export const ACTIVATION_CODES = { tanh: 0, relu: 1, gelu: 2 } as const;
