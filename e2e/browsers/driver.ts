/**
 * What the smoke suite needs from a browser, whatever drives it (WebDriver BiDi for Firefox, classic
 * WebDriver for WebKitGTK): open a page, run a function in it, click and press keys as a user does,
 * size the viewport, take a screenshot.
 */

/** Keys the smoke suite presses. */
export type Key = 'Home' | 'End' | 'Escape';

export interface BrowserPage {
  /** Loads `url` afresh (a new document even when only the hash differs from the last one). */
  open(url: string): Promise<void>;
  /**
   * Runs `fn(arg)` in the page and returns its (JSON-serialisable) result. `fn` is sent as source
   * text: it must not close over anything, nor declare named inner functions (tsx wraps those in a
   * helper the page does not have).
   */
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  /** Clicks, with the browser's own input, the enabled button named `name` (waits up to 30 s for it). */
  clickButton(name: string): Promise<void>;
  /** Focuses the first element matching `selector` and presses `key` there. */
  press(selector: string, key: Key): Promise<void>;
  /** Sizes the viewport (the page's innerWidth and innerHeight) to width x height CSS pixels. */
  resize(width: number, height: number): Promise<void>;
  /** Saves what the viewport shows as a PNG. */
  screenshot(path: string): Promise<void>;
}

export interface SmokeBrowser {
  /** "Firefox 153.8.0esr", "WebKitGTK 2.50.6": what the summary prints. */
  readonly version: string;
  readonly page: BrowserPage;
  /** Closes the browser and ends every process started for it. */
  close(): Promise<void>;
}

/**
 * In the page: the enabled button whose accessible name is `name` (its aria-label, else its text
 * without aria-hidden parts, as the app names its buttons), or null.
 */
export function buttonNamed(name: string): HTMLButtonElement | null {
  return (
    [...document.querySelectorAll('button')].find(
      (button) =>
        !button.disabled &&
        (
          button.getAttribute('aria-label') ??
          [...button.childNodes]
            .filter((node) => !(node instanceof Element && node.getAttribute('aria-hidden') === 'true'))
            .map((node) => node.textContent)
            .join('')
        ).trim() === name,
    ) ?? null
  );
}

/**
 * Calls `attempt` every 100 ms until it gives something other than null or false, for at most
 * `timeoutMs`; then fails saying what was awaited (and, if given, what the page looked like).
 */
export async function poll<T>(
  what: string,
  timeoutMs: number,
  attempt: () => Promise<T | null | false>,
  describe?: () => Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await attempt();
    if (result !== null && result !== false) return result;
    if (Date.now() >= deadline) {
      const state = describe
        ? await describe().catch((error: Error) => `(unreadable: ${error.message})`)
        : '';
      throw new Error(`${what}: not within ${timeoutMs / 1000} s${state ? `; the page: ${state}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
