/**
 * Links for embedding: the page's own address, the full-page link an embedded view opens, and the
 * iframe snippet of the Share dialog's Embed tab.
 */
import { encodeScenarioLink } from '../../scenario/link';
import type { PagePart, Scenario } from '../../scenario/schema';
import { PAGE_PARTS } from '../../scenario/schema';

/** The page's address without its fragment, where links point. */
export function pageAddress(): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}`;
}

/** The same scenario on the full page (what "Open in Least Action Lab" opens from a frame). */
export function fullPageLink(address: string, scenario: Scenario): string {
  return `${address}#${encodeScenarioLink({ ...scenario, embed: 'off' })}`;
}

/** The parts hidden when a frame shows only the transport view: everything but the view's own bars. */
const BESIDE_THE_VIEW: readonly PagePart[] = ['data', 'network', 'penalty', 'optimizer', 'metrics', 'charts'];

/**
 * The scenario as a frame shows it; with `viewOnly` the settings and the metrics are hidden and the
 * settings locked, so that the frame holds the transport view, its play bar, depth bar and caption.
 */
export function embeddedScenario(scenario: Scenario, viewOnly: boolean): Scenario {
  if (!viewOnly) return { ...scenario, embed: 'on' };
  const hide = PAGE_PARTS.filter((p) => scenario.hide.includes(p) || BESIDE_THE_VIEW.includes(p));
  return { ...scenario, embed: 'on', hide, lock: 'on' };
}

/** Frame sizes offered by the Embed tab. */
export const EMBED_SIZES = {
  '640x480': '640 × 480',
  '800x600': '800 × 600',
  responsive: 'Responsive 16:9',
} as const;
export type EmbedSize = keyof typeof EMBED_SIZES;

function attribute(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** The HTML to paste into a course page: an iframe of `link`, titled for screen readers. */
export function iframeSnippet(link: string, size: EmbedSize, caption: string): string {
  const title = caption ? `Least Action Lab: ${caption}` : 'Least Action Lab';
  const box =
    size === 'responsive'
      ? 'style="width: 100%; aspect-ratio: 16 / 9; border: 0"'
      : `width="${size.split('x')[0]}" height="${size.split('x')[1]}" style="border: 0"`;
  return `<iframe src="${attribute(link)}" title="${attribute(title)}" ${box} allow="fullscreen" loading="lazy"></iframe>`;
}
