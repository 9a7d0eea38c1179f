/**
 * A panel that fails to render shows what went wrong in its place, with a way to try again; the rest
 * of the page keeps working. (React catches render errors only in class components.)
 */
import type { ReactNode } from 'react';
import { Component } from 'react';

interface Props {
  /** The panel's name in the message, e.g. "Metrics". */
  name: string;
  children: ReactNode;
}

export class PanelBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="panel-error" role="alert">
        <strong>{this.props.name} could not be shown.</strong> {this.state.error.message}{' '}
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
