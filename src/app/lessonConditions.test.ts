import { describe, expect, it } from 'vitest';
import type { LessonCondition } from '../scenario/lesson';
import { defaultScenario } from '../scenario/schema';
import type { LessonFacts } from './lessonConditions';
import { compareValues, conditionReading, depthFraction, evaluateCondition } from './lessonConditions';
import { createLessonFactSources } from './lessonWatcher';

function facts(patch: Partial<LessonFacts> = {}): LessonFacts {
  return {
    scenario: defaultScenario(),
    runs: { a: null, b: null },
    playing: false,
    depth: 8,
    blocks: 8,
    fact: () => undefined,
    ...patch,
  };
}

describe('compareValues', () => {
  it('compares numbers by every operator and anything else by = and != only', () => {
    expect([1, 2, 3].map((x) => compareValues(x, '<', 2))).toEqual([true, false, false]);
    expect([1, 2, 3].map((x) => compareValues(x, '<=', 2))).toEqual([true, true, false]);
    expect([1, 2, 3].map((x) => compareValues(x, '>', 2))).toEqual([false, false, true]);
    expect([1, 2, 3].map((x) => compareValues(x, '>=', 2))).toEqual([false, true, true]);
    expect([1, 2].map((x) => compareValues(x, '=', 2))).toEqual([false, true]);
    expect([1, 2].map((x) => compareValues(x, '!=', 2))).toEqual([true, false]);
    expect(compareValues('lap', '=', 'lap')).toBe(true);
    expect(compareValues('lap', '>', 'fixed')).toBe(false);
    expect(compareValues(true, '=', true)).toBe(true);
  });
});

