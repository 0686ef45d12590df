// Panels and smaller parts (menus, bars, badges, notes) that the empty editor
// does not need for its first paint, each in a chunk of its own so the entry
// stays small (issue 11: entry ≤ 200 kB gzipped). Each renders nothing until
// its chunk has arrived; the names and props are those of the parts themselves.
import type { NodeProps } from '@xyflow/react';
import { lazy, memo, Suspense, type ComponentProps, type ComponentType } from 'react';
import type { EditorState } from '../store/editorStore';
import { loadMenus } from './canvas/menus/loadMenus';
import { useEditor } from './EditorContext';
import type { NoteFlowNode } from './notes/NoteNode';

function deferred<P extends object>(
  load: () => Promise<ComponentType<P>>,
): (props: P) => React.JSX.Element {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function Deferred(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...(props as P & React.JSX.IntrinsicAttributes)} />
      </Suspense>
    );
  };
}

/** A part shown only now and then (a bar, a button): loaded the first time `shown` holds. */
function deferredWhen<P extends object>(
  shown: (s: EditorState) => boolean,
  load: () => Promise<ComponentType<P>>,
): (props: P) => React.JSX.Element | null {
  const Deferred = deferred(load);
  return function WhenShown(props: P) {
    return useEditor(shown) ? <Deferred {...props} /> : null;
  };
}

export const Inspector = deferred(async () => (await import('./inspector/Inspector')).Inspector);
export const RunPanel = deferred(async () => (await import('./run/RunPanel')).RunPanel);
export const RunsPanel = deferred(async () => (await import('./run/RunsPanel')).RunsPanel);
export const CompareView = deferred(async () => (await import('./run/CompareView')).CompareView);
export const SubmitForm = deferred<ComponentProps<typeof import('./run/SubmitForm').SubmitForm>>(
  async () => (await import('./run/SubmitForm')).SubmitForm,
);
export const ConnectionDialog = deferred<
  ComponentProps<typeof import('./run/ConnectionDialog').ConnectionDialog>
>(async () => (await import('./run/ConnectionDialog')).ConnectionDialog);
export const OpenRunDialog = deferred<
  ComponentProps<typeof import('./run/OpenRunDialog').OpenRunDialog>
>(async () => (await import('./run/OpenRunDialog')).OpenRunDialog);
export const ConfigSourceDialog = deferred<
  ComponentProps<typeof import('./palette/ConfigSourceDialog').ConfigSourceDialog>
>(async () => (await import('./palette/ConfigSourceDialog')).ConfigSourceDialog);
export const ConvertDialog = deferred<
  ComponentProps<typeof import('./canvas/ConvertDialog').ConvertDialog>
>(async () => (await import('./canvas/ConvertDialog')).ConvertDialog);
export const TemplateRunForm = deferred(
  async () => (await import('./run/TemplateRunForm')).TemplateRunForm,
);
export const LibrarySection = deferred<
  ComponentProps<typeof import('./palette/LibrarySection').LibrarySection>
>(async () => (await import('./palette/LibrarySection')).LibrarySection);
export const StorageBanner = deferred(
  async () => (await import('./storage/StorageBanner')).StorageBanner,
);
export const ShortcutHelp = deferred<
  ComponentProps<typeof import('./toolbar/ShortcutHelp').ShortcutHelp>
>(async () => (await import('./toolbar/ShortcutHelp')).ShortcutHelp);
/** Shown once a right-click has loaded the menus (useCanvasErgonomics): no wait here. */
export const ContextMenu = deferred<
  ComponentProps<typeof import('./canvas/menus/ContextMenu').ContextMenu>
>(async () => (await loadMenus()).ContextMenu);
export const OverviewMap = deferred(async () => (await import('./canvas/OverviewMap')).OverviewMap);
export const RenameField = deferred<
  ComponentProps<typeof import('./canvas/RenameField').RenameField>
>(async () => (await import('./canvas/RenameField')).RenameField);
/** A sticky note on the canvas (a React Flow node type, so defined once, here). */
export const NoteNode = memo(
  deferred<NodeProps<NoteFlowNode>>(async () => (await import('./notes/NoteNode')).NoteNode),
);
export const LayoutStatus = deferredWhen(
  (s) => s.layoutJob !== undefined,
  async () => (await import('./layout/LayoutStatus')).LayoutStatus,
);
export const SubmitResultBar = deferredWhen(
  (s) => s.submitResult !== undefined,
  async () => (await import('./run/SubmitResultBar')).SubmitResultBar,
);
export const DocumentSwitcher = deferredWhen(
  (s) => s.file !== undefined,
  async () => (await import('./toolbar/DocumentSwitcher')).DocumentSwitcher,
);
/** The "+" on the selected edge (inside React Flow). */
export const EdgeInsertButton = deferredWhen(
  (s) => s.selectedEdge !== undefined,
  async () => (await import('./canvas/EdgeInsertButton')).EdgeInsertButton,
);
/** A task's phase in the run shown (TaskNode draws it only then). */
export const RunBadge = deferred<ComponentProps<typeof import('./canvas/RunBadge').RunBadge>>(
  async () => (await import('./canvas/RunBadge')).RunBadge,
);
