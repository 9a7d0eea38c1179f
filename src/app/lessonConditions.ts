/**
 * Whether a lesson task's condition holds, from a plain description of the page at one moment
 * (LessonFacts): pure logic, no store, no DOM, so it is tested in Node. lessonWatcher.ts builds the
 * facts from the store, the depth clock and the facts other parts of the app offer.
 */
import { comparedScenario } from '../scenario/compare';
import type { LessonCondition, LessonMetric, LessonOp } from '../scenario/lesson';
import type { Scenario } from '../scenario/schema';
import { FIELDS } from '../scenario/schema';

/** A run's latest read-outs; a metric not yet measured is absent. */
export type LessonReadout = Partial<Record<LessonMetric, number>>;

/** Scalar values of named facts; undefined where the page offers no such fact. */
export type LessonFactValue = number | string | boolean;

/** The page as a lesson task sees it at one moment. */
export interface LessonFacts {
  scenario: Scenario;
  /** Latest read-outs of the scenario's run (a) and of the compared run (b); null before any. */
  runs: { a: LessonReadout | null; b: LessonReadout | null };
  playing: boolean;
  /** Depth shown, in blocks (0 input, `blocks` output). */
  depth: number;
  blocks: number;
  /** A named fact offered by a part of the app, or undefined where none offers it. */
  fact(name: string): LessonFactValue | undefined;
}

/** met, not yet met, or impossible to check here (it needs a part of the app this page lacks). */
export type ConditionState = 'met' | 'unmet' | 'unavailable';

/** `left op right`; numbers compare as numbers, anything else only by = and !=. */
export function compareValues(left: LessonFactValue, op: LessonOp, right: LessonFactValue): boolean {
  if (op === '=') return left === right;
  if (op === '!=') return left !== right;
  if (typeof left !== 'number' || typeof right !== 'number') return false;
  switch (op) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    default:
      return false;
  }
}

/** The depth shown as a fraction of K (0 input, 1 output). */
export function depthFraction(facts: Pick<LessonFacts, 'depth' | 'blocks'>): number {
  return facts.blocks > 0 ? Math.min(1, Math.max(0, facts.depth / facts.blocks)) : 0;
}

/** Holds when every setting listed has that value in the given scenario. */
function holdsSettings(scenario: Scenario, settings: Readonly<Record<string, string | number>>): boolean {
  const values = scenario as unknown as Record<string, unknown>;
  return Object.entries(settings).every(([key, value]) => values[key] === value);
}

/** Whether a condition holds for the facts. */
export function evaluateCondition(condition: LessonCondition, facts: LessonFacts): ConditionState {
  const yes = (holds: boolean): ConditionState => (holds ? 'met' : 'unmet');
  switch (condition.kind) {
    case 'field': {
      const value = facts.scenario[condition.field];
      if (FIELDS[condition.field].type === 'flags') {
        const has = (value as readonly string[]).includes(String(condition.value));
        return yes(condition.op === 'has' ? has : !has);
      }
      return yes(compareValues(value as LessonFactValue, condition.op, condition.value));
    }
    case 'metric': {
      const value = facts.runs[condition.run]?.[condition.metric];
      return yes(
        value !== undefined && Number.isFinite(value) && compareValues(value, condition.op, condition.value),
      );
    }
    case 'depth': {
      const t = depthFraction(facts);
      // A hair of slack: a slider moved to "the middle" by hand lands on a hundredth of a block.
      return yes(t >= condition.min - 1e-9 && t <= condition.max + 1e-9);
    }
    case 'compare': {
      const b = comparedScenario(facts.scenario);
      return yes(b !== null && holdsSettings(facts.scenario, condition.a) && holdsSettings(b, condition.b));
    }
    case 'paused':
      return yes(!facts.playing && (facts.runs.a?.step ?? 0) >= 1);
    case 'training':
      return yes(facts.playing);
    case 'fact': {
      const value = facts.fact(condition.fact);
      return value === undefined ? 'unavailable' : yes(compareValues(value, condition.op, condition.value));
    }
    case 'all': {
      const states = condition.of.map((c) => evaluateCondition(c, facts));
      if (states.includes('unmet')) return 'unmet';
      return states.includes('unavailable') ? 'unavailable' : 'met';
    }
  }
}

const METRIC_WORDS: Readonly<Record<LessonMetric, string>> = {
  step: 'step',
  trainLoss: 'train loss',
  trainAccuracy: 'train accuracy',
  testLoss: 'test loss',
  testAccuracy: 'test accuracy',
  kineticCost: 'C',
  lambda: 'λ',
  weight: 'weight a',
  otRatio: 'OT ratio',
  straightness: 'straightness',
  efficiency: 'efficiency',
  monotonicityViolations: 'order reversals',
};

function formatMetric(metric: LessonMetric, value: number): string {
  if (metric === 'step') return String(value);
  if (metric === 'trainAccuracy' || metric === 'testAccuracy') return `${(100 * value).toFixed(1)}%`;
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

/**
 * Where the page stands on a condition, in a few words beside the task ("now: test accuracy
 * 84.0%"), or null when there is nothing to measure (a pause, a switch).
 */
export function conditionReading(condition: LessonCondition, facts: LessonFacts): string | null {
  switch (condition.kind) {
    case 'field': {
      const value = facts.scenario[condition.field];
      if (typeof value !== 'number') return null;
      return `now: ${FIELDS[condition.field].label} ${Number(value.toPrecision(3))}`;
    }
    case 'metric': {
      const value = facts.runs[condition.run]?.[condition.metric];
      if (value === undefined || !Number.isFinite(value)) return null;
      const run = condition.run === 'b' ? ' of run B' : '';
      return `now: ${METRIC_WORDS[condition.metric]}${run} ${formatMetric(condition.metric, value)}`;
    }
    case 'depth':
      return `now: depth t = ${facts.depth.toFixed(2)} of ${facts.blocks}`;
    default:
      return null;
  }
}
