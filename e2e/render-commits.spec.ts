/**
 * Dragging one slider re-renders one control. React reports every commit to a devtools hook, in
 * production builds too; this test installs its own hook before the page loads and counts, per
 * commit, the function components that rendered (a component that renders gets a fresh list of
 * hook objects; one that bails out keeps its list).
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { Lab } from './lab';

interface CommitCounts {
  commits: number;
  rendered: number;
}

declare global {
  interface Window {
    __commits?: CommitCounts & { reset(): void };
  }
}

/** Installed before the page's scripts: counts commits and the components rendered in each. */
function countCommits() {
  interface Fiber {
    type: unknown;
    memoizedState: unknown;
    child: Fiber | null;
    sibling: Fiber | null;
  }
  let seen = new WeakSet<object>();
  const counts = {
    commits: 0,
    rendered: 0,
    reset() {
      counts.commits = 0;
      counts.rendered = 0;
    },
  };
  window.__commits = counts;
  Object.defineProperty(window, '__REACT_DEVTOOLS_GLOBAL_HOOK__', {
    value: {
      supportsFiber: true,
      renderers: new Map(),
      inject: () => 1,
      checkDCE: () => undefined,
      onScheduleFiberRoot: () => undefined,
      onCommitFiberUnmount: () => undefined,
      onPostCommitFiberRoot: () => undefined,
      onCommitFiberRoot(_id: number, root: { current: Fiber }) {
        counts.commits++;
        const next = new WeakSet<object>();
        const stack: Fiber[] = [root.current];
        while (stack.length > 0) {
          const fiber = stack.pop()!;
          const hooks = fiber.memoizedState;
          if (typeof fiber.type === 'function' && hooks !== null && typeof hooks === 'object') {
            if (!seen.has(hooks)) counts.rendered++;
            next.add(hooks);
          }
          if (fiber.sibling) stack.push(fiber.sibling);
          if (fiber.child) stack.push(fiber.child);
        }
        seen = next;
      },
    },
  });
}

/** Moves a slider by keyboard `moves` times and returns the commits and renders that caused. */
async function drag(page: Page, name: string, moves: number): Promise<CommitCounts> {
  const slider = page.getByRole('slider', { name, exact: true });
  await slider.focus();
  await page.evaluate(() => window.__commits!.reset());
  for (let i = 0; i < moves; i++) await slider.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
  // The worker answers a live change with a snapshot; wait until everything it sent has arrived.
  await new Lab(page).settle();
  const { commits, rendered } = await page.evaluate(() => window.__commits!);
  console.log(`${name}: ${moves} moves, ${commits} commits, ${rendered} components rendered`);
  return { commits, rendered };
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(countCommits);
  const lab = new Lab(page);
  // A named backend: "auto" would measure the backends meanwhile, and its result renders the badge.
  await lab.open('v=2', 'wasm');
  await lab.settle();
});

test('dragging a view slider re-renders that slider and nothing else', async ({ page }) => {
  await page.getByText('Layer settings').click();
  const counts = await drag(page, 'trail opacity', 12);
  expect(counts).toEqual({ commits: 12, rendered: 12 });
});

test('dragging a live slider re-renders that slider and the read-outs of the new snapshot', async ({
  page,
}) => {
  const counts = await drag(page, 'learning rate', 12);
  // Per move: the slider, then the read-outs showing the step the worker published with the new
  // rate (the step counter, badge, metrics, energies, penalty read-out, thumbnails): a handful,
  // never the whole page (its settings alone are dozens of components).
  expect(counts.rendered / 12).toBeLessThanOrEqual(20);
});
