/**
 * Two-way YAML: text typed in the YAML panel. Text that opens as one
 * document the editor can show replaces the pipeline at once; anything else
 * (a syntax error, a document the editor fails on) stays in the draft with
 * its diagnostics, and the canvas keeps the last document that worked.
 * Nothing typed is thrown away.
 */
import type { StateCreator } from 'zustand/vanilla';
import { openDocuments, type OpenResult } from '../core/argo/document';
import { error, hasErrors, type Diagnostic } from '../core/diagnostics';
import type { Pipeline } from '../core/model/types';
import type { EditorState } from './editorStore';
import { whyUnshowable } from './showable';
import { mergeLayouts } from '../core/model/layout';
import { withScope } from '../core/model/scope';
import { carryYamlRenames } from '../core/ergonomics/yamlRenames';

export interface YamlSlice {
  /** The text being edited, while it differs from the preview. */
  yamlDraft: string | undefined;
  yamlDiagnostics: Diagnostic[];
  editYaml(text: string): void;
  /** Drops the draft and shows the preview again (the draft is kept if it is invalid). */
  closeYamlDraft(): void;
}

const SOURCE = 'YAML panel';

/** Opens the text, turning a failure inside the core into a diagnostic. */
function open(text: string): OpenResult {
  try {
    return openDocuments(text, SOURCE);
  } catch (e) {
    const why = e instanceof RangeError ? 'it is nested too deeply' : (e as Error)?.message;
    return {
      documents: [],
      diagnostics: [error('internal', `the editor could not read this text (${why})`)],
    };
  }
}

/** The one pipeline the text stands for, with every reason it cannot be applied. */
function read(text: string): { pipeline?: Pipeline; diagnostics: Diagnostic[] } {
  const opened = open(text);
  const docs = opened.documents;
  const diagnostics = [...opened.diagnostics, ...docs.flatMap((d) => d.diagnostics)];
  if (docs.length > 1)
    diagnostics.push(
      error(
        'multiple-documents',
        'the YAML panel edits one document; open multi-document files with Open',
      ),
    );
  const pipeline = docs.length === 1 ? docs[0]!.pipeline : undefined;
  if (!pipeline || hasErrors(diagnostics)) return { diagnostics };
  const why = whyUnshowable(pipeline);
  if (why)
    return {
      diagnostics: [
        ...diagnostics,
        error('unshowable', `not applied: ${why}; the canvas keeps the last document that worked`),
      ],
    };
  return { pipeline, diagnostics };
}

export const createYamlSlice: StateCreator<EditorState, [], [], YamlSlice> = (set, get) => ({
  yamlDraft: undefined,
  yamlDiagnostics: [],
  editYaml(text) {
    const { pipeline, diagnostics } = read(text);
    if (pipeline) {
      // Keep the editor's positions for tasks that still exist, and the template on screen.
      const before = get().pipeline;
      const layouts = mergeLayouts(before.layouts, pipeline.layouts);
      const scope =
        before.scope !== undefined ? withScope(pipeline, before.scope).scope : undefined;
      // A task renamed in the text keeps its position, description and dependents.
      const next = { ...pipeline, layouts, scope: scope ?? pipeline.scope };
      get().setPipeline(carryYamlRenames(before, next));
    }
    set({ yamlDraft: text, yamlDiagnostics: diagnostics });
  },
  closeYamlDraft() {
    if (!hasErrors(get().yamlDiagnostics)) set({ yamlDraft: undefined, yamlDiagnostics: [] });
  },
});
