// Applies core operations that can refuse (`Result<Pipeline>`) as one undo
// step each; a refused edit changes nothing and, by default, sets a notice.
import { useCallback } from 'react';
import type { Diagnostic, Result } from '../../../core/diagnostics';
import type { Pipeline } from '../../../core/model/types';
import { applyChecked } from '../../../store/applyChecked';
import { useEditorStore } from '../../EditorContext';

export type CheckedApply = (
  operation: (p: Pipeline) => Result<Pipeline>,
  options?: { notice?: boolean },
) => Diagnostic[];

export function useChecked(): CheckedApply {
  const store = useEditorStore();
  return useCallback((operation, options) => applyChecked(store, operation, options), [store]);
}
