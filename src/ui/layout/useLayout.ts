/**
 * Which of the page's layouts fits the screen: a phone (one column, the view first), a portrait
 * tablet (one column, larger), a landscape tablet or a classroom (the view beside a column of
 * read-outs, settings and charts), a desktop (three columns), or the presentation (the view and a
 * slim bar). Only the layout's name changes with the screen; the page's components stay mounted.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';

export type LayoutName = 'phone' | 'stacked' | 'side' | 'desktop' | 'present';

/** Below this width the page is one phone column. */
const PHONE = '(max-width: 639px)';
/** Below this width a tablet or small window gets one column (portrait) or two (landscape). */
const NARROW = '(max-width: 1279px)';
const PORTRAIT = '(orientation: portrait)';
/** Below this width the header's tools fold into a menu. */
export const COMPACT_HEADER = '(max-width: 899px)';

/** Whether a media query matches, following it as the window changes (rotation, resizing). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
  );
}

export function useLayout({
  classroom,
  presenting,
}: {
  classroom: boolean;
  presenting: boolean;
}): LayoutName {
  const phone = useMediaQuery(PHONE);
  const narrow = useMediaQuery(NARROW);
  const portrait = useMediaQuery(PORTRAIT);
  if (presenting) return 'present';
  if (phone) return 'phone';
  if (narrow && portrait) return 'stacked';
  // A classroom projects: the view large beside the rest, on any screen wider than a tablet held upright.
  if (narrow || classroom) return 'side';
  return 'desktop';
}

/** The layout in use, for components that arrange themselves differently (the settings' tabs). */
export const LayoutContext = createContext<LayoutName>('desktop');

export const useLayoutName = () => useContext(LayoutContext);
