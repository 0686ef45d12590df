/**
 * The file behind the document on the canvas, when it holds several YAML
 * documents: the user switches between them at any time, each keeps its
 * edits and its undo history, and saving writes the whole file, with the
 * documents nobody edited byte for byte as they were opened.
 */
import type { StateCreator } from 'zustand/vanilla';
import { writeFile, type WorkflowFile } from '../core/argo/workflowFile';
import { compile } from '../core/argo/compile';
import { setFileTemplates } from '../core/library/templateRefs';
import { templateLibrary } from '../core/library/templateLibrary';
import type { Pipeline } from '../core/model/types';
import type { EditorState } from './editorStore';
import { emptyHistory, type History } from './history';
import { savedText } from './showable';

export interface FileSlice {
  /** The file, when it holds more than one document. */
  file: WorkflowFile | undefined;
  /** Which of its documents is on the canvas (`pipeline`). */
  fileActive: number;
  /** The other documents' pipelines and histories as the user left them. */
  fileParked: ReadonlyMap<number, { pipeline: Pipeline; history: History }>;
  /** Keeps `file` beside the document on the canvas (undefined: a single document). */
  setFile(file: WorkflowFile | undefined, active?: number): void;
  /** Shows document `index` of the file. False when it is not a workflow the editor shows. */
  switchDocument(index: number): boolean;
  /**
   * Takes the document on the canvas as it is now as the one opened, when
   * it was `from` (its nodes were placed automatically on open: not an edit
   * that should make the file write it anew).
   */
  rebaseline(from: Pipeline): void;
}

export const createFileSlice: StateCreator<EditorState, [], [], FileSlice> = (set, get) => ({
  file: undefined,
  fileActive: 0,
  fileParked: new Map(),
  setFile(file, active = 0) {
    const fileParked = new Map();
    setFileTemplates(file && fileLibrary(file, fileParked));
    set({ file, fileActive: active, fileParked });
  },
  switchDocument(index) {
    const { file, fileActive, fileParked, pipeline, history } = get();
    const target = file?.documents[index];
    if (!file || !target || index === fileActive) return false;
    const parked = fileParked.get(index);
    const next = parked?.pipeline ?? target.current ?? target.baseline;
    if (!next) return false;
    const keep = new Map(fileParked);
    keep.set(fileActive, { pipeline, history });
    keep.delete(index);
    setFileTemplates(fileLibrary(file, keep));
    set({
      fileParked: keep,
      fileActive: index,
      pipeline: next,
      history: parked?.history ?? emptyHistory(),
      selection: [],
      selectedEdge: undefined,
      scopePath: [],
      yamlDraft: undefined,
      yamlDiagnostics: [],
    });
    return true;
  },
  rebaseline(from) {
    const { file, fileActive, pipeline } = get();
    const doc = file?.documents[fileActive];
    if (!file || !doc || doc.baseline === pipeline || doc.baseline !== from) return;
    const documents = file.documents.slice();
    documents[fileActive] = { ...doc, baseline: pipeline };
    set({ file: { ...file, documents } });
  },
});

/**
 * The WorkflowTemplates among the file's documents, as the user left them,
 * so a Workflow's templateRefs to its neighbours are checked like the CLI
 * checks files listed together.
 */
function fileLibrary(file: WorkflowFile, parked: FileSlice['fileParked']) {
  return templateLibrary(
    file.documents.map((doc, i) => {
      const edited = parked.get(i)?.pipeline;
      return edited ? compile(edited) : doc.raw;
    }),
  );
}

/** What saving writes: the whole file, or the one document. */
export function saveTextOf(
  state: Pick<EditorState, 'pipeline' | 'file' | 'fileActive' | 'fileParked'>,
): string {
  const { file, pipeline, fileActive, fileParked } = state;
  if (!file) return savedText(pipeline);
  const pipelines = file.documents.map((_, i) =>
    i === fileActive ? pipeline : fileParked.get(i)?.pipeline,
  );
  return writeFile(file, pipelines);
}
