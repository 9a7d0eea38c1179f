import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { restoreStudy } from '../scenario/study';
import { runNumbers } from '../scenario/studyRows';
import { runScenario } from './runScenario';
import { parseStudyArgs } from './studyArgs';
import { runStudyInThread } from './studyRunners';

const run = promisify(execFile);
const cli = (args: string[]) =>
  run('npx', ['tsx', 'src/cli/launch.ts', 'src/cli/study.ts', ...args], { cwd: process.cwd() });

const TINY =
  'study=tiny&sweep=n&values=20,40&arms=init(penalty:off,steps:0);least action(penalty:lap)&seeds=2&steps=60&v=2&noise=0.25&K=3&width=8';

describe('parseStudyArgs', () => {
  it('accepts the documented options and rejects bad ones with a message', () => {
    expect(parseStudyArgs(['low-data-moons', '--jobs', '3', '--csv', 'a.csv', '--json', 'a.json'])).toEqual({
      options: { study: 'low-data-moons', jobs: 3, csv: 'a.csv', json: 'a.json', quiet: false },
    });
    for (const args of [
      [],
      ['a', 'b'],
      ['x', '--jobs', '0'],
      ['x', '--jobs', 'two'],
      ['x', '--csv', ''],
      ['x', '--bogus'],
    ]) {
      expect('error' in parseStudyArgs(args), JSON.stringify(args)).toBe(true);
    }
  });
});

describe('a study run in one process', () => {
  it("gives every row the numbers its link gives alone (npm run train's engine)", async () => {
    const { study, notices } = restoreStudy({
      base: 'v=2&noise=0.25&K=3&width=8',
      values: [20, 40],
      arms: 'init(penalty:off,steps:0);least action(penalty:lap)',
      seeds: 2,
      steps: 60,
    });
    expect(notices).toEqual([]);
    const outcome = await runStudyInThread(study);
    expect(outcome.status).toBe('done');
    expect(outcome.rows).toHaveLength(8);
    expect(outcome.rows[0].steps).toBe(0);
    for (const row of [outcome.rows[1], outcome.rows[6]]) {
      const alone = await runScenario({ scenario: row.link, steps: row.steps, backend: 'cpu' });
      alone.trainer.dispose();
      // Everything but the wall time.
      expect({ ...runNumbers(row), seconds: 0 }, row.link).toEqual({
        ...runNumbers(alone.output),
        seconds: 0,
      });
    }
  }, 60_000);
});

describe('npm run study', () => {
  it('exits with code 2 and the usage on bad arguments or an unknown name, without a stack trace', async () => {
    for (const args of [['--jobs', '0', 'low-data-moons'], ['no-such-study']]) {
      const failure = await cli(args).catch((e: { code: number; stderr: string }) => e);
      expect(failure).toMatchObject({ code: 2 });
      const { stderr } = failure as { stderr: string };
      expect(stderr).toContain('Usage: npm run study');
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  }, 60_000);

  it('runs a study link on worker threads and writes one CSV line and one JSON row per run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lal-study-'));
    const csv = join(dir, 'rows.csv');
    const json = join(dir, 'rows.json');
    const { stdout, stderr } = await cli([TINY, '--jobs', '2', '--csv', csv, '--json', json]);
    expect(stderr).toContain('8/8 runs');
    expect(stdout).toContain('8 of 8 runs');
    expect(stdout).toMatch(/\| 40 \| least action \| 2 \|/);
    expect(stdout).toContain('Paired comparisons (each arm minus init)');
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(9);
    expect(lines[0].startsWith('n,arm,seed,link,steps,trainAccuracy,testAccuracy')).toBe(true);
    const file = JSON.parse(readFileSync(json, 'utf8'));
    expect(file.rows).toHaveLength(8);
    expect(file.study).toBe(TINY.replace('least action', 'least+action'));
    expect(file.rows[1]).toMatchObject({ value: '20', arm: 'least action', seed: 1, steps: 60 });
  }, 120_000);
});
