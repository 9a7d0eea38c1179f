/**
 * Lights up the parts of the page a lesson step names: each element with a matching `data-tour`
 * gets `data-spotlight` (the style sheet draws the glow), the first is scrolled into view, and the
 * names of those not on the page (hidden for a class, or a part this page lacks) are returned. Parts
 * that mount later (a slider that appears with a penalty mode) are lit as they come.
 */
import { useEffect, useState } from 'react';

const ATTRIBUTE = 'data-spotlight';

function lit(names: readonly string[]): { elements: HTMLElement[]; missing: string[] } {
  const elements: HTMLElement[] = [];
  const missing: string[] = [];
  for (const name of names) {
    const found = [...document.querySelectorAll<HTMLElement>(`[data-tour="${CSS.escape(name)}"]`)].filter(
      (el) => el.getClientRects().length > 0,
    );
    if (found.length === 0) missing.push(name);
    elements.push(...found);
  }
  return { elements, missing };
}

/** @returns the names that are not shown on the page now */
export function useSpotlight(names: readonly string[], stepKey: string): string[] {
  const [missing, setMissing] = useState<string[]>([]);
  useEffect(() => {
    let current: HTMLElement[] = [];
    let frame = 0;
    let scrolled = false;
    const apply = () => {
      frame = 0;
      const { elements, missing: absent } = lit(names);
      for (const el of current) if (!elements.includes(el)) el.removeAttribute(ATTRIBUTE);
      for (const el of elements) if (!el.hasAttribute(ATTRIBUTE)) el.setAttribute(ATTRIBUTE, '');
      current = elements;
      setMissing((before) => (before.join() === absent.join() ? before : absent));
      if (!scrolled && elements.length > 0) {
        scrolled = true;
        const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        elements[0].scrollIntoView({
          block: 'nearest',
          inline: 'nearest',
          behavior: smooth ? 'smooth' : 'auto',
        });
      }
    };
    apply();
    // Controls come and go with the settings (a penalty mode, compare mode, a hidden part).
    const observer = new MutationObserver(() => {
      frame ||= requestAnimationFrame(apply);
    });
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['hidden'],
    });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      for (const el of current) el.removeAttribute(ATTRIBUTE);
    };
  }, [names, stepKey]);
  return missing;
}
