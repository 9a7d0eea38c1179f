/**
 * The layout shell: the header; the transport view first, then the settings and the metrics, arranged
 * for the screen by layout/useLayout (phone, tablet, desktop, classroom, presentation) with CSS only,
 * so that rotating or resizing keeps every component mounted; dialogs; shortcuts. With embed=on the
 * page is the framed view of layout/EmbedShell.
 */
import { useEffect, useRef, useState } from 'react';
import { selectFatalError } from '../state/selectors';
import { ControlPanel } from './controls/ControlPanel';
import { ExportDialog } from './dialogs/ExportDialog';
import { HelpDialog } from './dialogs/HelpDialog';
import { PresetGallery } from './dialogs/PresetGallery';
import { ShareDialog } from './dialogs/ShareDialog';
import type { DialogName } from './layout/AppHeader';
import { StudyPanel } from './study/StudyPanel';
import { AppHeader } from './layout/AppHeader';
import { GuardedAside } from './layout/GuardedAside';
import { PresentBar } from './layout/PresentBar';
import { LayoutContext, useLayout } from './layout/useLayout';
import { usePresentation } from './layout/usePresentation';
import { MetricsPanel } from './metrics/MetricsPanel';
import { NoticeList } from './NoticeList';
import { FaultPoint } from './FaultPoint';
import { PanelBoundary } from './PanelBoundary';
import { PlaybackBar } from './PlaybackBar';
import { useAppState, useScenarioFields, useServices } from './services';
import { installShortcuts } from '../app/shortcuts';
import { EmbedShell } from './layout/EmbedShell';
import { shellClasses, shownPanels } from './layout/shownPanels';
import { TransportView } from './transport/TransportView';

export function App() {
  const fatal = useAppState(selectFatalError);
  const scenario = useScenarioFields('class', 'hide', 'lock', 'embed');
  const services = useServices();
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const stageRef = useRef<HTMLElement>(null);
  const { presenting, present, leave } = usePresentation();
  const layout = useLayout({ classroom: scenario.class === 'on', presenting });

  useEffect(
    () =>
      installShortcuts(services, {
        toggleHelp: () => setDialog((d) => (d === 'help' ? null : 'help')),
        toggleFullscreen: () => {
          if (document.fullscreenElement) void document.exitFullscreen();
          else void stageRef.current?.requestFullscreen?.().catch(() => undefined);
        },
      }),
    [services],
  );

  if (scenario.embed === 'on')
    return (
      <EmbedShell stageRef={stageRef}>
        <HelpDialog open={dialog === 'help'} onClose={() => setDialog(null)} />
      </EmbedShell>
    );
  const { settings: settingsShown, metrics: metricsShown } = shownPanels(scenario);
  return (
    <LayoutContext.Provider value={layout}>
      <div className={shellClasses(scenario)} data-layout={layout}>
        <AppHeader onOpen={setDialog} onPresent={present} />
        <NoticeList />
        {fatal && (
          <div className="fatal" role="alert">
            <strong>Training cannot run in this browser.</strong> {fatal}
          </div>
        )}
        <main className={`layout${settingsShown ? '' : ' no-settings'}${metricsShown ? '' : ' no-metrics'}`}>
          <section className="stage" aria-label="Transport view" ref={stageRef}>
            <PlaybackBar />
            <PanelBoundary name="The transport view">
              <FaultPoint panel="transport" />
              <TransportView />
            </PanelBoundary>
            {presenting && <PresentBar onLeave={leave} />}
          </section>
          <div className="side">
            {settingsShown && (
              <GuardedAside panel="settings" label="Settings">
                <ControlPanel />
              </GuardedAside>
            )}
            {metricsShown && (
              <GuardedAside panel="metrics" label="Metrics">
                <MetricsPanel />
              </GuardedAside>
            )}
          </div>
        </main>
        <PresetGallery open={dialog === 'presets'} onClose={() => setDialog(null)} />
        <StudyPanel open={dialog === 'studies'} onClose={() => setDialog(null)} />
        <ShareDialog open={dialog === 'share'} onClose={() => setDialog(null)} />
        <ExportDialog open={dialog === 'export'} onClose={() => setDialog(null)} />
        <HelpDialog open={dialog === 'help'} onClose={() => setDialog(null)} />
      </div>
    </LayoutContext.Provider>
  );
}
