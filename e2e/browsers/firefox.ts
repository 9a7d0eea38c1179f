/**
 * Firefox (Debian's firefox-esr, or FIREFOX_PATH) driven over WebDriver BiDi by puppeteer-core, which
 * uses the installed browser and downloads none. Headless: no display needed.
 */
import { existsSync } from 'node:fs';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import type { BrowserPage, Key, SmokeBrowser } from './driver';
import { buttonNamed, poll } from './driver';

/** The Firefox binary to drive, or null when none is installed. */
export function firefoxExecutable(): string | null {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  return existsSync(path) ? path : null;
}

function pageOf(page: Page): BrowserPage {
  return {
    async open(url) {
      await page.goto('about:blank');
      await page.goto(url, { timeout: 30_000 });
    },
    // As source text with the argument spelled out: the function's own types cannot be checked
    // against puppeteer's handle-aware ones.
    evaluate: <A, R>(fn: (arg: A) => R, arg: A) =>
      page.evaluate(`(${fn.toString()})(${JSON.stringify(arg)})`) as Promise<R>,
    async clickButton(name) {
      const button = await poll(
        `an enabled button "${name}"`,
        30_000,
        async () =>
          (await page.evaluateHandle(buttonNamed, name)).asElement() as ElementHandle<Element> | null,
      );
      await button.click();
      await button.dispose();
    },
    async press(selector, key: Key) {
      await page.focus(selector);
      await page.keyboard.press(key);
    },
    async resize(width, height) {
      try {
        await page.setViewport({ width, height });
      } catch (error) {
        // puppeteer-core 25 sends emulation.setScreenOrientationOverride beside the viewport, and
        // Firefox ESR 140.12 does not know that command; the viewport command itself still applies
        // (smokeCase checks the size the page sees).
        if (!String(error).includes('setScreenOrientationOverride')) throw error;
      }
    },
    async screenshot(path) {
      await page.screenshot({ path: path as `${string}.png` });
    },
  };
}

export async function launchFirefox(executablePath: string): Promise<SmokeBrowser> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    protocol: 'webDriverBiDi',
    timeout: 30_000,
    protocolTimeout: 30_000,
    // No updates, telemetry or first-run pages: the page under test is the only traffic.
    extraPrefsFirefox: { 'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false },
  });
  try {
    const page = await browser.newPage();
    const version = (await browser.version()).replace(/^firefox\//, 'Firefox ');
    return { version, page: pageOf(page), close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
