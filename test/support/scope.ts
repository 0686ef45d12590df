// The scope's tasks and positions of a pipeline that may be missing (a failed open).
import {
  scopeLayout,
  scopeTasks,
  withScopeLayout,
  withScopeTasks,
} from '../../src/core/model/scope';
import type { Layout, Pipeline, Task } from '../../src/core/model/types';

export const tasksOf = (p: Pipeline | undefined): Task[] | undefined => p && scopeTasks(p);
export const layoutOf = (p: Pipeline | undefined): Layout | undefined => p && scopeLayout(p);

/** `p` with the scope's tasks (and positions) replaced: how tests build pipelines directly. */
export function withTasks(p: Pipeline, tasks: Task[], layout?: Layout): Pipeline {
  const next = withScopeTasks(p, tasks);
  return layout ? withScopeLayout(next, layout) : next;
}
