/**
 * The dataset registry: every generated dataset as a class sampler plus its class count, and
 * makeDataset, which draws the training and test sets of a scenario from separate seeded streams.
 * The user's own points ("custom") are the training set as given; their test set is drawn around
 * them (see ownData.ts).
 */
import { createRandomStream } from '../random';
import type { DatasetKind, DatasetSpec, PointSet, SampledKind } from '../types';
import { ownClasses } from '../points';
import { makeOwnDataset } from './ownData';
import { blobsSampler } from './blobs';
import { sampleCheckerboard } from './checkerboard';
import { sampleCircles } from './circles';
import { sampleMoons } from './moons';
import type { ClassSampler } from './sampling';
import { sampleBalanced } from './sampling';
import { spiralSampler } from './spiral';
import { sampleXor } from './xor';

interface DatasetEntry {
  /** Human-readable name. */
  label: string;
  classes(spec: DatasetSpec): number;
  sampler(classes: number): ClassSampler;
}

/** Every dataset the app can generate, by kind. */
export const DATASETS: Readonly<Record<SampledKind, DatasetEntry>> = {
  moons: { label: 'Two moons', classes: () => 2, sampler: () => sampleMoons },
  circles: { label: 'Concentric circles', classes: () => 2, sampler: () => sampleCircles },
  spiral: { label: 'Spiral (2 arms)', classes: () => 2, sampler: spiralSampler },
  spiral3: { label: 'Spiral (3 arms)', classes: () => 3, sampler: spiralSampler },
  xor: { label: 'XOR', classes: () => 2, sampler: () => sampleXor },
  blobs: { label: 'Gaussian blobs', classes: (spec) => spec.blobClasses, sampler: blobsSampler },
  checker: { label: 'Checkerboard', classes: () => 2, sampler: () => sampleCheckerboard },
};

/** Every kind of data by its name on screen. */
export const DATASET_LABELS: Readonly<Record<DatasetKind, string>> = {
  ...(Object.fromEntries(Object.entries(DATASETS).map(([k, v]) => [k, v.label])) as Record<
    SampledKind,
    string
  >),
  custom: 'Your own points',
};

/** Number of classes of the dataset a spec describes. */
export function datasetClasses(spec: DatasetSpec): number {
  return spec.kind === 'custom' ? ownClasses(spec.points?.y ?? []) : DATASETS[spec.kind].classes(spec);
}

/** Draws `n` points of a dataset from the given stream. */
export function sampleDataset(
  spec: DatasetSpec & { kind: SampledKind },
  n: number,
  streamName: string,
): PointSet {
  const entry = DATASETS[spec.kind];
  const classes = entry.classes(spec);
  const rng = createRandomStream(spec.seed, streamName);
  return sampleBalanced(n, classes, spec.noise, rng, entry.sampler(classes));
}

/** The training set (stream "data/train", spec.n points) and the test set ("data/test", spec.nTest). */
export function makeDataset(spec: DatasetSpec): { train: PointSet; test: PointSet } {
  if (spec.kind === 'custom') return makeOwnDataset(spec);
  const sampled = { ...spec, kind: spec.kind };
  return {
    train: sampleDataset(sampled, spec.n, 'data/train'),
    test: sampleDataset(sampled, spec.nTest, 'data/test'),
  };
}
