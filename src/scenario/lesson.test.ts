import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Lesson } from './lesson';
import { LESSON_LIMITS, scenarioStepOf } from './lesson';
import {
  decodeLessonData,
  encodeLessonData,
  lessonLinkSuffix,
  MAX_LESSON_DATA_LENGTH,
  parseLessonJson,
  readLessonParams,
  withLessonParams,
} from './lessonLink';
import { lessonIdOf, lessonToJson, restoreLesson } from './lessonRestore';
import { BUILT_IN_LESSONS, LESSON_FILES } from './lessons';
import { decodeScenarioLink, encodeScenarioLink } from './link';
import { toBase64Url } from '../core/base64url';
import { pipe } from './trainedState';

const step = (extra: Record<string, unknown> = {}) => ({ title: 'A step', text: 'Some text.', ...extra });

describe('built-in lessons', () => {
  it('read without a notice, one file per lesson named by its link name', () => {
    const files = readdirSync(new URL('./lessons/', import.meta.url)).filter((f) => f.endsWith('.json'));
    expect(files.length).toBe(LESSON_FILES.length);
    expect(BUILT_IN_LESSONS.length).toBeGreaterThanOrEqual(6);
    for (const file of LESSON_FILES) {
      const { lesson, notices } = restoreLesson(file);
      expect(notices, lesson?.id).toEqual([]);
      expect(files).toContain(`${lesson!.id}.json`);
      expect(lesson!.steps[0].open, `${lesson!.id} opens a scenario on its first step`).not.toBeNull();
    }
    expect(new Set(BUILT_IN_LESSONS.map((l) => l.id)).size).toBe(BUILT_IN_LESSONS.length);
  });

  it('write their step links canonically, each with a step limit so that tasks finish', () => {
    for (const lesson of BUILT_IN_LESSONS) {
      for (const s of lesson.steps) {
        if (s.open === null) continue;
        const { scenario, notices } = decodeScenarioLink(s.open);
        expect(notices).toEqual([]);
        expect(encodeScenarioLink(scenario)).toBe(s.open);
        expect(scenario.steps, `${lesson.id}: ${s.title}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('restoreLesson', () => {
  it('refuses what is not a lesson, with a notice, and never throws', () => {
    for (const input of [null, 3, 'text', [], {}, { steps: [] }, { steps: [1, null, 'x'] }]) {
      const { lesson, notices } = restoreLesson(input);
      expect(lesson).toBeNull();
      expect(notices.length).toBeGreaterThan(0);
    }
  });

  it('cuts text, drops extra steps and highlights, and reports each change', () => {
    const steps = Array.from({ length: LESSON_LIMITS.steps + 3 }, () =>
      step({ text: 'x'.repeat(LESSON_LIMITS.textLength + 10), highlight: ['weight', 'no-such-part', 7] }),
    );
    const { lesson, notices } = restoreLesson({ title: 'T'.repeat(200), steps });
    expect(lesson!.steps).toHaveLength(LESSON_LIMITS.steps);
    expect(lesson!.title).toHaveLength(LESSON_LIMITS.titleLength);
    expect(lesson!.steps[0].text).toHaveLength(LESSON_LIMITS.textLength);
    expect(lesson!.steps[0].highlight).toEqual(['weight']);
    expect(notices).toContain(
      `The lesson has ${LESSON_LIMITS.steps + 3} steps; only the first ${LESSON_LIMITS.steps} are kept.`,
    );
    expect(notices.some((n) => n.startsWith('Step 1: "no-such-part", "7" cannot be highlighted'))).toBe(true);
    expect(notices.some((n) => n === `Step 1 text: cut to ${LESSON_LIMITS.textLength} characters.`)).toBe(
      true,
    );
  });

  it('keeps paragraphs but replaces other control characters', () => {
    const { lesson } = restoreLesson({ steps: [step({ text: 'one\r\n\r\ntwo\u0007three' })] });
    expect(lesson!.steps[0].text).toBe('one\n\ntwo three');
  });

  it('clamps step links like any link and names the step', () => {
    const { lesson, notices } = restoreLesson({
      steps: [step({ open: 'v=2&K=99&bogus=1' }), step({ open: 'keep' })],
    });
    expect(lesson!.steps[0].open).toBe('v=2&K=32');
    expect(lesson!.steps[1].open).toBeNull();
    expect(notices).toContain('Step 1: blocks K (K): 99 is above the maximum 32; using 32.');
    expect(notices).toContain('Step 1: Ignored unknown setting "bogus".');
  });

  it('reads every kind of task and clamps its values', () => {
    const tasks = [
      { kind: 'field', field: 'weight', op: '>', value: 500 },
      { kind: 'field', field: 'penalty', op: '=', value: 'LAP' },
      { kind: 'field', field: 'layers', op: 'has', value: 'grid' },
      { kind: 'metric', metric: 'testAccuracy', op: '>=', value: '0.9' },
      { kind: 'depth', min: 0.6, max: 0.4 },
      { kind: 'compare', a: { penalty: 'off' }, b: { penalty: 'lap', K: 4 } },
      { kind: 'paused' },
      { kind: 'fact', fact: 'study.seeds', op: '>=', value: 20 },
      {
        kind: 'all',
        of: [{ kind: 'training' }, { kind: 'metric', metric: 'step', run: 'b', op: '>', value: 5 }],
      },
    ];
    const { lesson, notices } = restoreLesson({
      steps: tasks.map((when) => step({ task: { text: 'Do it.', when } })),
    });
    expect(lesson!.steps.map((s) => s.task?.when)).toEqual([
      { kind: 'field', field: 'weight', op: '>', value: 100 },
      { kind: 'field', field: 'penalty', op: '=', value: 'lap' },
      { kind: 'field', field: 'layers', op: 'has', value: 'grid' },
      { kind: 'metric', metric: 'testAccuracy', run: 'a', op: '>=', value: 0.9 },
      { kind: 'depth', min: 0.4, max: 0.6 },
      { kind: 'compare', a: { penalty: 'off' }, b: { penalty: 'lap' } },
      { kind: 'paused' },
      { kind: 'fact', fact: 'study.seeds', op: '>=', value: 20 },
      {
        kind: 'all',
        of: [{ kind: 'training' }, { kind: 'metric', metric: 'step', run: 'b', op: '>', value: 5 }],
      },
    ]);
    expect(notices).toEqual([
      'Step 1 task: penalty weight (weight): 500 is above the maximum 100; using 100.',
      'Step 5 task: the depth range 0.6-0.4 is empty; using 0.4-0.6.',
      'Step 6 task (run B): ignored "K": only h, act, head, penalty, weight, lambda0, tau, s, opt, lr, batch, momentum, beta1, beta2, warmup, decay, eps, clip may differ.',
    ]);
  });

  it('drops tasks it cannot read, keeping the step', () => {
    const bad = [
      { kind: 'nonsense' },
      { kind: 'field', field: 'nope', op: '>', value: 1 },
      { kind: 'field', field: 'penalty', op: '>', value: 'off' },
      { kind: 'field', field: 'layers', op: 'has', value: 'nope' },
      { kind: 'metric', metric: 'speed', op: '>', value: 1 },
      { kind: 'metric', metric: 'step', op: '>', value: 'lots' },
      { kind: 'fact', fact: '<script>', op: '=', value: true },
      { kind: 'all', of: [{ kind: 'all', of: [] }] },
      'pause',
    ];
    const { lesson, notices } = restoreLesson({
      steps: bad.map((when) => step({ task: { text: 'Do it.', when } })),
    });
    expect(lesson!.steps).toHaveLength(bad.length);
    expect(lesson!.steps.every((s) => s.task === null)).toBe(true);
    expect(notices.filter((n) => n.endsWith('the task needs a text and a condition; dropped.'))).toHaveLength(
      bad.length,
    );
  });

  it('gives link names made of lower-case letters, digits and dashes', () => {
    expect(lessonIdOf('Least Action — Adapts!')).toBe('least-action-adapts');
    expect(lessonIdOf('???')).toBe('lesson');
    expect(restoreLesson({ id: 'My Lesson', steps: [step()] }).lesson!.id).toBe('my-lesson');
    expect(restoreLesson({ title: 'Flows, quickly', steps: [step()] }).lesson!.id).toBe('flows-quickly');
  });

  it('reads back what it writes', () => {
    for (const lesson of BUILT_IN_LESSONS) {
      const again = restoreLesson(JSON.parse(JSON.stringify(lessonToJson(lesson))));
      expect(again.notices).toEqual([]);
      expect(again.lesson).toEqual(lesson);
    }
  });

  it('knows which step a step runs on', () => {
    const lesson = restoreLesson({
      steps: [step({ open: 'v=2' }), step(), step({ open: 'v=2&K=4' }), step()],
    }).lesson!;
    expect([0, 1, 2, 3].map((i) => scenarioStepOf(lesson, i))).toEqual([0, 0, 2, 2]);
    const keepOnly = restoreLesson({ steps: [step()] }).lesson!;
    expect(scenarioStepOf(keepOnly, 0)).toBe(-1);
  });
});

describe('lessons in links', () => {
  const lesson: Lesson = BUILT_IN_LESSONS[2];

  it('travel compressed and come back the same', async () => {
    const data = await encodeLessonData(lesson);
    expect(data.startsWith('~')).toBe(true);
    expect(data).toMatch(/^~[A-Za-z0-9_-]+$/);
    expect(data.length).toBeLessThan(JSON.stringify(lessonToJson(lesson)).length);
    const back = await decodeLessonData(data);
    expect(back.notices).toEqual([]);
    expect(back.lesson).toEqual(lesson);
  });

  it('say what is wrong with mangled data, and never throw', async () => {
    const data = await encodeLessonData(lesson);
    const cases: [string, RegExp][] = [
      ['~not*base64', /not valid base64url/],
      ['~', /not valid base64url/],
      [data.slice(0, data.length / 2), /could not be decompressed/],
      [`~${'A'.repeat(MAX_LESSON_DATA_LENGTH + 1)}`, /characters long/],
      [
        `~${toBase64Url(await pipe(new TextEncoder().encode('{"steps": ['), new CompressionStream('deflate-raw')))}`,
        /not valid JSON/,
      ],
      [
        `~${toBase64Url(await pipe(new TextEncoder().encode('[1,2]'), new CompressionStream('deflate-raw')))}`,
        /not a set of named parts/,
      ],
    ];
    for (const [text, message] of cases) {
      const { lesson: read, notices } = await decodeLessonData(text);
      expect(read, text.slice(0, 20)).toBeNull();
      expect(notices.join(' '), text.slice(0, 20)).toMatch(message);
    }
  });

  it('refuse JSON that unpacks too large', async () => {
    const huge = new TextEncoder().encode(JSON.stringify({ steps: [step({ text: ' '.repeat(200_000) })] }));
    const data = `~${toBase64Url(await pipe(huge, new CompressionStream('deflate-raw')))}`;
    expect((await decodeLessonData(data)).notices.join(' ')).toMatch(/unpacks to more than/);
    expect(parseLessonJson(' '.repeat(70_000)).lesson).toBeNull();
  });

  it('sit beside the scenario in a link without disturbing it', () => {
    const hash = '#v=2&K=4&lesson=kinetic-penalty&step=3&answers=off';
    const { scenario, notices } = decodeScenarioLink(hash);
    expect(notices).toEqual([]);
    expect(encodeScenarioLink(scenario)).toBe('v=2&K=4');
    expect(readLessonParams(hash)).toEqual({
      params: { lesson: 'kinetic-penalty', step: 2, answers: false },
      notices: [],
    });
    expect(lessonLinkSuffix(hash)).toBe('&lesson=kinetic-penalty&step=3&answers=off');
    expect(lessonLinkSuffix('#v=2&K=4')).toBe('');
    expect(withLessonParams('#v=2&h=1/K&layers=train,ot', { lesson: 'x', step: 0, answers: true })).toBe(
      '#v=2&h=1/K&layers=train,ot&lesson=x&step=1',
    );
    expect(withLessonParams(hash, null)).toBe('#v=2&K=4');
    expect(withLessonParams('', { lesson: '~abc', step: 4, answers: false })).toBe(
      '#lesson=~abc&step=5&answers=off',
    );
  });

  it('read bad lesson keys with notices', () => {
    expect(readLessonParams('#v=2')).toEqual({ params: null, notices: [] });
    const { params, notices } = readLessonParams('#lesson=x&step=zero&answers=maybe');
    expect(params).toEqual({ lesson: 'x', step: 0, answers: true });
    expect(notices).toEqual([
      'Lesson step (step): "zero" is not a step number; starting at step 1.',
      'Lesson answers (answers): "maybe" is not on or off; the answers are shown.',
    ]);
  });
});
