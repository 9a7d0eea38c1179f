/**
 * WebKitGTK, Safari's engine, through Debian's webkit2gtk-driver: WebKitWebDriver drives its
 * MiniBrowser over classic WebDriver (selenium-webdriver as the client), on a display of its own
 * from Xvfb. Every process started here runs in its own process group, ended as a group on close
 * (the driver's browser and web processes with it).
 */
import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { WebDriver, WebElement } from 'selenium-webdriver';
import { Builder, By, Key as SeleniumKey } from 'selenium-webdriver';
import type { BrowserPage, Key, SmokeBrowser } from './driver';
import { buttonNamed, poll } from './driver';
import { FRAME_PATH } from './server';

const KEYS: Record<Key, string> = {
  Home: SeleniumKey.HOME,
  End: SeleniumKey.END,
  Escape: SeleniumKey.ESCAPE,
};

/** The programs WebKit needs that are not on PATH (none: ready to run). */
export function missingWebKitPrograms(): string[] {
  return ['WebKitWebDriver', 'Xvfb'].filter(
    (program) => spawnSync('sh', ['-c', `command -v ${program}`]).status !== 0,
  );
}

/**
 * Sends SIGKILL to the process group a detached child leads, even when the child itself has exited
 * (the browser it started may not have); nothing if the whole group is gone.
 */
function endGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // No process of the group is left.
  }
}

/** Starts Xvfb on the first free display and resolves its number once it accepts clients. */
function startXvfb(): Promise<{ xvfb: ChildProcess; display: string }> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  xvfb.stderr?.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('did not start within 15 s'), 15_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      endGroup(xvfb);
      reject(new Error(`Xvfb ${why}: ${stderr.trim()}`));
    };
    xvfb.once('error', (error) => fail(error.message));
    xvfb.once('exit', (code) => fail(`exited with ${code}`));
    // With -displayfd, Xvfb writes the display number to fd 3 when it is ready.
    xvfb.stdio[3]?.once('data', (data) => {
      clearTimeout(timer);
      xvfb.removeAllListeners('exit');
      resolve({ xvfb, display: String(data).trim() });
    });
  });
}

/** Waits until the driver at `url` answers its status endpoint, for at most 15 s. */
function driverReady(url: string, driver: ChildProcess): Promise<boolean> {
  return poll(`WebKitWebDriver answering at ${url}`, 15_000, () => {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${driver.exitCode}`);
    return fetch(`${url}/status`, { signal: AbortSignal.timeout(1000) })
      .then((response) => response.ok)
      .catch(() => false);
  });
}

/**
 * The page in the session's window; at a size narrower than the window can be, the app runs in a
 * frame of exactly that size (FRAME_PATH) and every command but the screenshot acts in the frame.
 */
function pageOf(driver: WebDriver): BrowserPage {
  let frame: { width: number; height: number } | null = null;
  const inner = () => driver.executeScript<[number, number]>(() => [window.innerWidth, window.innerHeight]);
  const frameElement = () => driver.findElement(By.css('iframe'));
  return {
    async open(url) {
      await driver.switchTo().defaultContent();
      await driver.get('about:blank');
      if (!frame) return driver.get(url);
      await driver.get(new URL(FRAME_PATH, url).href);
      await driver.executeScript(
        (size: { width: number; height: number }, src: string) => {
          const element = document.querySelector('iframe')!;
          element.style.width = `${size.width}px`;
          element.style.height = `${size.height}px`;
          element.src = src;
        },
        frame,
        url,
      );
      await driver.switchTo().frame(await frameElement());
    },
    evaluate: (fn, arg) => driver.executeScript(fn, arg),
    async clickButton(name) {
      const button = await poll(`an enabled button "${name}"`, 30_000, () =>
        driver.executeScript<WebElement | null>(buttonNamed, name),
      );
      // WebKitWebDriver's own scrolling into view misses the target inside a frame: centre it first.
      await driver.executeScript((element: Element) => element.scrollIntoView({ block: 'center' }), button);
      await button.click();
    },
    async press(selector, key) {
      const element = await driver.executeScript<WebElement | null>(
        (css: string) => document.querySelector(css),
        selector,
      );
      if (!element) throw new Error(`nothing matches ${selector}`);
      await element.sendKeys(KEYS[key]);
    },
    async resize(width, height) {
      await driver.switchTo().defaultContent();
      // The window has a frame of its own: size it, then grow it by what the viewport still lacks.
      await driver.manage().window().setRect({ width, height });
      const first = await inner();
      await driver
        .manage()
        .window()
        .setRect({ width: 2 * width - first[0], height: 2 * height - first[1] });
      const [innerWidth, innerHeight] = await inner();
      frame = innerWidth > width || innerHeight < height ? { width, height } : null;
    },
    async screenshot(path) {
      if (!frame) return writeFileSync(path, await driver.takeScreenshot(), 'base64');
      await driver.switchTo().defaultContent();
      const element = await frameElement();
      writeFileSync(path, await element.takeScreenshot(), 'base64');
      await driver.switchTo().frame(element);
    },
  };
}

export async function launchWebKit(port: number): Promise<SmokeBrowser> {
  const { xvfb, display } = await startXvfb();
  const server = spawn('WebKitWebDriver', [`--port=${port}`], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: `:${display}` },
  });
  const stop = () => {
    endGroup(server);
    endGroup(xvfb);
  };
  // Should this process die first, its children must not outlive it.
  process.once('exit', stop);
  try {
    const url = `http://127.0.0.1:${port}`;
    await driverReady(url, server);
    const driver = await new Builder()
      .usingServer(url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { args: ['--automation'] },
      })
      .build();
    await driver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000 });
    const version = `WebKitGTK ${(await driver.getCapabilities()).getBrowserVersion()}`;
    return {
      version,
      page: pageOf(driver),
      async close() {
        await driver.quit().catch(() => undefined);
        stop();
        process.removeListener('exit', stop);
      },
    };
  } catch (error) {
    stop();
    process.removeListener('exit', stop);
    throw error;
  }
}
