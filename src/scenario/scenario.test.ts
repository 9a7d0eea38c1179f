import { describe, expect, it } from 'vitest';
import type { RandomStream } from '../core/random';
import { createRandomStream } from '../core/random';
import { decodeScenarioLink, encodeScenarioLink, MAX_LINK_LENGTH, parseScenarioText } from './link';
import { restoreScenario } from './restore';
import { comparedScenario } from './compare';
import { changedInScope, changedSettings, needsRebuild, runConfig } from './runConfig';
import type { NumberField, Scenario } from './schema';
import { decodePoints, encodePoints } from '../core/points';
import { encodeOverrides, readOverrides } from './compare';
import { COMPARABLE_KEYS, defaultScenario, FIELDS, MAX_CAPTION_LENGTH, SCENARIO_KEYS } from './schema';

const scenarioWith = (patch: Partial<Scenario>): Scenario => ({ ...defaultScenario(), ...patch });

/** The fields of s that are missing, of the wrong type or out of their limits. */
function validValue(key: keyof Scenario, value: unknown): boolean {
  const field = FIELDS[key];
  switch (field.type) {
    case 'choice':
      return (field.values as readonly unknown[]).includes(value);
    case 'flags':
      return (
        Array.isArray(value) &&
        value.every((v) => (field.values as readonly unknown[]).includes(v)) &&
        new Set(value).size === value.length
      );
    case 'text':
      return (
        typeof value === 'string' &&
        value.length <= field.maxLength &&
        value === value.trim() &&
        ![...value].some((ch) => ch.charCodeAt(0) < 32)
      );
    case 'points':
      return typeof value === 'string' && (value === '' || encodePointsOf(value) === value);
    case 'overrides': {
      const notices: string[] = [];
      return typeof value === 'string' && readOverrides(value, notices) === value && notices.length === 0;
    }
    default:
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= field.min &&
        value <= field.max &&
        (field.type === 'float' || Number.isInteger(value))
      );
  }
}

/** The fields of s that are missing, of the wrong type or out of their limits. */
function invalidFields(s: Scenario): string[] {
  const bad: string[] = Object.keys(s).filter((k) => !Object.hasOwn(FIELDS, k));
  for (const key of SCENARIO_KEYS) if (!validValue(key, s[key])) bad.push(key);
  return bad;
}

function randomNumber(field: NumberField, rng: RandomStream): number {
  if (field.type === 'int') return field.min + rng.int(Math.min(field.max - field.min + 1, 1e7));
  if (rng.next() < 0.2) return field.min;
  const value =
    field.log && field.min > 0
      ? Math.exp(rng.uniform(Math.log(field.min), Math.log(field.max)))
      : rng.uniform(field.min, field.max);
  return Math.min(field.max, Math.max(field.min, Number(value.toPrecision(1 + rng.int(6)))));
}

function randomScenario(rng: RandomStream): Scenario {
  const s = defaultScenario() as unknown as Record<string, unknown>;
  for (const key of SCENARIO_KEYS) {
    if (key === 'v' || rng.next() < 0.4) continue;
    const field = FIELDS[key];
    if (field.type === 'choice') s[key] = field.values[rng.int(field.values.length)];
    else if (field.type === 'flags') s[key] = field.values.filter(() => rng.next() < 0.5);
    else if (field.type === 'text') s[key] = randomText(rng, rng.int(40)).trim();
    else if (field.type === 'overrides') s[key] = randomOverrides(rng);
    else if (field.type === 'points') s[key] = randomPoints(rng);
    else s[key] = randomNumber(field, rng);
  }
  return s as unknown as Scenario;
}

function encodePointsOf(text: string): string | null {
  const points = decodePoints(text);
  return points ? encodePoints(points.x, points.y) : null;
}

function randomPoints(rng: RandomStream): string {
  const n = rng.int(20);
  return encodePoints(
    Float32Array.from({ length: 2 * n }, () => rng.uniform(-2, 2)),
    Uint8Array.from({ length: n }, () => rng.int(4)),
  );
}

