// Top-level error boundary: a render error shows its message and a way out
// instead of a blank page. React only offers this as a class component.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** What "Reload" does; tests pass a spy since jsdom cannot reload. */
  onReload?: () => void;
}

interface State {
  error: Error | null;
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
    return (
      <div role="alert">
        <h1>Something went wrong</h1>
        <pre>{error.message}</pre>
        <button type="button" onClick={this.reload}>
          Reload
        </button>
      </div>
    );
  }
}
