/**
 * The layout shell: header with the presets, share and help buttons; the settings, the transport
 * view and the metrics; dialogs; classroom mode (large type, hidden parts, caption) and shortcuts;
 * with embed=on the page is the framed view of layout/EmbedShell.
 */
import { useEffect, useRef, useState } from 'react';
import { selectFatalError } from '../state/selectors';
import { ControlPanel } from './controls/ControlPanel';
import { ExportDialog } from './dialogs/ExportDialog';
import { HelpDialog } from './dialogs/HelpDialog';
import { Lessons } from './lesson/Lessons';
import { PresetGallery } from './dialogs/PresetGallery';
import { ShareDialog } from './dialogs/ShareDialog';
import { MetricsPanel } from './metrics/MetricsPanel';
import { NoticeList } from './NoticeList';
import { FaultPoint } from './FaultPoint';
import { PanelBoundary } from './PanelBoundary';
import { PlaybackBar } from './PlaybackBar';
import { useAppState, useScenarioFields, useServices } from './services';
import { installShortcuts } from '../app/shortcuts';
import { StatusBadge } from './StatusBadge';
import { StudyPanel } from './study/StudyPanel';
import { ThemeToggle } from './ThemeToggle';
import { EmbedShell } from './layout/EmbedShell';
import { TransportView } from './transport/TransportView';

type DialogName = 'presets' | 'studies' | 'share' | 'export' | 'help' | null;

const SETTINGS_PARTS = ['data', 'network', 'penalty', 'optimizer'] as const;

export function App() {
  const fatal = useAppState(selectFatalError);
  const scenario = useScenarioFields('class', 'hide', 'lock', 'embed');
  const services = useServices();
  const [dialog, setDialog] = useState<DialogName>(null);
  const stageRef = useRef<HTMLElement>(null);

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
  const hidden = new Set(scenario.hide);
  const settingsShown = SETTINGS_PARTS.some((p) => !hidden.has(p)) || scenario.lock !== 'on';
  const metricsShown = !hidden.has('metrics') || !hidden.has('charts');
  const classes = ['app', scenario.class === 'on' ? 'classroom' : '', scenario.lock === 'on' ? 'locked' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes}>
      <header className="app-header">
        <div className="brand">
          <h1>Least Action Lab</h1>
          <p className="tagline">
            A residual network moves points through the plane. Watch how, and how far.
          </p>
        </div>
        <nav className="header-tools" aria-label="Tools">
          <Lessons />
          <button type="button" onClick={() => setDialog('presets')} data-tour="presets">
            Presets
          </button>
          <button type="button" onClick={() => setDialog('studies')}>
            Studies
          </button>
          <button type="button" onClick={() => setDialog('share')} data-tour="share">
            Share
          </button>
          <button type="button" onClick={() => setDialog('export')}>
            Export
          </button>
          <button
            type="button"
            className="icon"
            aria-label="Keyboard shortcuts"
            onClick={() => setDialog('help')}
          >
            ?
          </button>
          <ThemeToggle />
          <StatusBadge />
        </nav>
      </header>
      <NoticeList />
      {fatal && (
        <div className="fatal" role="alert">
          <strong>Training cannot run in this browser.</strong> {fatal}
        </div>
      )}
      <main className={`layout${settingsShown ? '' : ' no-settings'}${metricsShown ? '' : ' no-metrics'}`}>
        {settingsShown && (
          <aside className="settings" aria-label="Settings">
            <PanelBoundary name="Settings">
              <FaultPoint panel="settings" />
              <ControlPanel />
            </PanelBoundary>
          </aside>
        )}
        <section className="stage" aria-label="Transport view" ref={stageRef}>
          <PlaybackBar />
          <PanelBoundary name="The transport view">
            <FaultPoint panel="transport" />
            <TransportView />
          </PanelBoundary>
        </section>
        {metricsShown && (
          <aside className="metrics" aria-label="Metrics">
            <PanelBoundary name="Metrics">
              <FaultPoint panel="metrics" />
              <MetricsPanel />
            </PanelBoundary>
          </aside>
        )}
      </main>
      <PresetGallery open={dialog === 'presets'} onClose={() => setDialog(null)} />
      <StudyPanel open={dialog === 'studies'} onClose={() => setDialog(null)} />
      <ShareDialog open={dialog === 'share'} onClose={() => setDialog(null)} />
      <ExportDialog open={dialog === 'export'} onClose={() => setDialog(null)} />
      <HelpDialog open={dialog === 'help'} onClose={() => setDialog(null)} />
    </div>
  );
}
