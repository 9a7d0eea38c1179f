/**
 * `npm run test:browsers`: the smoke case (smoke.ts) in Firefox and in WebKitGTK, at a desktop and a
 * phone size, against the production build in dist/ served on port E2E_PORT + 1 (WebKitWebDriver on
 * E2E_PORT + 2). Prints one line per case and `N passed, M failed`; exits 1 on any failure.
 *
 * A browser that is not installed fails its cases with the package to install, unless
 * SKIP_BROWSERS (comma-separated: firefox, webkit) opts out of it on purpose. The whole run is
 * bounded: every wait has a limit, and past LIMIT_S the run ends itself with its browsers.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { screenshotPath } from '../screenshots';
import type { SmokeBrowser } from './driver';
import { firefoxExecutable, launchFirefox } from './firefox';
import { serveDist } from './server';
import { cliReference, SIZES, smokeCase } from './smoke';
import { launchWebKit, missingWebKitPrograms } from './webkit';

const LIMIT_S = 300;
const basePort = Number(process.env.E2E_PORT ?? 4173);
const skipped = new Set((process.env.SKIP_BROWSERS ?? '').split(',').filter(Boolean));

interface Engine {
  name: string;
  /** Why it cannot run here and what to install, or null. */
  missing(): string | null;
  launch(): Promise<SmokeBrowser>;
}

const ENGINES: Engine[] = [
  {
    name: 'firefox',
    missing: () =>
      firefoxExecutable()
        ? null
        : 'Firefox is not installed: apt-get install firefox-esr (or set FIREFOX_PATH to a Firefox binary)',
    launch: () => launchFirefox(firefoxExecutable()!),
  },
  {
    name: 'webkit',
    missing: () => {
      const programs = missingWebKitPrograms();
      return programs.length === 0
        ? null
        : `${programs.join(' and ')} not found: apt-get install webkit2gtk-driver xvfb`;
    },
    launch: () => launchWebKit(basePort + 2),
  },
];

/** Rejects after `ms` if `promise` has not settled by then. */
function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Exiting runs the browsers' exit handlers, which end their processes; a signal must exit too.
const watchdog = setTimeout(() => {
  console.error(`The browser smoke suite did not finish within ${LIMIT_S} s: stopping it.`);
  process.exit(1);
}, LIMIT_S * 1000);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

const server = await serveDist('dist', basePort + 1);
const reference = cliReference();
// Awaited by the first case; a failure here must not go unhandled before then.
reference.catch(() => undefined);
let passed = 0;
let failed = 0;
const report = (engine: string, size: string, outcome: string) =>
  console.log(`${engine.padEnd(8)} ${size.padEnd(8)} ${outcome}`);

try {
  for (const engine of ENGINES) {
    if (skipped.has(engine.name)) {
      console.log(
        `${engine.name.padEnd(8)} not run: SKIP_BROWSERS=${process.env.SKIP_BROWSERS} opts out of it`,
      );
      continue;
    }
    const missing = engine.missing();
    if (missing) {
      for (const size of SIZES)
        report(engine.name, size.name, `FAILED: ${missing} (SKIP_BROWSERS=${engine.name} opts out)`);
      failed += SIZES.length;
      continue;
    }
    let browser: SmokeBrowser | null = null;
    try {
      browser = await bounded(engine.launch(), 60_000, `starting ${engine.name}`);
      console.log(`${engine.name.padEnd(8)} ${browser.version}`);
      for (const size of SIZES) {
        const file = screenshotPath(`browsers/${engine.name}-${size.name}`);
        mkdirSync(dirname(file), { recursive: true });
        try {
          const account = await bounded(
            smokeCase(browser.page, server.url, size, reference, file),
            150_000,
            `the ${size.name} case`,
          );
          report(engine.name, size.name, `ok: ${account}; ${file}`);
          passed++;
        } catch (error) {
          report(engine.name, size.name, `FAILED: ${(error as Error).message}`);
          failed++;
        }
      }
    } catch (error) {
      report(engine.name, '', `FAILED to start: ${(error as Error).message}`);
      failed += SIZES.length;
    } finally {
      if (browser) await bounded(browser.close(), 15_000, `closing ${engine.name}`).catch(() => undefined);
    }
  }
  if (server.missing.length > 0) {
    console.log(`FAILED: the page asked for files dist/ does not have: ${server.missing.join(', ')}`);
    failed++;
  }
} finally {
  await server.close();
  clearTimeout(watchdog);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
