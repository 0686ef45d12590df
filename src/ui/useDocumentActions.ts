// What the toolbar, shortcuts and drop target do with whole documents:
// open a file (choosing among several documents), download, start anew, lay out.
import { useCallback, useState } from 'react';
import { exportDocument, openDocuments } from '../core/argo/document';
import { formatDiagnostic, hasErrors } from '../core/diagnostics';
import type { Pipeline } from '../core/model/types';
import { useEditorStore } from './EditorContext';
import { downloadText, workflowFileName } from './files';
import { layoutInWorker } from './layout/runLayout';
import { placesAll } from '../core/model/layout';

export interface DocumentChoice {
  fileName: string;
  pipelines: Pipeline[];
}

/** `onLoaded` runs after a document is placed on the canvas (the editor fits the view). */
export function useDocumentActions(onLoaded: () => void) {
  const store = useEditorStore();
  const [choice, setChoice] = useState<DocumentChoice | undefined>();

  /** Places a pipeline on the canvas, laying it out first when it has no positions. */
  const load = useCallback(
    async (pipeline: Pipeline) => {
      const missing = !placesAll(
        pipeline.layout,
        pipeline.tasks.map((t) => t.name),
      );
      let placed = pipeline;
      if (missing && pipeline.tasks.length > 0) {
        try {
          placed = {
            ...pipeline,
            layout: { ...(await layoutInWorker(pipeline)), ...pipeline.layout },
          };
        } catch (e) {
          store.getState().setNotice({
            kind: 'error',
            message: `Automatic layout failed: ${(e as Error).message}`,
          });
        }
      }
      store.getState().setPipeline(placed);
      store.getState().select([]);
      onLoaded();
    },
    [store, onLoaded],
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
      else void load(pipelines[0]!);
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
      if (pipeline) void load(pipeline);
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
      pipeline.tasks.length > 0 &&
      !window.confirm('Start a new workflow? The current one can still be restored with Undo.')
    )
      return;
    store.getState().newPipeline();
    store.getState().select([]);
  }, [store]);

  const autoLayout = useCallback(async () => {
    const { pipeline } = store.getState();
    try {
      store.getState().placeTasks(await layoutInWorker(pipeline));
    } catch (e) {
      store
        .getState()
        .setNotice({ kind: 'error', message: `Automatic layout failed: ${(e as Error).message}` });
    }
  }, [store]);

  return { openText, openFile, download, newDocument, autoLayout, choice, choose };
}
