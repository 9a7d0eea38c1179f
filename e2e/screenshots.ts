/**
 * Where end-to-end tests save screenshots for review: test-results/screenshots during a normal run
 * (so tests never change the tree), e2e/screenshots when refreshed on purpose with
 * `npm run screenshots` (those are committed as review material).
 */
export function screenshotPath(name: string): string {
  return `${process.env.SCREENSHOT_DIR ?? 'test-results/screenshots'}/${name}.png`;
}
