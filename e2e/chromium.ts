/**
 * How the tests and benchmarks start Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
 * Playwright's own browser (undefined lets Playwright choose). The flags keep a headless browser
 * off the network and give it a WebGPU adapter (a software one when there is no GPU).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

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

/**
 * Environment that gives a Node process Chromium's software Vulkan driver (SwiftShader), for WebGPU
 * through Dawn without a GPU: the driver manifest and the Vulkan loader shipped beside Chromium.
 * Must be set before the process starts. Null when no such Chromium is found.
 */
export function softwareVulkanEnv(): Record<string, string> | null {
  const executable = chromiumExecutable();
  const dirs = [executable && dirname(executable), '/usr/lib/chromium'].filter((d): d is string => !!d);
  const dir = dirs.find((d) => existsSync(join(d, 'vk_swiftshader_icd.json')));
  if (!dir) return null;
  const libraryPath = [dir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return { VK_ICD_FILENAMES: join(dir, 'vk_swiftshader_icd.json'), LD_LIBRARY_PATH: libraryPath };
}
