// The application shell: toolbar, palette, canvas, inspector, YAML and problems.
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PaletteEntry } from '../core/config';
import { createEditorStore, type EditorStore } from '../store/editorStore';
import { readSettings } from '../store/connectionSettings';
import { boot } from './boot';
import { NODE_HEIGHT, NODE_WIDTH } from '../core/graph/layoutSpacing';
import { layoutBounds } from '../core/model/layout';
import { nodeHeights } from '../core/model/dataFlow';
import { LayoutStatus } from './layout/LayoutStatus';
import { ConnectionDialog } from './run/ConnectionDialog';
import { OpenRunDialog } from './run/OpenRunDialog';
import { RunPanel } from './run/RunPanel';
import { SubmitResultBar } from './run/SubmitResultBar';
import { Canvas } from './canvas/Canvas';
import { EditorProvider, useEditorStore } from './EditorContext';
import { pickFile } from './files';
import { Inspector } from './inspector/Inspector';
import { Notice } from './Notice';
import { Palette } from './palette/Palette';
import { ProblemsList } from './problems/ProblemsList';
import { DocumentChooser } from './toolbar/DocumentChooser';
import { ShortcutHelp } from './toolbar/ShortcutHelp';
import { Toolbar } from './toolbar/Toolbar';
import { useDocumentActions } from './useDocumentActions';
import { useShortcuts } from './useShortcuts';
import { useTheme } from './useTheme';
import { YamlPanel } from './yaml/YamlPanel';

export function App({ store: given }: { store?: EditorStore }) {
  const store = useMemo(
    () =>
      given ??
      createEditorStore({
        localStorage: window.localStorage,
        sessionStorage: window.sessionStorage,
        settings: readSettings(window.localStorage),
      }),
    [given],
  );
  useEffect(() => {
    if (given) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    void boot(store, window.localStorage, window.location).then((s) =>
      cancelled ? s() : (stop = s),
    );
    return () => {
      cancelled = true;
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
  // Fits the whole placement, from the positions rather than from what React
  // Flow has measured: it draws only the nodes in view, so fitView would fit
  // the few nodes a large graph happened to show first.
  const fit = useCallback(() => {
    const p = store.getState().pipeline;
    const bounds = layoutBounds(
      p.layout,
      p.tasks.map((t) => t.name),
      { width: NODE_WIDTH, baseHeight: NODE_HEIGHT, heights: nodeHeights(p, NODE_HEIGHT) },
    );
    if (bounds) void flow.fitBounds(bounds, { padding: 0.1 });
  }, [flow, store]);
  const docs = useDocumentActions(fit);
  const [theme, toggleTheme] = useTheme();
  const [help, setHelp] = useState(false);
  const [dialog, setDialog] = useState<'connection' | 'run' | undefined>();
  const handlers = useMemo(
    () => ({ download: docs.download, help: () => setHelp(true) }),
    [docs.download],
  );
  useShortcuts(store, handlers);

  const addAtCentre = useCallback(
    (entry: PaletteEntry) => {
      const box = document.querySelector('.canvas')?.getBoundingClientRect();
      const position = box
        ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
        : { x: 0, y: 0 };
      const name = store
        .getState()
        .addTask({ name: entry.name, template: entry.template, position });
      store.getState().select([name]);
    },
    [flow, store],
  );

  const openConfig = useCallback(async () => {
    const file = await pickFile('.yaml,.yml');
    if (!file) return;
    const text = await file.text();
    if (!store.getState().loadConfig(text, file.name)) {
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

  return (
    <div className={`app theme-${theme}`}>
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
      />
      <Palette onAdd={addAtCentre} onOpenConfig={openConfig} />
      <main className="centre">
        <Canvas onOpenFile={docs.openFile} colorMode={theme} />
        <Notice />
        <LayoutStatus />
        <SubmitResultBar />
      </main>
      <Inspector />
      <div className="bottom-panels">
        <YamlPanel onDownload={docs.download} dark={theme === 'dark'} />
        <div className="side-panels">
          <RunPanel />
          <ProblemsList />
        </div>
      </div>
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
      {dialog === 'connection' && <ConnectionDialog onClose={() => setDialog(undefined)} />}
      {dialog === 'run' && <OpenRunDialog onClose={() => setDialog(undefined)} />}
      {docs.choice && <DocumentChooser choice={docs.choice} onChoose={docs.choose} />}
    </div>
  );
}
