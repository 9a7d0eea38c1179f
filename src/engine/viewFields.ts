/**
 * What the transport view's field layers need, computed on the device in one pass and packed in the
 * layout of src/core/fieldGrids.ts: decision regions (a raster placed at depth k and carried through
 * the remaining blocks and the head), the warped grid (a regular grid carried through every block)
 * and the velocity arrows of every block.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { FieldRequest } from '../core/fieldGrids';
import { arrowBases, regionCellCenters, warpGridPoints } from '../core/fieldGrids';
import type { ModelConfig } from '../core/types';
import { blockDisplacements, headLogits, runFlow } from './forward';
import type { ModelParams } from './params';

/** The packed fields as one tensor; call inside tf.tidy. */
export function computeFields(params: ModelParams, model: ModelConfig, request: FieldRequest): tf.Tensor1D {
  const parts: tf.Tensor[] = [];
  if (request.resolution > 0) {
    const cells = regionCellCenters(request.region, request.resolution);
    const start = Math.min(Math.max(Math.round(request.depth), 0), model.blocks);
    const { final } = runFlow(params, model, tf.tensor2d(cells, [cells.length / 2, 2]), false, start);
    const probabilities = tf.softmax(headLogits(params, final));
    const predicted = tf.cast(tf.argMax(probabilities, 1), 'float32');
    parts.push(tf.stack([predicted, tf.max(probabilities, 1)], 1));
  }
  if (request.gridLines > 0) {
    const points = warpGridPoints(request.region, request.gridLines, request.gridSamples);
    parts.push(runFlow(params, model, tf.tensor2d(points, [points.length / 2, 2]), true).positions!);
  }
  if (request.arrows > 0 && model.blocks > 0) {
    const bases = arrowBases(request.region, request.arrows);
    parts.push(blockDisplacements(params, model, tf.tensor2d(bases, [bases.length / 2, 2])));
  }
  return parts.length > 0 ? tf.concat(parts.map((p) => tf.reshape(p, [-1]))) : tf.zeros([0]);
}
