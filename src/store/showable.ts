/**
 * Whether the editor can show a pipeline: runs what the panels will compute
 * from it (the YAML preview, the saved text, each node's ports, dependencies
 * and data wires) and reports the first thing that throws. Validation is not
 * among them: it runs later, at idle (validationSlice.ts), and a validator
 * that throws becomes a diagnostic rather than a refused edit. The
 * store refuses to take such a pipeline, so a core defect that remains shows
 * as a message where the edit was made, never as a blank app or a saved
 * document that crashes every reload.
 */
import { exportDocument } from '../core/argo/document';
import { taskDependencies } from '../core/graph/taskDependencies';
import { dataEdgesInto, templatePorts } from '../core/model/dataFlow';
import { edgeLabels } from '../core/model/edgeResults';
import { findTemplate } from '../core/model/spec';
import type { Pipeline } from '../core/model/types';
import { pipelinePreview } from './derived';
import { scopeTasks } from '../core/model/scope';

/** Tasks and templates already projected once: an edit re-checks only new objects. */
const projected = new WeakSet<object>();
const verdicts = new WeakMap<Pipeline, string | undefined>();
/** Only the newest text is kept: history holds many pipelines, and a text can be megabytes. */
let lastSaved: { pipeline: Pipeline; text: string } | undefined;

function describe(stage: string, e: unknown): string {
  const why = e instanceof RangeError ? 'it is nested too deeply' : String((e as Error)?.message);
  return `the editor failed while ${stage} (${why})`;
}

function check(p: Pipeline): string | undefined {
  const stages: [string, () => unknown][] = [
    ['writing the YAML preview', () => pipelinePreview(p)],
    ['writing the saved copy', () => savedText(p)],
    ['drawing the tasks', () => project(p)],
  ];
  for (const [stage, run] of stages) {
    try {
      run();
    } catch (e) {
      return describe(stage, e);
    }
  }
  return undefined;
}

function project(p: Pipeline): void {
  for (const task of scopeTasks(p)) {
    if (projected.has(task)) continue;
    const template = findTemplate(p, task.template);
    if (template && !projected.has(template)) {
      templatePorts(template);
      projected.add(template);
    }
    taskDependencies(task);
    edgeLabels(task);
    dataEdgesInto(task);
    projected.add(task);
  }
}

/**
 * Why the editor cannot show `p`, or undefined when it can. Cheap on repeat:
 * the verdict is kept per pipeline, and the derived values it computes are
 * the ones the panels read next.
 */
export function whyUnshowable(p: Pipeline): string | undefined {
  if (verdicts.has(p)) return verdicts.get(p);
  const verdict = check(p);
  verdicts.set(p, verdict);
  return verdict;
}

/** The text autosave writes for `p` (computed once, by the check when it ran). */
export function savedText(p: Pipeline): string {
  if (lastSaved?.pipeline !== p) lastSaved = { pipeline: p, text: exportDocument(p) };
  return lastSaved.text;
}
