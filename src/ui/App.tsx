/** The layout shell: header, settings, the transport view, metrics. */
import { ControlPanel } from './controls/ControlPanel';
import { MetricsPanel } from './MetricsPanel';
import { NoticeList } from './NoticeList';
import { PlaybackBar } from './PlaybackBar';
import { selectFatalError } from '../state/selectors';
import { useAppState } from './services';
import { StatusBadge } from './StatusBadge';
import { ThemeToggle } from './ThemeToggle';
import { TransportView } from './transport/TransportView';

export function App() {
  const fatal = useAppState(selectFatalError);
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <h1>Least Action Lab</h1>
          <p className="tagline">
            A residual network moves points through the plane. Watch how, and how far.
          </p>
        </div>
        <div className="header-tools">
          <ThemeToggle />
          <StatusBadge />
        </div>
      </header>
      <NoticeList />
      {fatal && (
        <div className="fatal" role="alert">
          <strong>Training cannot run in this browser.</strong> {fatal}
        </div>
      )}
      <main className="layout">
        <aside className="settings" aria-label="Settings">
          <ControlPanel />
        </aside>
        <section className="stage" aria-label="Transport view">
          <PlaybackBar />
          <TransportView />
        </section>
        <aside className="metrics" aria-label="Metrics">
          <MetricsPanel />
        </aside>
      </main>
    </div>
  );
}
