// What the toolbar, shortcuts and drop target do with whole documents:
// open a file (choosing among several documents), download, start anew, lay out.
import { useCallback } from 'react';
import { openWorkflowFile } from '../core/argo/workflowFile';
import { saveTextOf } from '../store/fileSlice';
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
  type OnPlaced,
} from './layout/layoutJob';
import { scopeTasks } from '../core/model/scope';

/**
 * `onLoaded` runs whenever the canvas shows a new placement (a document
 * opened, a layout applied): the editor fits the view to it.
 */
export function useDocumentActions(onLoaded: OnPlaced, layoutDeps: LayoutDeps = browserLayoutDeps) {
  const store = useEditorStore();

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
      const { file, opened } = openWorkflowFile(fileName, text);
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
      // Every document is kept; the first workflow is shown, the others a switch away.
      const first = opened.documents.findIndex((d) => d.pipeline);
      const several = opened.documents.length > 1;
      store.getState().setFile(several ? file : undefined, first);
      load(opened.documents[first]!.pipeline!);
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

  const download = useCallback(() => {
    const state = store.getState();
    downloadText(saveTextOf(state), state.file?.name ?? workflowFileName(state.pipeline.metadata));
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
    store.getState().setFile(undefined);
    store.getState().select([]);
  }, [store]);

  const autoLayout = useCallback(
    () => layOutOnRequest(store, layoutDeps, onLoaded),
    [store, layoutDeps, onLoaded],
  );

  return { openText, openFile, download, newDocument, autoLayout };
}
