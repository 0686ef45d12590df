/**
 * Two-way YAML: text typed in the YAML panel. Valid text replaces the
 * pipeline at once; invalid text stays in the draft with its diagnostics, and
 * the canvas keeps the last valid state. Nothing typed is thrown away.
 */
import type { StateCreator } from 'zustand/vanilla';
import { openDocuments } from '../core/argo/document';
import { error, hasErrors, type Diagnostic } from '../core/diagnostics';
import type { EditorState } from './editorStore';

export interface YamlSlice {
  /** The text being edited, while it differs from the preview. */
  yamlDraft: string | undefined;
  yamlDiagnostics: Diagnostic[];
  editYaml(text: string): void;
  /** Drops the draft and shows the preview again (the draft is kept if it is invalid). */
  closeYamlDraft(): void;
}

export const createYamlSlice: StateCreator<EditorState, [], [], YamlSlice> = (set, get) => ({
  yamlDraft: undefined,
  yamlDiagnostics: [],
  editYaml(text) {
    const opened = openDocuments(text, 'YAML panel');
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
    if (pipeline && !hasErrors(diagnostics)) {
      // Keep the editor's positions for tasks that still exist.
      const layout = { ...get().pipeline.layout, ...pipeline.layout };
      get().setPipeline({ ...pipeline, layout });
    }
    set({ yamlDraft: text, yamlDiagnostics: diagnostics });
  },
  closeYamlDraft() {
    if (!hasErrors(get().yamlDiagnostics)) set({ yamlDraft: undefined, yamlDiagnostics: [] });
  },
});
