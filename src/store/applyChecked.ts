/**
 * Applies a core operation that can refuse (one returning `Result<Pipeline>`)
 * as one undoable step. A refused edit leaves the document and its history
 * as they were and, unless asked not to, sets a notice that says why.
 */
import { hasErrors, type Diagnostic, type Result } from '../core/diagnostics';
import type { Pipeline } from '../core/model/types';
import type { EditorStore } from './editorStore';

export function applyChecked(
  store: EditorStore,
  operation: (p: Pipeline) => Result<Pipeline>,
  options: { notice?: boolean } = {},
): Diagnostic[] {
  let diagnostics: Diagnostic[] = [];
  store.getState().apply((p) => {
    const r = operation(p);
    diagnostics = r.diagnostics;
    return hasErrors(r.diagnostics) ? p : r.value;
  });
  const first = diagnostics.find((d) => d.severity === 'error');
  if (first && options.notice !== false)
    store.getState().setNotice({
      kind: 'error',
      message: first.message,
      ...(first.task ? { tasks: [first.task] } : {}),
    });
  return diagnostics;
}
