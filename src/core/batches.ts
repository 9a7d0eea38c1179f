/**
 * The order in which training points are visited. Full batch uses every point every step. Mini-batches
 * walk through a stream of seeded epoch permutations, B indices at a time; a batch may straddle two
 * epochs, so every batch has exactly B points (one tensor shape, one set of GPU buffers).
 */
import type { RandomStream } from './random';
import { createRandomStream, permutation } from './random';

/** Hands out the indices of successive mini-batches. */
export interface BatchSampler {
  /** Indices of the next batch, or null when the batch is the whole training set. */
  next(): Int32Array | null;
  /** Changes the batch size from the next batch on; the permutation stream continues. */
  setBatchSize(batchSize: number): void;
}

/** True when a batch size means "the whole training set". */
export function isFullBatch(batchSize: number, n: number): boolean {
  return batchSize <= 0 || batchSize >= n;
}

/**
 * A sampler over n points, seeded from the scenario seed (stream "batches").
 * @param batchSize 0 or >= n for full batch
 */
export function createBatchSampler(n: number, batchSize: number, seed: number): BatchSampler {
  const rng: RandomStream = createRandomStream(seed, 'batches');
  let size = batchSize;
  let epoch: Int32Array = permutation(n, rng);
  let cursor = 0;
  return {
    next() {
      if (isFullBatch(size, n)) return null;
      const batch = new Int32Array(size);
      for (let i = 0; i < size; i++) {
        if (cursor === n) {
          epoch = permutation(n, rng);
          cursor = 0;
        }
        batch[i] = epoch[cursor++];
      }
      return batch;
    },
    setBatchSize(batchSize: number) {
      size = batchSize;
    },
  };
}
