// The application shell: toolbar, palette, canvas, inspector, YAML and problems.
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { PaletteEntry } from '../core/config';
import { createEditorStore, type EditorStore } from '../store/editorStore';
import { readSettings } from '../store/connectionSettings';
import { boot } from './boot';
import { NODE_HEIGHT, NODE_WIDTH } from '../core/graph/layoutSpacing';
import { layoutBounds, placesAll, unionBounds } from '../core/model/layout';
import type { Layout } from '../core/model/types';
import { nodeHeights } from '../core/model/dataFlow';
import { browserPersistenceEnv, safeLocalStorage, safeSessionStorage } from './browserStorage';
import { Canvas, MIN_ZOOM } from './canvas/Canvas';
import { fitViewport, sameView } from './canvas/fitPadding';
import { useView } from './shell/useView';
import { ViewControls } from './shell/ViewControls';
import { ShellActionsContext } from './shell/ShellActions';

// The gallery and its catalogue load when first opened, not at first paint.
const ExamplesDialog = lazy(() => import('./examples/ExamplesDialog'));
import { TemplatesOutline } from './outline/TemplatesOutline';
import { EditorProvider, useEditor, useEditorStore } from './EditorContext';
import { pickFile } from './files';
import {
  CompareView,
  ConnectionDialog,
  Inspector,
  OpenRunDialog,
  RunPanel,
  LayoutStatus,
  RunsPanel,
  ShortcutHelp,
  StorageBanner,
  SubmitForm,
  SubmitResultBar,
} from './lazyPanels';
import { Notice } from './Notice';
import { Palette } from './palette/Palette';
import { PanelBoundary } from './PanelBoundary';
import { ShownMarker } from './ShownMarker';
import { ProblemsList } from './problems/ProblemsList';
import { Toolbar } from './toolbar/Toolbar';
import { useDocumentActions } from './useDocumentActions';
import { useShortcuts } from './useShortcuts';
import { useScopeHistory } from './useScopeHistory';
import { useTheme } from './useTheme';
import { YamlPanel } from './yaml/YamlPanel';
import { Workspace } from './shell/Workspace';
import { scopeLayout, scopeTasks, scopeType } from '../core/model/scope';

export function App({ store: given }: { store?: EditorStore }) {
  const store = useMemo(
    () =>
      given ??
      createEditorStore({
        localStorage: safeLocalStorage(),
        sessionStorage: safeSessionStorage(),
        settings: readSettings(safeLocalStorage()),
      }),
    [given],
  );
  useEffect(() => {
    if (given) return;
    // Cancelled before it finished (React's StrictMode runs effects twice in
    // development): that start leaves no trace, the next one does the work.
    const cancel = new AbortController();
    let stop: (() => void) | undefined;
    void boot(store, browserPersistenceEnv(), window.location, cancel.signal).then((s) =>
      cancel.signal.aborted ? s() : (stop = s),
    );
    return () => {
      cancel.abort();
      stop?.();
    };
  }, [store, given]);
  return (
    <EditorProvider store={store}>
      <ReactFlowProvider>
        <Editor />
      </ReactFlowProvider>
    </EditorProvider>
  );
}

