/** What each choice of a scenario field is called on screen. */
import { DATASET_LABELS } from '../../core/datasets';
import type { Scenario } from '../../scenario/schema';

type ChoiceKey = Exclude<
  { [K in keyof Scenario]: Scenario[K] extends string ? K : never }[keyof Scenario],
  'caption' | 'vs' | 'pts'
>;

export const CHOICE_LABELS: { [K in ChoiceKey]: Record<Scenario[K], string> } = {
  data: DATASET_LABELS,
  act: { tanh: 'tanh', relu: 'ReLU', gelu: 'GELU' },
  h: { '1': 'h = 1', '1/K': 'h = 1/K' },
  head: { learned: 'Learned', fixed: 'Fixed' },
  penalty: { off: 'Off', fixed: 'Fixed', lap: 'Least action' },
  opt: { adam: 'Adam', sgd: 'SGD + momentum' },
  engine: { fused: 'Fused', reference: 'Reference' },
  flow: { once: 'Once', loop: 'Loop', bounce: 'Bounce' },
  trail: { class: 'Class', straightness: 'Straightness', monge: 'Monge gap' },
  regions: { soft: 'Confidence', discrete: 'Discrete' },
  play: { off: 'Off', on: 'On' },
  class: { off: 'Off', on: 'On' },
  lock: { off: 'Off', on: 'On' },
  embed: { off: 'Off', on: 'On' },
  cmp: { off: 'Off', on: 'On' },
  pace: {
    tempo: 'Slow start, then faster',
    max: 'As fast as possible',
    '1000': '1000 steps/s',
    '300': '300 steps/s',
    '100': '100 steps/s',
    '30': '30 steps/s',
    '10': '10 steps/s',
    '3': '3 steps/s',
    '1': '1 step/s',
  },
};

/** The engine as the status badge names it. */
export const ENGINE_LABELS = { fused: 'fused', reference: 'tfjs ops' } as const;

/** What each engine is, for the badge's tooltip. */
export const ENGINE_DETAILS = {
  fused: 'engine: fused (each training step is one kernel)',
  reference: 'engine: reference (each training step is composed tfjs ops)',
} as const;

export type { ChoiceKey };
