// The toolbar: document actions, history, layout, view, theme and help.
import { useEditor } from '../EditorContext';
import { SubmitButton } from '../run/SubmitButton';
import { SimulateButton } from '../simulate/SimulateButton';
import { RunChip } from '../run/RunChip';
import { SaveStatus } from '../storage/SaveStatus';
import { DocumentSwitcher } from '../lazyPanels';

interface Props {
  onConnection(): void;
  onOpenRun(): void;
  onNew(): void;
  onOpen(): void;
  onDownload(): void;
  onAutoLayout(): void;
  onFit(): void;
  onToggleTheme(): void;
  onHelp(): void;
  theme: 'light' | 'dark';
  onExamples(): void;
}

export function Toolbar(props: Props) {
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const dropped = useEditor((s) => s.history.dropped);
  const undo = useEditor((s) => s.undo);
  const redo = useEditor((s) => s.redo);
  const title = useEditor((s) =>
    String(s.pipeline.metadata.name ?? s.pipeline.metadata.generateName ?? 'untitled'),
  );
  const kind = useEditor((s) => s.pipeline.kind);
  return (
    <header className="toolbar" role="toolbar" aria-label="Editor">
      <strong className="brand">Argoflow Studio</strong>
      <span className="doc-title" title={`${kind} ${title}`}>
        {kind} · {title}
      </span>
      <DocumentSwitcher />
      <RunChip />
      <SaveStatus />
      <span className="spacer" />
      <button type="button" onClick={props.onNew}>
        New
      </button>
      <button type="button" onClick={props.onOpen}>
        Open…
      </button>
      <button type="button" onClick={props.onExamples}>
        Examples…
      </button>
      <button type="button" onClick={props.onDownload} title="Ctrl+S">
        Download
      </button>
      <button
        type="button"
        onClick={undo}
        disabled={!canUndo}
        title={
          dropped > 0
            ? `Ctrl+Z. History is full: ${dropped} older step${dropped > 1 ? 's were' : ' was'} merged; undo still goes back to the workflow as it was opened.`
            : 'Ctrl+Z'
        }
        data-testid="undo"
      >
        Undo
      </button>
      <button type="button" onClick={redo} disabled={!canRedo} title="Ctrl+Shift+Z">
        Redo
      </button>
      <button type="button" onClick={props.onAutoLayout}>
        Auto-layout
      </button>
      <button type="button" onClick={props.onFit}>
        Fit
      </button>
      <button type="button" onClick={props.onConnection} title="Argo Server connection">
        Server…
      </button>
      <button type="button" onClick={props.onOpenRun}>
        Open run…
      </button>
      <SimulateButton />
      <SubmitButton />
      <button type="button" onClick={props.onToggleTheme} aria-label="Toggle theme">
        {props.theme === 'dark' ? '☀' : '☾'}
      </button>
      <button type="button" onClick={props.onHelp} aria-label="Keyboard shortcuts">
        ?
      </button>
    </header>
  );
}
