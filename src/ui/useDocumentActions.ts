// What the toolbar, shortcuts and drop target do with whole documents:
// open a file (choosing among several documents), download, start anew, lay out.
import { useCallback, useState } from 'react';
import { exportDocument, openDocuments } from '../core/argo/document';
import { formatDiagnostic, hasErrors } from '../core/diagnostics';
import type { Pipeline } from '../core/model/types';
import { useEditorStore } from './EditorContext';
import { downloadText, workflowFileName } from './files';
import {
  browserLayoutDeps,
  cancelLayout,
  layOutOnRequest,
  placeOpened,
  type LayoutDeps,
} from './layout/layoutJob';
import { scopeTasks } from '../core/model/scope';

export interface DocumentChoice {
  fileName: string;
  pipelines: Pipeline[];
}

/**
 * `onLoaded` runs whenever the canvas shows a new placement (a document
 * opened, a layout applied): the editor fits the view to it.
 */
export function useDocumentActions(
  onLoaded: () => void,
  layoutDeps: LayoutDeps = browserLayoutDeps,
) {
  const store = useEditorStore();
  const [choice, setChoice] = useState<DocumentChoice | undefined>();

  /** Shows a pipeline at once; tasks without positions are laid out in the background. */
  const load = useCallback(
    (pipeline: Pipeline) => {
      store.getState().select([]);
      placeOpened(store, pipeline, layoutDeps, onLoaded);
    },
    [store, onLoaded, layoutDeps],
  );

  const openText = useCallback(
    (text: string, fileName: string) => {
      const opened = openDocuments(text, fileName);
      const pipelines = opened.documents.flatMap((d) => (d.pipeline ? [d.pipeline] : []));
      const problems = [...opened.diagnostics, ...opened.documents.flatMap((d) => d.diagnostics)];
      if (pipelines.length === 0) {
        const first = problems.find((d) => d.severity === 'error') ?? problems[0];
        store.getState().setNotice({
          kind: 'error',
          message: `Could not open ${fileName}: ${first ? formatDiagnostic(first, fileName) : 'no Argo workflow found'}. Your current workflow is unchanged.`,
        });
        return;
      }
      if (hasErrors(problems)) {
        const first = problems.find((d) => d.severity === 'error')!;
        store.getState().setNotice({
          kind: 'info',
          message: `Opened with problems: ${formatDiagnostic(first, fileName)}`,
        });
      }
      if (pipelines.length > 1) setChoice({ fileName, pipelines });
      else load(pipelines[0]!);
    },
    [store, load],
  );

  const openFile = useCallback(
    (file: File) => {
      if (file.size > 4 * 1024 * 1024) {
        store.getState().setNotice({
          kind: 'error',
          message: `${file.name} is ${(file.size / 1048576).toFixed(1)} MiB; the editor opens files up to 4 MiB. Your current workflow is unchanged.`,
        });
        return;
      }
      file.text().then(
        (text) => openText(text, file.name),
        (e: Error) =>
          store
            .getState()
            .setNotice({ kind: 'error', message: `Could not read ${file.name}: ${e.message}` }),
      );
    },
    [store, openText],
  );

  const choose = useCallback(
    (pipeline: Pipeline | undefined) => {
      setChoice(undefined);
      if (pipeline) load(pipeline);
    },
    [load],
  );

  const download = useCallback(() => {
    const { pipeline } = store.getState();
    downloadText(exportDocument(pipeline), workflowFileName(pipeline.metadata));
  }, [store]);

  const newDocument = useCallback(() => {
    const { pipeline } = store.getState();
    if (
      scopeTasks(pipeline).length > 0 &&
      !window.confirm('Start a new workflow? The current one can still be restored with Undo.')
    )
      return;
    cancelLayout(store);
    store.getState().newPipeline();
    store.getState().select([]);
  }, [store]);

  const autoLayout = useCallback(
    () => layOutOnRequest(store, layoutDeps, onLoaded),
    [store, layoutDeps, onLoaded],
  );

  return { openText, openFile, download, newDocument, autoLayout, choice, choose };
}
