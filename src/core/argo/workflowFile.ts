/**
 * A file of several YAML documents, kept whole. Every document is kept: Argo
 * workflows as pipelines the editor can show, anything else (a ConfigMap or a
 * PersistentVolumeClaim beside the workflow) as written. Writing the file back
 * gives each document its original text unless its pipeline changed, so the
 * documents nobody edited come back byte for byte, in their order.
 */
import type { Pipeline } from '../model/types';
import { exportDocument, openDocuments, type OpenResult } from './document';
import { documentChunks, joinDocuments, splitDocuments, type Chunk } from './fileChunks';
import { dumpYaml } from './yamlText';

export interface FileDocument {
  /** As opened: the pipeline the editor showed first (after placing its nodes). */
  baseline?: Pipeline;
  /** The pipeline as the user left it, when it differs from the baseline. */
  current?: Pipeline;
  /** The document as read, for one that is not an Argo workflow. */
  raw: unknown;
  /** `WorkflowTemplate print-message`, `ConfigMap settings`: for the document switcher. */
  label: string;
}

export interface WorkflowFile {
  name: string;
  /** The text of each document as opened; undefined when the text could not be split safely. */
  chunks?: Chunk[];
  documents: FileDocument[];
}

/** The documents of an opened text, with the chunks they came from. */
export function fileOf(name: string, text: string, opened: OpenResult): WorkflowFile {
  const chunks = splitDocuments(text);
  const aligned = documentChunks(chunks).length === opened.documents.length;
  return {
    name,
    ...(aligned ? { chunks } : {}),
    documents: opened.documents.map((d) => ({
      ...(d.pipeline ? { baseline: d.pipeline } : {}),
      raw: d.raw,
      label: labelOf(d.raw, d.index),
    })),
  };
}

function labelOf(raw: unknown, index: number): string {
  const doc = raw as { kind?: unknown; metadata?: { name?: unknown; generateName?: unknown } };
  const kind = typeof doc?.kind === 'string' ? doc.kind : 'document';
  const meta = doc?.metadata;
  const name =
    typeof meta?.name === 'string'
      ? meta.name
      : typeof meta?.generateName === 'string'
        ? meta.generateName
        : '';
  return `${index + 1}. ${kind}${name ? ` ${name}` : ''}`;
}

/** Whether the pipeline changed since the document was opened (positions placed on open are not a change). */
export function isEdited(doc: FileDocument, pipeline: Pipeline | undefined): boolean {
  return pipeline !== undefined && pipeline !== doc.baseline;
}

/**
 * The file's text with `pipelines[i]` for document i (the one on the canvas
 * and those switched away from): a changed document is written anew, the
 * others keep their text. `formatAll` writes every workflow anew (`fmt`);
 * documents that are not workflows always keep their text.
 */
export function writeFile(
  file: WorkflowFile,
  pipelines: readonly (Pipeline | undefined)[],
  formatAll = false,
): string {
  const replaced = new Map<number, string>();
  file.documents.forEach((doc, i) => {
    const p = pipelines[i] ?? doc.current ?? doc.baseline;
    if (!file.chunks) replaced.set(i, p ? exportDocument(p) : dumpYaml(doc.raw));
    else if (p && (formatAll || isEdited(doc, p))) replaced.set(i, exportDocument(p));
  });
  if (!file.chunks) return [...replaced.values()].join('---\n');
  return joinDocuments(file.chunks, replaced);
}

/** Opens `text` as a file: its documents and its chunks. */
export function openWorkflowFile(
  name: string,
  text: string,
): { file: WorkflowFile; opened: OpenResult } {
  const opened = openDocuments(text, name);
  return { file: fileOf(name, text, opened), opened };
}
