// Edits of the resource template a task runs, each one undoable step. A task
// that shares a SparkApplication template gets its own copy on its first
// edit (each Spark task has its own manifest), and the notice says so.
import { useCallback } from 'react';
import type { Diagnostic, Result } from '../../core/diagnostics';
import { findTask } from '../../core/model/pipeline';
import { editTaskResource } from '../../core/model/resourceFields';
import type { Pipeline } from '../../core/model/types';
import { applyChecked } from '../../store/applyChecked';
import { useEditorStore } from '../EditorContext';

/** An edit of template `template` (the task's own one by the time it runs). */
export type ResourceOperation = (p: Pipeline, template: string) => Result<Pipeline>;
export type ResourceEdit = (
  operation: ResourceOperation,
  options?: { notice?: boolean },
) => Diagnostic[];

export function useResourceEdit(task: string): ResourceEdit {
  const store = useEditorStore();
  return useCallback(
    (operation, options) => {
      const before = findTask(store.getState().pipeline, task)?.template;
      const diagnostics = applyChecked(store, (p) => editTaskResource(p, task, operation), options);
      const after = findTask(store.getState().pipeline, task)?.template;
      if (after !== before && after !== undefined)
        store.getState().setNotice({
          kind: 'info',
          message: `Task ${task} now runs its own copy of template ${before ?? ''}: ${after}. The other tasks keep theirs.`,
          tasks: [task],
        });
      return diagnostics;
    },
    [store, task],
  );
}
