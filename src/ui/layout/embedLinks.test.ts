import { describe, expect, it } from 'vitest';
import { decodeScenarioLink } from '../../scenario/link';
import { defaultScenario } from '../../scenario/schema';
import { embeddedScenario, fullPageLink, iframeSnippet } from './embedLinks';

const PAGE = 'https://school.example/lab/';

describe('embedding links', () => {
  it('opens the full page on the same scenario, without embed', () => {
    const scenario = { ...defaultScenario(), K: 4, embed: 'on' as const, caption: 'Moons' };
    expect(fullPageLink(PAGE, scenario)).toBe(`${PAGE}#v=2&K=4&caption=Moons`);
  });

  it('keeps what the page hides and adds the panels beside the view when only the view is wanted', () => {
    const scenario = { ...defaultScenario(), hide: ['depth' as const] };
    const frame = embeddedScenario(scenario, true);
    expect(frame.embed).toBe('on');
    expect(frame.lock).toBe('on');
    expect(frame.hide).toEqual(['data', 'network', 'penalty', 'optimizer', 'depth', 'metrics', 'charts']);
    expect(embeddedScenario(scenario, false)).toEqual({ ...scenario, embed: 'on' });
  });

  it('writes an iframe whose attributes survive any link and caption', () => {
    const link = `${PAGE}#v=2&caption=%22quoted%22&n=30`;
    const snippet = iframeSnippet(link, '800x600', 'a "quoted" <b>caption</b> & more');
    expect(snippet).toBe(
      '<iframe src="https://school.example/lab/#v=2&amp;caption=%22quoted%22&amp;n=30" ' +
        'title="Least Action Lab: a &quot;quoted&quot; &lt;b&gt;caption&lt;/b&gt; &amp; more" ' +
        'width="800" height="600" style="border: 0" allow="fullscreen" loading="lazy"></iframe>',
    );
    // What a browser reads back from the attribute is the link itself.
    const src = /src="([^"]*)"/.exec(snippet)![1].replaceAll('&quot;', '"').replaceAll('&amp;', '&');
    expect(src).toBe(link);
    expect(decodeScenarioLink(src).scenario.n).toBe(30);
  });

  it('makes a responsive frame fill its column at 16:9', () => {
    expect(iframeSnippet(PAGE, 'responsive', '')).toBe(
      `<iframe src="${PAGE}" title="Least Action Lab" style="width: 100%; aspect-ratio: 16 / 9; border: 0" allow="fullscreen" loading="lazy"></iframe>`,
    );
  });
});
