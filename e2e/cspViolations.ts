/** Records every Content-Security-Policy violation of a page from its first script on. */
import type { Page } from '@playwright/test';

type Recorded = Window & { __violations?: string[] };

/** Starts recording (before the page loads); the returned function reads what was refused so far. */
export async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as Recorded).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return () => page.evaluate(() => (window as Recorded).__violations ?? []);
}