function Editor() {
  const store = useEditorStore();
  const flow = useReactFlow();
  const view = useView();
  // Fits the whole placement, from the positions rather than from what React
  // Flow has measured: it draws only the nodes in view, so fitView would fit
  // the few nodes a large graph happened to show first. Clear of the minimap.
  // `also`: positions the nodes are about to take (a layout applied a part
  // per frame), fitted together with where they are, so no node leaves the
  // view while they move (one that does is unmounted, and mounted again).
  const fit = useCallback(
    (also?: Readonly<Layout>) => {
      const p = store.getState().pipeline;
      const names = scopeTasks(p).map((t) => t.name);
      const size = {
        width: NODE_WIDTH,
        baseHeight: NODE_HEIGHT,
        heights: nodeHeights(p, NODE_HEIGHT),
      };
      // Steps, a leaf template, a DAG drawn from placements the document lacks: few or
      // computed positions, read from the nodes React Flow drew.
      const bounds =
        scopeType(p) === 'dag' && placesAll(scopeLayout(p), names)
          ? unionBounds(
              layoutBounds(scopeLayout(p), names, size),
              also && layoutBounds(also, names, size),
            )
          : flow.getNodes().length > 0
            ? flow.getNodesBounds(flow.getNodes())
            : undefined;
      const box = document.querySelector('.canvas')?.getBoundingClientRect();
      if (!bounds || !box || box.width === 0) return;
      const next = fitViewport(bounds, box.width, box.height, view.minimap, {
        min: MIN_ZOOM,
        max: 2,
      });
      if (!sameView(next, flow.getViewport())) void flow.setViewport(next);
    },
    [flow, store, view.minimap],
  );
  const docs = useDocumentActions(fit);
  const [theme, toggleTheme] = useTheme();
  const [help, setHelp] = useState(false);
  const [dialog, setDialog] = useState<'connection' | 'run' | 'examples' | undefined>();
  const submitFormOpen = useEditor((s) => s.submitFormOpen);
  const handlers = useMemo(
    () => ({ download: docs.download, help: () => setHelp(true) }),
    [docs.download],
  );
  useShortcuts(store, handlers);
  useScopeHistory(store);
  // Opening another template shows all of it; so does a document arriving
  // fresh (no history: restored from autosave at the start, or opened).
  useEffect(
    () =>
      store.subscribe((state, prev) => {
        const fresh =
          state.pipeline !== prev.pipeline &&
          state.history !== prev.history &&
          state.history.past.length === 0 &&
          state.history.future.length === 0;
        if (fresh || state.pipeline.scope !== prev.pipeline.scope)
          requestAnimationFrame(() => fit());
      }),
    [store, fit],
  );

  const addAtCentre = useCallback(
    (entry: Pick<PaletteEntry, 'id'>) => {
      const box = document.querySelector('.canvas')?.getBoundingClientRect();
      const position = box
        ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
        : { x: 0, y: 0 };
      const name = store.getState().addPaletteEntry(entry.id, position);
      if (name) store.getState().select([name]);
    },
    [flow, store],
  );

  const openConfig = useCallback(async () => {
    const file = await pickFile('.yaml,.yml');
    if (!file) return;
    const text = await file.text();
    if (!(await store.getState().loadConfig(text, file.name))) {
      store.getState().setNotice({
        kind: 'error',
        message: `${file.name} could not be used as a palette; the previous palette is kept.`,
      });
    }
  }, [store]);

  const open = useCallback(async () => {
    const file = await pickFile('.yaml,.yml,.json');
    if (file) docs.openFile(file);
  }, [docs]);

  const panel = (name: string, area: string, children: ReactNode) => (
    <PanelBoundary name={name} area={area} store={store} onDownload={docs.download}>
      {children}
    </PanelBoundary>
  );

  const shellActions = useMemo(() => ({ openExamples: () => setDialog('examples') }), []);

  return (
    <div className={`app theme-${theme}${view.focus ? ' focus' : ''}`}>
      {panel(
        'toolbar',
        'toolbar',
        <Toolbar
          onNew={docs.newDocument}
          onOpen={open}
          onDownload={docs.download}
          onAutoLayout={docs.autoLayout}
          onFit={fit}
          onToggleTheme={toggleTheme}
          onHelp={() => setHelp(true)}
          onConnection={() => setDialog('connection')}
          onOpenRun={() => setDialog('run')}
          theme={theme}
          onExamples={() => setDialog('examples')}
        />,
      )}
      <ShellActionsContext.Provider value={shellActions}>
        <Workspace
          sidebar={panel(
            'palette',
            'auto',
            <div className="sidebar">
              <Palette onAdd={addAtCentre} onOpenConfig={openConfig} />
              <TemplatesOutline />
            </div>,
          )}
          centre={
            <main className="centre">
              {panel(
                'canvas',
                'auto',
                <Canvas
                  onOpenFile={docs.openFile}
                  colorMode={theme}
                  minimap={view.minimap}
                  controls={<ViewControls view={view} />}
                />,
              )}
              <Notice />
              <LayoutStatus />
              <StorageBanner />
              <SubmitResultBar />
              {view.focus && (
                <button type="button" className="focus-exit" onClick={view.toggleFocus}>
                  Exit focus (Esc)
                </button>
              )}
            </main>
          }
          inspector={panel('inspector', 'auto', <Inspector />)}
          yaml={panel(
            'YAML panel',
            'auto',
            <YamlPanel onDownload={docs.download} dark={theme === 'dark'} />,
          )}
          side={
            <div className="side-panels">
              {panel('run panel', 'auto', <RunPanel />)}
              {panel('runs panel', 'auto', <RunsPanel />)}
              {panel('problems list', 'auto', <ProblemsList />)}
            </div>
          }
        />
      </ShellActionsContext.Provider>
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
      {dialog === 'connection' && <ConnectionDialog onClose={() => setDialog(undefined)} />}
      {dialog === 'run' && <OpenRunDialog onClose={() => setDialog(undefined)} />}
      {dialog === 'examples' && (
        <Suspense fallback={null}>
          <ExamplesDialog onClose={() => setDialog(undefined)} onOpen={docs.openText} />
        </Suspense>
      )}
      {submitFormOpen && <SubmitForm onClose={() => store.getState().closeSubmitForm()} />}
      <CompareView />
      <ShownMarker />
    </div>
  );
}
