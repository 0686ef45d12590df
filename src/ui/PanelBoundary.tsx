// An error boundary around one panel: a panel that fails to render shows
// what failed and a way back, and the rest of the editor keeps working. The
// failure is reported to the store, which brings back the last document
// shown without a failure when the failure came with a change. The panel
// tries again by itself when the document or the selection changes.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { EditorStore } from '../store/editorStore';

interface Props {
  /** What the panel is called in messages: "canvas", "inspector", ... */
  name: string;
  store: EditorStore;
  /** The panel's grid area, so the message takes the panel's place. */
  area: string;
  onDownload(): void;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null };
  private unsubscribe: (() => void) | undefined;
  /** The panel was already failing when it failed again: not the new change's fault. */
  private failing = false;

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidMount(): void {
    this.unsubscribe = this.props.store.subscribe((s, prev) => {
      if (this.state.error && (s.pipeline !== prev.pipeline || s.selection !== prev.selection))
        this.retry();
    });
  }

  override componentWillUnmount(): void {
    this.unsubscribe?.();
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Argoflow Studio: the ${this.props.name} failed`, error, info.componentStack);
    this.props.store.getState().reportCrash(this.props.name, error, { recurring: this.failing });
    this.failing = true;
  }

  private readonly retry = (): void => {
    this.props.store.getState().clearCrash();
    this.setState({ error: null });
  };

  private readonly undo = (): void => {
    this.props.store.getState().undo();
    this.retry();
  };

  override componentDidUpdate(_: Props, prev: State): void {
    // Rendered again without failing: a later failure is new.
    if (prev.error && !this.state.error) this.failing = false;
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { name, area, onDownload } = this.props;
    return (
      <section
        className="panel-failed"
        style={{ gridArea: area }}
        role="alert"
        aria-label={`The ${name} failed`}
      >
        <strong>The {name} could not be shown.</strong>
        <p>{error.message}</p>
        <p className="muted">
          The rest of the editor works, and your workflow is kept. Try again, undo the last change,
          or download the workflow.
        </p>
        <div className="panel-failed-actions">
          <button type="button" onClick={this.retry}>
            Try again
          </button>
          <button type="button" onClick={this.undo}>
            Undo last change
          </button>
          <button type="button" onClick={onDownload}>
            Download
          </button>
        </div>
      </section>
    );
  }
}
