/**
 * The view made for an iframe (embed=on): the transport view with its play bar, depth bar and
 * caption, the settings and metrics the link does not hide, and a link to the same scenario on the
 * full page. Keys reach it only while the frame has focus (browsers send key events to the focused
 * document alone), and nothing here takes focus by itself, so a course page keeps its own keys.
 */
import type { ReactNode, RefObject } from 'react';
import { selectFatalError, selectScenario } from '../../state/selectors';
import { ControlPanel } from '../controls/ControlPanel';
import { FaultPoint } from '../FaultPoint';
import { MetricsPanel } from '../metrics/MetricsPanel';
import { NoticeList } from '../NoticeList';
import { PanelBoundary } from '../PanelBoundary';
import { PlaybackBar } from '../PlaybackBar';
import { useAppState, useScenarioFields } from '../services';
import { TransportView } from '../transport/TransportView';
import { fullPageLink, pageAddress } from './embedLinks';
import { GuardedAside } from './GuardedAside';
import { shellClasses, shownPanels } from './shownPanels';

/** The same scenario on the full page, in a new tab; the only part of the frame that follows every edit. */
function OpenFullPage() {
  const scenario = useAppState(selectScenario);
  return (
    <a className="open-full" href={fullPageLink(pageAddress(), scenario)} target="_blank" rel="noopener">
      Open in Least Action Lab <span aria-hidden="true">↗</span>
    </a>
  );
}

export function EmbedShell({
  stageRef,
  children,
}: {
  stageRef: RefObject<HTMLElement | null>;
  children: ReactNode;
}) {
  const scenario = useScenarioFields('class', 'hide', 'lock');
  const fatal = useAppState(selectFatalError);
  const shown = shownPanels(scenario);
  const layout = ['embed-layout', shown.settings ? 'with-settings' : '', shown.metrics ? 'with-metrics' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={shellClasses(scenario, 'embedded')}>
      <NoticeList />
      {fatal && (
        <div className="fatal" role="alert">
          <strong>Training cannot run in this browser.</strong> {fatal}
        </div>
      )}
      <main className={layout}>
        <section className="stage" aria-label="Transport view" ref={stageRef}>
          <div className="embed-bar">
            <PlaybackBar />
            <OpenFullPage />
          </div>
          <PanelBoundary name="The transport view">
            <FaultPoint panel="transport" />
            <TransportView />
          </PanelBoundary>
        </section>
        {shown.settings && (
          <GuardedAside label="Settings" panel="settings">
            <ControlPanel />
          </GuardedAside>
        )}
        {shown.metrics && (
          <GuardedAside label="Metrics" panel="metrics">
            <MetricsPanel />
          </GuardedAside>
        )}
      </main>
      {children}
    </div>
  );
}
