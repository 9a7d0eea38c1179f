/**
 * The page header: the title, and the tools (presets, share, export, present, help, theme, the
 * backend badge). On narrow screens the tools fold into a menu and a short play state stays in view.
 */
import { useEffect, useRef, useState } from 'react';
import { selectPlaying, selectPreparing } from '../../state/selectors';
import { Lessons } from '../lesson/Lessons';
import { useAppState } from '../services';
import { StatusBadge } from '../StatusBadge';
import { ThemeToggle } from '../ThemeToggle';
import { COMPACT_HEADER, useLayoutName, useMediaQuery } from './useLayout';

export type DialogName = 'presets' | 'studies' | 'share' | 'export' | 'help';

function PlayState() {
  const playing = useAppState(selectPlaying);
  const preparing = useAppState(selectPreparing);
  const text = playing ? 'training' : preparing ? 'preparing' : 'paused';
  return (
    <span className={`play-state ${text}`} data-testid="play-state">
      {text}
    </span>
  );
}

/** In one column the settings are far down the page: the menu goes there, to the tab in use. */
function goToSettings() {
  document.querySelector<HTMLElement>('.settings [role="tab"][aria-selected="true"]')?.focus();
}

export function AppHeader({ onOpen, onPresent }: { onOpen(dialog: DialogName): void; onPresent(): void }) {
  const compact = useMediaQuery(COMPACT_HEADER);
  const layout = useLayoutName();
  const oneColumn = layout === 'phone' || layout === 'stacked';
  const [menuOpen, setMenuOpen] = useState(false);
  const navRef = useRef<HTMLElement>(null);
  const folded = compact && !menuOpen;

  useEffect(() => {
    if (!menuOpen) return;
    // The menu closes on Escape and on a press anywhere else.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      navRef.current?.querySelector<HTMLButtonElement>('.menu-toggle')?.focus();
    };
    const onPress = (event: PointerEvent) => {
      if (!navRef.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPress);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPress);
    };
  }, [menuOpen]);

  const choose = (action: () => void) => () => {
    setMenuOpen(false);
    action();
  };
  return (
    <header className="app-header">
      <div className="brand">
        <h1>Least Action Lab</h1>
        <p className="tagline">A residual network moves points through the plane. Watch how, and how far.</p>
      </div>
      {compact && <PlayState />}
      <nav className="header-tools" aria-label="Tools" ref={navRef}>
        {compact && (
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="header-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span aria-hidden="true">☰</span> Menu
          </button>
        )}
        <div id="header-menu" className={compact ? 'tool-list menu' : 'tool-list'} hidden={folded}>
          {compact && oneColumn && (
            <button type="button" onClick={choose(goToSettings)}>
              Settings
            </button>
          )}
          <Lessons />
          <button type="button" onClick={choose(() => onOpen('presets'))} data-tour="presets">
            Presets
          </button>
          <button type="button" onClick={choose(() => onOpen('studies'))}>
            Studies
          </button>
          <button type="button" onClick={choose(() => onOpen('share'))} data-tour="share">
            Share
          </button>
          <button type="button" onClick={choose(() => onOpen('export'))}>
            Export
          </button>
          <button type="button" onClick={choose(onPresent)}>
            Present
          </button>
          {compact ? (
            <button type="button" onClick={choose(() => onOpen('help'))}>
              Help and keyboard shortcuts
            </button>
          ) : (
            <button
              type="button"
              className="icon"
              aria-label="Keyboard shortcuts"
              onClick={choose(() => onOpen('help'))}
            >
              ?
            </button>
          )}
          <ThemeToggle />
          <StatusBadge />
        </div>
      </nav>
    </header>
  );
}
