/**
 * How the tests and benchmarks start Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
 * Playwright's own browser (undefined lets Playwright choose). The flags keep a headless browser
 * off the network and give it a WebGPU adapter (a software one when there is no GPU).
 */
import { existsSync } from 'node:fs';

export function chromiumExecutable(): string | undefined {
  return process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-unsafe-webgpu',
];
