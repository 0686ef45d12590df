// What a node says about how its task runs, read from the task and its
// template as written: a condition, a loop, retries, failures tolerated.
// Computed when the node's data is built (when the task or template changes),
// never per render.
import type { Task, Template } from '../../core/model/types';

export interface TaskBadge {
  /** Short text on the node. */
  label: string;
  /** The field as written, for the tooltip and screen readers. */
  title: string;
  kind: 'when' | 'loop' | 'retry' | 'continue';
}

const text = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v);

/** The badges of a task (or step) running `template`; [] for none. */
export function taskBadges(task: Task | undefined, template: Template | undefined): TaskBadge[] {
  const badges: TaskBadge[] = [];
  if (task?.when !== undefined)
    badges.push({ kind: 'when', label: 'when', title: `when: ${text(task.when)}` });
  for (const loop of ['withItems', 'withParam', 'withSequence'] as const) {
    if (task?.[loop] === undefined) continue;
    const value = task[loop];
    const detail = Array.isArray(value) ? `${value.length} items` : text(value);
    badges.push({
      kind: 'loop',
      label: `↻ ${loop.slice(4).toLowerCase()}`,
      title: `${loop}: ${detail}`,
    });
  }
  const retry = template?.retryStrategy as { limit?: unknown } | undefined;
  if (retry !== undefined) {
    const limit = retry && retry.limit !== undefined ? text(retry.limit) : '';
    badges.push({
      kind: 'retry',
      label: limit ? `retry ×${limit}` : 'retry',
      title: `retryStrategy: ${text(retry)}`,
    });
  }
  const cont = task?.continueOn as { failed?: boolean; error?: boolean } | undefined;
  if (cont && (cont.failed || cont.error)) {
    const on = [cont.failed && 'failed', cont.error && 'error'].filter(Boolean).join(', ');
    badges.push({ kind: 'continue', label: 'continues', title: `continueOn: ${on}` });
  }
  return badges;
}

/** What a screen reader says for a node: its name, what it runs, its badges and problems. */
export function nodeLabel(data: {
  name: string;
  runs: string;
  kind: string;
  badges: readonly TaskBadge[];
  problems: readonly { severity: string }[];
}): string {
  const what = data.kind === 'step' ? 'Step' : data.kind === 'template' ? 'Template' : 'Task';
  const parts = [`${what} ${data.name}`];
  if (data.runs !== data.name && data.kind !== 'template') parts.push(`runs ${data.runs}`);
  for (const b of data.badges) parts.push(b.title);
  const errors = data.problems.filter((d) => d.severity === 'error').length;
  const warnings = data.problems.filter((d) => d.severity === 'warning').length;
  const notes = data.problems.length - errors - warnings;
  const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  if (errors) parts.push(count(errors, 'error'));
  if (warnings) parts.push(count(warnings, 'warning'));
  if (notes) parts.push(count(notes, 'note'));
  if (data.problems.length === 0) parts.push('no problems');
  return parts.join(', ');
}
