// Top-level error boundary, the last resort behind the per-panel ones: the
// editor's shell failed. It shows the message and a way out (reload, or
// download what autosave holds) instead of a blank page. React only offers
// this as a class component.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { DOCUMENT_KEY } from '../store/storageKeys';
import { safeLocalStorage } from './browserStorage';
import { downloadText } from './files';

interface Props {
  children: ReactNode;
  /** What "Reload" does; tests pass a spy since jsdom cannot reload. */
  onReload?: () => void;
}

interface State {
  error: Error | null;
}

/** The autosaved document, if storage can be read and holds one. */
function autosaved(): string | undefined {
  try {
    return safeLocalStorage()?.getItem(DOCUMENT_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Argoflow Studio crashed', error, info.componentStack);
  }

  private readonly reload = (): void => {
    if (this.props.onReload) this.props.onReload();
    else window.location.reload();
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const saved = autosaved();
    return (
      <div role="alert">
        <h1>Something went wrong</h1>
        <pre>{error.message}</pre>
        <p>
          {saved
            ? 'Your workflow as last autosaved is kept in this browser: reload to continue, or download it.'
            : 'Reload to continue.'}
        </p>
        <button type="button" onClick={this.reload}>
          Reload
        </button>
        {saved && (
          <button type="button" onClick={() => downloadText(saved, 'autosaved-workflow.yaml')}>
            Download the autosaved workflow
          </button>
        )}
      </div>
    );
  }
}
