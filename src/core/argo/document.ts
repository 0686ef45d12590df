/**
 * Argo YAML text <-> pipelines: the entry points the editor and the CLI use
 * to open and save files.
 */
import type { Diagnostic } from '../diagnostics';
import type { Pipeline } from '../model/types';
import { compile } from './compile';
import { importManifest } from './importManifest';
import type { SourceIndex } from '../yaml/sourceIndex';
import { locateWith } from './locate';
import { emitYaml } from './incrementalYaml';
import { loadYamlDocuments } from './yamlText';

export interface OpenedDocument {
  /** 0-based position of the document in a multi-document file. */
  index: number;
  pipeline?: Pipeline;
  diagnostics: Diagnostic[];
  /** The document as read (a ConfigMap beside the workflow stays one). */
  raw: unknown;
}

export interface OpenResult {
  documents: OpenedDocument[];
  /** Problems with the file as a whole (unreadable YAML, too large, ...). */
  diagnostics: Diagnostic[];
  /** Where each value came from, to locate later diagnostics (validation) without reading the text again. */
  index?: SourceIndex;
}

/**
 * Reads every document in an Argo YAML file. Diagnostics carry the source
 * name and, where the text tells, line and column.
 */
export function openDocuments(text: string, source?: string): OpenResult {
  const loaded = loadYamlDocuments(text, source);
  if (loaded.diagnostics.length > 0) return { documents: [], diagnostics: loaded.diagnostics };
  const documents = loaded.value.map((doc, index) => {
    const { value, diagnostics } = importManifest(doc);
    const tagged = diagnostics.map((d) => ({ ...d, ...(source !== undefined ? { source } : {}) }));
    return {
      index,
      raw: doc,
      ...(value ? { pipeline: value } : {}),
      diagnostics: locateWith(loaded.index, tagged, index),
    };
  });
  if (documents.length === 0) {
    return {
      documents,
      diagnostics: [
        {
          code: 'empty',
          message: 'the file holds no YAML document',
          severity: 'error',
          ...(source ? { source } : {}),
        },
      ],
    };
  }
  return { documents, diagnostics: [], ...(loaded.index ? { index: loaded.index } : {}) };
}

/** The file the editor saves: the manifest with the layout annotation. */
export function exportDocument(p: Pipeline): string {
  return emitYaml(compile(p, { layout: true }));
}

/**
 * The manifest as shown live and submitted: no editor-only data. Both texts
 * are rebuilt from cached pieces, so an edit costs what it changed
 * (`incrementalYaml.ts`).
 */
export function previewDocument(p: Pipeline): string {
  return emitYaml(compile(p));
}
