import { describe, expect, it } from 'vitest';
import { makeDataset } from '../core/datasets';
import { createRandomStream } from '../core/random';
import { initialWeights } from '../core/weights';
import { decodeScenarioLink } from './link';
import { runConfig } from './runConfig';
import { STUDY_LIMITS, restoreStudy } from './study';
import { studyCells } from './studyCells';
import { decodeStudyLink, encodeStudyLink } from './studyLink';
import { parseStudyText, STUDIES, STUDY_FILES } from './studies';

describe('built-in studies', () => {
  it('restore without notices, are named by their files, and round-trip through their links', () => {
    expect(new Set(STUDIES.map((s) => s.name)).size).toBe(STUDIES.length);
    STUDY_FILES.forEach((file, i) => {
      const { study, notices } = restoreStudy(file);
      expect(notices, study.name).toEqual([]);
      expect(study).toEqual(STUDIES[i]);
      const link = encodeStudyLink(study);
      const decoded = parseStudyText(link);
      expect(decoded.notices, study.name).toEqual([]);
      expect(decoded.study).toEqual(study);
      expect(encodeStudyLink(decoded.study)).toBe(link);
      expect(parseStudyText(study.name).study).toBe(STUDIES[i]);
    });
  });

  it('the low-data study on moons is the standard sweep: 6 values of n, 2 arms, 20 seeds, 1,500 steps', () => {
    const study = STUDIES.find((s) => s.name === 'low-data-moons')!;
    expect(encodeStudyLink(study)).toBe(
      'study=low-data-moons&sweep=n&values=10,20,50,100,300,1000&arms=off(penalty:off);least+action(penalty:lap)' +
        '&seeds=20&steps=1500&v=2&noise=0.25&K=10&lr=0.01&warmup=0&decay=0&eps=1e-7&clip=0',
    );
    expect(studyCells(study)).toHaveLength(240);
  });
});

describe('restoring a study from untrusted input', () => {
  it('clamps counts, drops what cannot be swept or armed, and reports every change', () => {
    const { study, notices } = restoreStudy({
      name: 'My Study!',
      base: 'v=2&n=99999&bogus=1',
      sweep: 'seed',
      values: 'a,30,30',
      arms: 'x(penalty:fixed,K:4);x(penalty:off);broken',
      seeds: 1000,
      steps: -5,
      extra: true,
    });
    expect(study.name).toBe('my-study');
    expect(study.base.n).toBe(2000);
    expect(study.sweep).toBe('n');
    expect(study.values).toEqual(['200', '30']);
    expect(study.arms).toEqual([{ label: 'x', set: 'penalty:fixed' }]);
    expect(study.seeds).toBe(STUDY_LIMITS.seeds);
    expect(study.steps).toBe(0);
    const text = notices.join('\n');
    for (const part of [
      'name',
      'n',
      'bogus',
      'cannot be swept',
      'is not a number',
      'more than once',
      'K:4',
      'broken',
      'seeds',
      'steps',
      'extra',
    ])
      expect(text).toContain(part);
  });

  it('never throws, whatever it is given', () => {
    const junk: unknown[] = [
      null,
      3,
      'text',
      [],
      { values: {} },
      { arms: 7 },
      { base: 12 },
      { seeds: 'many' },
    ];
    const random = createRandomStream(7, 'test/junk');
    const pieces = [
      'study=',
      'sweep=',
      'values=',
      'arms=',
      'seeds=',
      '&',
      '(',
      ')',
      ';',
      ',',
      ':',
      'n',
      'lr',
      '1e9',
      '%',
    ];
    for (let i = 0; i < 500; i++) {
      junk.push(Array.from({ length: 1 + random.int(12) }, () => pieces[random.int(pieces.length)]).join(''));
    }
    for (const input of junk) {
      const result = typeof input === 'string' ? decodeStudyLink(input) : restoreStudy(input);
      expect(result.study.arms.length).toBeGreaterThan(0);
      expect(result.study.values.length).toBeGreaterThan(0);
      expect(decodeStudyLink(encodeStudyLink(result.study)).notices).toEqual([]);
    }
  });

  it('caps the number of runs by the number of seeds', () => {
    const values = Array.from({ length: 12 }, (_, i) => 10 + i);
    const { study, notices } = restoreStudy({
      values,
      seeds: 100,
      arms: 'a(penalty:off);b(penalty:lap);c(lr:0.1);d(lr:0.001)',
    });
    expect(study.values.length * study.arms.length * study.seeds).toBeLessThanOrEqual(STUDY_LIMITS.runs);
    expect(notices.join(' ')).toContain('runs');
  });
});

describe('the cells of a study', () => {
  const { study } = restoreStudy({
    base: 'v=2&noise=0.2&seed=5&K=4',
    sweep: 'n',
    values: [20, 40],
    arms: 'init(penalty:off,steps:0);off(penalty:off);least action(penalty:lap)',
    seeds: 2,
    steps: 300,
  });
  const cells = studyCells(study);

  it('one per (seed, value, arm), each link decoding to its scenario', () => {
    expect(cells).toHaveLength(2 * 2 * 3);
    expect(cells.map((c) => c.seed)).toEqual([5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6]);
    expect(cells[0].steps).toBe(0);
    expect(cells[1].steps).toBe(300);
    for (const cell of cells) {
      const { scenario, notices } = decodeScenarioLink(cell.link);
      expect(notices).toEqual([]);
      expect(scenario).toEqual({ ...cell.scenario });
      expect(scenario.n).toBe(Number(cell.value));
    }
    expect(cells[4].link).toBe('v=2&n=40&noise=0.2&seed=5&K=4&penalty=off&steps=300');
  });

  it('paired design: for a seed, every arm of a value gets the same data and initial weights', () => {
    for (const seed of [5, 6]) {
      for (const value of ['20', '40']) {
        const group = cells
          .filter((c) => c.seed === seed && c.value === value)
          .map((c) => runConfig(c.scenario));
        const first = group[0];
        const data = makeDataset(first.data);
        const weights = initialWeights(first.model, first.seed);
        for (const config of group.slice(1)) {
          const other = makeDataset(config.data);
          expect(other.train.x).toEqual(data.train.x);
          expect(other.test.y).toEqual(data.test.y);
          expect(initialWeights(config.model, config.seed)).toEqual(weights);
        }
      }
    }
    // And different seeds differ.
    const a = runConfig(cells[0].scenario);
    const b = runConfig(cells[6].scenario);
    expect(makeDataset(b.data).train.x).not.toEqual(makeDataset(a.data).train.x);
  });
});
