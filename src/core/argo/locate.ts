/**
 * Source positions for diagnostics: each diagnostic's field path is looked up
 * in the source index the one parse of the text recorded
 * (`../yaml/sourceIndex.ts`). A path the text does not have points to its
 * nearest ancestor.
 */
import type { Diagnostic } from '../diagnostics';
import type { SourceIndex } from '../yaml/sourceIndex';
import { loadYamlDocuments } from './yamlText';

/** Adds line and column to diagnostics of document `documentIndex` that have a path but no line. */
export function locateWith(
  index: SourceIndex | undefined,
  diagnostics: Diagnostic[],
  documentIndex = 0,
): Diagnostic[] {
  if (!index || !diagnostics.some((d) => d.path && d.line === undefined)) return diagnostics;
  return diagnostics.map((d) => {
    if (!d.path || d.line !== undefined) return d;
    const at = locatePath(index, documentIndex, d.path);
    return at ? { ...d, line: at.line, column: at.column } : d;
  });
}

/** The same for text that was not kept indexed: reads it once more. */
export function locateDiagnostics(
  text: string,
  diagnostics: Diagnostic[],
  documentIndex = 0,
): Diagnostic[] {
  if (!diagnostics.some((d) => d.path && d.line === undefined)) return diagnostics;
  return locateWith(loadYamlDocuments(text).index, diagnostics, documentIndex);
}

/**
 * importManifest rewrites a CronWorkflow's old `schedule` as `schedules: [..]`:
 * where the text has no `schedules`, point at the `schedule` it holds.
 */
function locatePath(index: SourceIndex, doc: number, path: readonly (string | number)[]) {
  const at = index.locate(doc, path);
  if (at?.exact || path[0] !== 'spec' || path[1] !== 'schedules') return at;
  const old = index.locate(doc, ['spec', 'schedule']);
  return old?.exact ? old : at;
}
