/**
 * The parts of the page a lesson step can light up, by the stable name each carries as a
 * `data-tour` attribute: every scenario setting under its link key (the controls generated from the
 * field table), and the read-outs and tools below. Each name has the words a screen reader
 * announces when the step shows it.
 */
import { FIELDS, SCENARIO_KEYS } from './schema';

const PAGE_TARGETS: Readonly<Record<string, string>> = {
  train: 'the Train button',
  'step-button': 'the Step button',
  reset: 'the Reset button',
  'step-count': 'the step counter',
  transport: 'the transport view',
  'depth-bar': 'the depth slider and the flow buttons',
  thumbnails: 'the thumbnails of each depth',
  layers: 'the layer toggles',
  compare: 'the compare switch',
  'train-accuracy': 'the train accuracy',
  'test-accuracy': 'the test accuracy',
  'kinetic-cost': 'the kinetic cost C',
  'weight-readout': 'the penalty weight read-out',
  'lambda-readout': 'the λ read-out',
  gap: 'the generalisation gap',
  otRatio: 'the OT ratio',
  straightness: 'the straightness',
  efficiency: 'the efficiency',
  monotonicityViolations: 'the order reversals',
  energies: 'the per-block energy bars',
  'block-transport': 'the per-block own and optimal costs',
  'chart-loss': 'the loss chart',
  'chart-accuracy': 'the accuracy chart',
  'chart-kinetic-cost': 'the kinetic cost chart',
  'chart-penalty': 'the penalty chart',
  'chart-transport': 'the transport chart',
  presets: 'the Presets button',
  share: 'the Share button',
};

/** Every name a step may highlight, with what it is called for screen readers. */
export const LESSON_TARGETS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(SCENARIO_KEYS.map((key) => [key, `the ${FIELDS[key].label} setting`])),
  ...PAGE_TARGETS,
};

/** Whether a name is one a step may highlight. */
export function isLessonTarget(name: string): boolean {
  return Object.hasOwn(LESSON_TARGETS, name);
}
