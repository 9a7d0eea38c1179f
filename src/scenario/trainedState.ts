/**
 * A trained state carried in a share link beside the scenario: the weights as float16, deflated and
 * base64url-encoded (`w`), the step count (`at`) and the least-action multiplier (`lam`). The link
 * then opens on the trained network instead of the seed's initial weights.
 */
import { fromBase64Url, toBase64Url } from '../core/base64url';
import { decodeFloat16, encodeFloat16 } from '../core/float16';
import type { ModelConfig, OptimizerState } from '../core/types';
import { weightCount } from '../core/weights';

/** The link keys of a trained state. */
export const TRAINED_KEYS = ['w', 'at', 'lam'] as const;
export type TrainedKey = (typeof TRAINED_KEYS)[number];

/** The raw link values, before decoding. */
export type TrainedParams = Partial<Record<TrainedKey, string>>;

export interface TrainedState {
  /** All weights, in WEIGHT_NAMES order (see src/core/weights.ts). */
  weights: Float32Array;
  /** Steps taken to reach them. */
  step: number;
  /** The least-action multiplier at that step. */
  lambda: number;
  /**
   * The optimiser's state, when the run is to continue exactly (a restarted worker, another
   * backend); links and run files do without it.
   */
  optimizer?: OptimizerState;
}

/** Links longer than this may be cut by some chat and mail programs: the UI warns beyond it. */
export const LINK_SIZE_WARNING = 8192;

/** Bytes through a compression or decompression stream (deflate-raw for links). */
export async function pipe(
  bytes: Uint8Array,
  transform: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The link parameters of a trained state (without a leading `&`). */
export async function encodeTrainedState(state: TrainedState): Promise<string> {
  const packed = await pipe(encodeFloat16(state.weights), new CompressionStream('deflate-raw'));
  const lambda = Number(state.lambda.toPrecision(7));
  return `w=${toBase64Url(packed)}&at=${Math.max(0, Math.round(state.step))}&lam=${lambda}`;
}

/**
 * Decodes a trained state for a model; never throws. Weights that cannot be read or do not fit the
 * model are dropped with a notice (the run then starts from the seed).
 */
export async function decodeTrainedState(
  params: TrainedParams,
  model: ModelConfig,
): Promise<{ state: TrainedState | null; notices: string[] }> {
  if (params.w === undefined) return { state: null, notices: [] };
  const fail = (why: string) => ({
    state: null,
    notices: [`The trained weights in the link ${why}; training starts from the seed instead.`],
  });
  const bytes = fromBase64Url(params.w);
  if (!bytes) return fail('are not valid base64url');
  let weights: Float32Array;
  try {
    weights = decodeFloat16(await pipe(bytes, new DecompressionStream('deflate-raw')));
  } catch {
    return fail('could not be decompressed');
  }
  const expected = weightCount(model);
  if (weights.length !== expected)
    return fail(`hold ${weights.length} values where this network has ${expected}`);
  if (weights.some((v) => !Number.isFinite(v))) return fail('contain values that are not finite');
  const step = Number(params.at ?? 0);
  const lambda = Number(params.lam ?? NaN);
  const notices: string[] = [];
  if (!Number.isInteger(step) || step < 0)
    notices.push('The step count in the link (at) is not valid; 0 is used.');
  return {
    state: {
      weights,
      step: Number.isInteger(step) && step >= 0 ? step : 0,
      lambda: Number.isFinite(lambda) && lambda > 0 ? lambda : NaN,
    },
    notices,
  };
}