describe('evaluateCondition', () => {
  it('compares a scenario setting: "drag the penalty weight above 0.3"', () => {
    const when: LessonCondition = { kind: 'field', field: 'weight', op: '>', value: 0.3 };
    expect(evaluateCondition(when, facts())).toBe('unmet');
    expect(evaluateCondition(when, facts({ scenario: { ...defaultScenario(), weight: 0.3 } }))).toBe('unmet');
    expect(evaluateCondition(when, facts({ scenario: { ...defaultScenario(), weight: 0.31 } }))).toBe('met');
  });

  it('tests a flag set with has and lacks', () => {
    const grid: LessonCondition = { kind: 'field', field: 'layers', op: 'has', value: 'grid' };
    const noTrails: LessonCondition = { kind: 'field', field: 'layers', op: 'lacks', value: 'trails' };
    expect(evaluateCondition(grid, facts())).toBe('unmet');
    expect(evaluateCondition(noTrails, facts())).toBe('unmet');
    const scenario = { ...defaultScenario(), layers: ['train', 'grid'] as const };
    expect(evaluateCondition(grid, facts({ scenario }))).toBe('met');
    expect(evaluateCondition(noTrails, facts({ scenario }))).toBe('met');
  });

  it('waits for a live read-out of either run: "train until test accuracy reaches 90%"', () => {
    const when: LessonCondition = { kind: 'metric', metric: 'testAccuracy', run: 'a', op: '>=', value: 0.9 };
    expect(evaluateCondition(when, facts())).toBe('unmet');
    expect(evaluateCondition(when, facts({ runs: { a: { testAccuracy: 0.899 }, b: null } }))).toBe('unmet');
    expect(evaluateCondition(when, facts({ runs: { a: { testAccuracy: 0.9 }, b: null } }))).toBe('met');
    expect(evaluateCondition(when, facts({ runs: { a: { testAccuracy: NaN }, b: null } }))).toBe('unmet');
    const ofB: LessonCondition = { kind: 'metric', metric: 'step', run: 'b', op: '>=', value: 10 };
    expect(evaluateCondition(ofB, facts({ runs: { a: { step: 20 }, b: { step: 9 } } }))).toBe('unmet');
    expect(evaluateCondition(ofB, facts({ runs: { a: { step: 20 }, b: { step: 10 } } }))).toBe('met');
    // A measure not yet taken does not count as reached.
    const ot: LessonCondition = { kind: 'metric', metric: 'otRatio', run: 'a', op: '<', value: 2 };
    expect(evaluateCondition(ot, facts({ runs: { a: { step: 5 }, b: null } }))).toBe('unmet');
  });

  it('reads the depth as a fraction of K: "scrub depth to the middle"', () => {
    const when: LessonCondition = { kind: 'depth', min: 0.4, max: 0.6 };
    expect([0, 3.19, 3.2, 4, 4.8, 4.81, 8].map((depth) => evaluateCondition(when, facts({ depth })))).toEqual(
      ['unmet', 'unmet', 'met', 'met', 'met', 'unmet', 'unmet'],
    );
    // Against the run's own number of blocks, not a K being edited.
    expect(evaluateCondition(when, facts({ depth: 5, blocks: 10 }))).toBe('met');
    expect(depthFraction({ depth: 3, blocks: 0 })).toBe(0);
    expect(depthFraction({ depth: 40, blocks: 8 })).toBe(1);
  });

  it('checks compare mode and what each run holds: "compare off against least action"', () => {
    const when: LessonCondition = { kind: 'compare', a: { penalty: 'off' }, b: { penalty: 'lap' } };
    const off = { ...defaultScenario(), penalty: 'off' as const };
    expect(evaluateCondition(when, facts({ scenario: off }))).toBe('unmet');
    expect(evaluateCondition(when, facts({ scenario: { ...off, cmp: 'on', vs: 'penalty:lap' } }))).toBe(
      'met',
    );
    expect(evaluateCondition(when, facts({ scenario: { ...off, cmp: 'on', vs: 'penalty:fixed' } }))).toBe(
      'unmet',
    );
    expect(evaluateCondition(when, facts({ scenario: { ...off, cmp: 'on', vs: 'lr:0.003' } }))).toBe('unmet');
    const anyCompare: LessonCondition = { kind: 'compare', a: {}, b: {} };
    expect(evaluateCondition(anyCompare, facts({ scenario: { ...off, cmp: 'on', vs: 'lr:0.003' } }))).toBe(
      'met',
    );
  });

  it('knows a pause from a run not yet started, and a running one', () => {
    const paused: LessonCondition = { kind: 'paused' };
    const training: LessonCondition = { kind: 'training' };
    expect(evaluateCondition(paused, facts({ runs: { a: { step: 0 }, b: null } }))).toBe('unmet');
    expect(evaluateCondition(paused, facts({ runs: { a: { step: 12 }, b: null } }))).toBe('met');
    expect(evaluateCondition(paused, facts({ playing: true, runs: { a: { step: 12 }, b: null } }))).toBe(
      'unmet',
    );
    expect(evaluateCondition(training, facts({ playing: true }))).toBe('met');
    expect(evaluateCondition(training, facts())).toBe('unmet');
  });

  it('reads a named fact where a part of the app offers it, and says when none does', () => {
    const when: LessonCondition = { kind: 'fact', fact: 'study.seeds', op: '>=', value: 20 };
    const sources = createLessonFactSources();
    expect(evaluateCondition(when, facts({ fact: sources.read }))).toBe('unavailable');
    let seeds = 5;
    const withdraw = sources.offer('study.seeds', () => seeds);
    expect(evaluateCondition(when, facts({ fact: sources.read }))).toBe('unmet');
    seeds = 20;
    expect(evaluateCondition(when, facts({ fact: sources.read }))).toBe('met');
    withdraw();
    expect(evaluateCondition(when, facts({ fact: sources.read }))).toBe('unavailable');
  });

  it('needs every condition of an all', () => {
    const when: LessonCondition = {
      kind: 'all',
      of: [{ kind: 'metric', metric: 'step', run: 'a', op: '>=', value: 100 }, { kind: 'paused' }],
    };
    expect(evaluateCondition(when, facts({ playing: true, runs: { a: { step: 150 }, b: null } }))).toBe(
      'unmet',
    );
    expect(evaluateCondition(when, facts({ runs: { a: { step: 50 }, b: null } }))).toBe('unmet');
    expect(evaluateCondition(when, facts({ runs: { a: { step: 150 }, b: null } }))).toBe('met');
    const withFact: LessonCondition = {
      kind: 'all',
      of: [{ kind: 'training' }, { kind: 'fact', fact: 'x', op: '=', value: true }],
    };
    expect(evaluateCondition(withFact, facts())).toBe('unmet');
    expect(evaluateCondition(withFact, facts({ playing: true }))).toBe('unavailable');
  });
});

describe('conditionReading', () => {
  it('says where the page stands on what a task measures', () => {
    const readout = facts({
      runs: { a: { testAccuracy: 0.8413, step: 250 }, b: { kineticCost: 0.0123 } },
      depth: 2.5,
    });
    expect(
      conditionReading({ kind: 'metric', metric: 'testAccuracy', run: 'a', op: '>=', value: 0.9 }, readout),
    ).toBe('now: test accuracy 84.1%');
    expect(
      conditionReading({ kind: 'metric', metric: 'step', run: 'a', op: '>=', value: 300 }, readout),
    ).toBe('now: step 250');
    expect(
      conditionReading({ kind: 'metric', metric: 'kineticCost', run: 'b', op: '<', value: 1 }, readout),
    ).toBe('now: C of run B 0.0123');
    expect(conditionReading({ kind: 'depth', min: 0.4, max: 0.6 }, readout)).toBe('now: depth t = 2.50 of 8');
    expect(conditionReading({ kind: 'field', field: 'weight', op: '>', value: 0.3 }, readout)).toBe(
      'now: penalty weight 0.1',
    );
    expect(conditionReading({ kind: 'paused' }, readout)).toBeNull();
    expect(
      conditionReading({ kind: 'metric', metric: 'otRatio', run: 'a', op: '>', value: 0.9 }, readout),
    ).toBeNull();
  });
});