function randomOverrides(rng: RandomStream): string {
  const overrides: Record<string, unknown> = {};
  for (const key of COMPARABLE_KEYS) {
    if (rng.next() < 0.8) continue;
    const field = FIELDS[key];
    overrides[key] =
      field.type === 'choice'
        ? field.values[rng.int(field.values.length)]
        : randomNumber(field as NumberField, rng);
  }
  return encodeOverrides(overrides);
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzKvn0123456789=&#?%/.-+eE _\u00e9\u4e2d\u{1F600}';

function randomText(rng: RandomStream, length: number): string {
  return Array.from({ length }, () => [...ALPHABET][rng.int([...ALPHABET].length)]).join('');
}

function mangle(link: string, rng: RandomStream): string {
  const chars = [...link];
  const edits = 1 + rng.int(6);
  for (let e = 0; e < edits; e++) {
    const at = rng.int(chars.length + 1);
    const op = rng.int(3);
    if (op === 0) chars.splice(at, 1);
    else if (op === 1) chars.splice(at, 0, [...ALPHABET][rng.int([...ALPHABET].length)]);
    else
      chars.splice(
        at,
        0,
        ...['&n=-5', '&K=1e9', '&lr=NaN', '&data=<b>x</b>', '&seed=0', '&h=1/k', '&v=99'][rng.int(7)],
      );
  }
  return chars.join('');
}

describe('scenario links', () => {
  it('round-trip 10,000 random scenarios exactly', () => {
    const rng = createRandomStream(1, 'scenarios');
    for (let i = 0; i < 10_000; i++) {
      const s = randomScenario(rng);
      const link = encodeScenarioLink(s);
      const { scenario, notices } = decodeScenarioLink(`https://example.org/lab/#${link}`);
      if (notices.length > 0 || encodeScenarioLink(scenario) !== link)
        expect.fail(`${link}: ${notices.join(' ')}`);
      expect(scenario).toEqual(s);
    }
  });

  it('decode 10,000 random strings and mangled links into valid scenarios without throwing', () => {
    const rng = createRandomStream(2, 'garbage');
    const base = encodeScenarioLink({ ...defaultScenario(), data: 'spiral', n: 30, K: 10, h: '1/K' });
    for (let i = 0; i < 10_000; i++) {
      const text = i % 2 === 0 ? randomText(rng, rng.int(200)) : mangle(base, rng);
      const { scenario, notices } = decodeScenarioLink(text);
      const bad = invalidFields(scenario);
      if (bad.length > 0) expect.fail(`${JSON.stringify(text)} gave invalid ${bad.join(', ')}`);
      if (!Array.isArray(notices)) expect.fail('no notices array');
    }
  });

  it('is canonical: defaults left out, fixed key order, v first, readable 1/K', () => {
    expect(encodeScenarioLink(defaultScenario())).toBe('v=2');
    const s = {
      ...defaultScenario(),
      penalty: 'off' as const,
      K: 10,
      data: 'moons' as const,
      n: 30,
      noise: 0.25,
      h: '1/K' as const,
    };
    expect(encodeScenarioLink(s)).toBe('v=2&n=30&noise=0.25&K=10&h=1/K&penalty=off');
  });

  it('reads and writes layer lists in table order, dropping unknown names', () => {
    const { scenario, notices } = decodeScenarioLink('layers=grid,TRAIN,bogus,grid&depth=2.5');
    expect(scenario.layers).toEqual(['train', 'grid']);
    expect(scenario.depth).toBe(2.5);
    expect(notices).toHaveLength(1);
    expect(encodeScenarioLink(scenario)).toBe('v=2&layers=train,grid&depth=2.5');
    expect(decodeScenarioLink('layers=').scenario.layers).toEqual([]);
  });

  it('keeps captions as plain text: control characters removed, long ones cut', () => {
    const { scenario, notices } = decodeScenarioLink(
      `caption=${encodeURIComponent('<b>Hi</b>\nthere & 100%')}`,
    );
    expect(scenario.caption).toBe('<b>Hi</b> there & 100%');
    expect(notices).toEqual([]);
    const long = decodeScenarioLink(`caption=${'x'.repeat(500)}`);
    expect(long.scenario.caption).toHaveLength(MAX_CAPTION_LENGTH);
    expect(long.notices[0]).toMatch(/cut to 240/);
    expect(
      decodeScenarioLink(encodeScenarioLink(scenarioWith({ caption: 'a b&c=d' }))).scenario.caption,
    ).toBe('a b&c=d');
  });

  it('reads compare overrides: allowed keys only, clamped, in table order', () => {
    const { scenario, notices } = decodeScenarioLink('cmp=on&vs=lr:5,penalty:OFF,K:3,junk,h:1/K');
    expect(scenario.vs).toBe('h:1/K,penalty:off,lr:1');
    expect(notices.join(' ')).toMatch(/learning rate \(lr\): 5 is above the maximum 1/);
    expect(notices.join(' ')).toMatch(/ignored "K:3"/);
    expect(notices.join(' ')).toMatch(/ignored "junk"/);
    expect(comparedScenario(scenario)).toMatchObject({ h: '1/K', penalty: 'off', lr: 1, cmp: 'off', vs: '' });
    expect(comparedScenario({ ...scenario, cmp: 'off' })).toBeNull();
    expect(encodeScenarioLink(scenario)).toBe('v=2&cmp=on&vs=h:1/K,penalty:off,lr:1');
  });

  it('reads own points as compact text or as JSON triples, in canonical form', () => {
    const json = restoreScenario({ data: 'custom', pts: [[0.5, 1, 0], [-1, 2, 1], 'junk'] });
    expect(json.scenario.data).toBe('custom');
    expect(json.notices[0]).toMatch(/1 entries were not/);
    const points = decodePoints(json.scenario.pts)!;
    expect(Array.from(points.y)).toEqual([0, 1]);
    expect(points.x[0]).toBeCloseTo(0.5, 2);
    expect(decodeScenarioLink(encodeScenarioLink(json.scenario)).scenario.pts).toBe(json.scenario.pts);
    expect(decodeScenarioLink('pts=abc').notices[0]).toMatch(/cannot be read as points/);
  });

  it('reads the example link of the issue', () => {
    const { scenario, notices } = decodeScenarioLink('#v=2&data=moons&n=30&noise=0.25&K=10&penalty=lap');
    expect(notices).toEqual([]);
    expect(scenario).toMatchObject({ data: 'moons', n: 30, noise: 0.25, K: 10, penalty: 'lap' });
  });

  it('clamps, rounds, replaces and reports every bad value', () => {
    const { scenario, notices } = decodeScenarioLink(
      '?n=5&K=2.6&lr=abc&data=Spiral&act=swish&foo=1&noise=1e9&seed=0',
    );
    expect(scenario).toMatchObject({
      n: 10,
      K: 3,
      lr: 0.005,
      data: 'spiral',
      act: 'tanh',
      noise: 1,
      seed: 1,
    });
    expect(notices).toHaveLength(7);
    expect(notices.join('\n')).toMatch(/training points \(n\): 5 is below the minimum 10; using 10/);
    expect(notices.join('\n')).toMatch(/unknown setting "foo"/);
  });

  it('refuses absurdly long links and notes newer versions and repeated keys', () => {
    expect(decodeScenarioLink('n=20&'.repeat(MAX_LINK_LENGTH)).notices[0]).toMatch(/limit/);
    expect(decodeScenarioLink('v=7').notices[0]).toMatch(/newer version/);
    const repeated = decodeScenarioLink('K=3&K=4');
    expect(repeated.scenario.K).toBe(4);
    expect(repeated.notices[0]).toMatch(/more than once/);
  });

  it('keeps a version-1 link training as it did: no clipping, the old rate, unless it says so', () => {
    expect(defaultScenario()).toMatchObject({ clip: 0.5, lr: 0.005 });
    const old = decodeScenarioLink('v=1&data=spiral&seed=2');
    expect(old.notices).toEqual([]);
    expect(old.scenario).toMatchObject({ v: 2, data: 'spiral', seed: 2, clip: 0, lr: 0.01 });
    expect(encodeScenarioLink(old.scenario)).toBe('v=2&data=spiral&seed=2&lr=0.01&clip=0');
    expect(decodeScenarioLink('v=1&clip=2&lr=0.1').scenario).toMatchObject({ clip: 2, lr: 0.1 });
    // Today's links, and links typed without a version, get today's defaults.
    expect(decodeScenarioLink('v=2&data=spiral').scenario).toMatchObject({ clip: 0.5, lr: 0.005 });
    expect(decodeScenarioLink('data=spiral').scenario).toMatchObject({ clip: 0.5, lr: 0.005 });
    expect(restoreScenario({ v: 1, K: 4 }).scenario).toMatchObject({ clip: 0, lr: 0.01 });
  });

  it('reads JSON and non-objects without throwing', () => {
    expect(parseScenarioText('{"data":"xor","K":"4"}').scenario).toMatchObject({ data: 'xor', K: 4 });
    expect(parseScenarioText('{not json').notices[0]).toMatch(/could not be parsed/);
    expect(restoreScenario([1, 2]).notices[0]).toMatch(/not a set/);
    expect(restoreScenario(null).scenario).toEqual(defaultScenario());
    expect(restoreScenario({ K: { toString: 'x' } }).scenario.K).toBe(8);
  });
});

describe('scenario to run', () => {
  it('maps h, classes and settings', () => {
    const config = runConfig({ ...defaultScenario(), data: 'blobs', classes: 4, K: 5, h: '1/K', s: 3 });
    expect(config.model.stepSize).toBeCloseTo(0.2, 12);
    expect(config.model.classes).toBe(4);
    expect(config.training.every).toBe(3);
    expect(runConfig({ ...defaultScenario(), data: 'spiral3' }).model.classes).toBe(3);
  });

  it('knows which edits are live and which rebuild', () => {
    const a = defaultScenario();
    expect(needsRebuild(a, { ...a, lr: 0.1, penalty: 'off', batch: 10 })).toBe(false);
    expect(needsRebuild(a, { ...a, K: 3 })).toBe(true);
    expect(needsRebuild(a, { ...a, seed: 9 })).toBe(true);
    expect(needsRebuild(a, { ...a, layers: ['grid'], depth: 2 })).toBe(false);
    expect(changedInScope(a, { ...a, layers: ['grid'] }, 'view')).toBe(true);
    expect(changedInScope(a, { ...a, layers: [...a.layers] }, 'view')).toBe(false);
    expect(changedSettings(a, { ...a, lr: 0.1, s: 4 })).toEqual({ learningRate: 0.1, every: 4 });
  });
});
