/**
 * Source positions for diagnostics. js-yaml (used for speed) does not keep
 * positions, so when there is something to report, the `yaml` package parses
 * the text again and maps each diagnostic's field path to a line and column.
 * A path that does not exist in the text points to its nearest ancestor.
 */
import { isNode, LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { Diagnostic } from '../diagnostics';

export function locateDiagnostics(
  text: string,
  diagnostics: Diagnostic[],
  documentIndex = 0,
): Diagnostic[] {
  if (!diagnostics.some((d) => d.path && d.line === undefined)) return diagnostics;
  const lineCounter = new LineCounter();
  let docs: Document[];
  try {
    docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false }) as Document[];
  } catch {
    return diagnostics;
  }
  const doc = Array.isArray(docs) ? docs[documentIndex] : undefined;
  if (!doc) return diagnostics;
  return diagnostics.map((d) => {
    if (!d.path || d.line !== undefined) return d;
    const offset = offsetOf(doc, d.path);
    if (offset === undefined) return d;
    const { line, col } = lineCounter.linePos(offset);
    return { ...d, line, column: col };
  });
}

function offsetOf(doc: Document, path: readonly (string | number)[]): number | undefined {
  // importManifest rewrites a CronWorkflow's old `schedule` as `schedules: [..]`:
  // point at the `schedule` the text holds rather than at `spec`.
  if (path[0] === 'spec' && path[1] === 'schedules' && !doc.hasIn(['spec', 'schedules'])) {
    path = ['spec', 'schedule'];
  }
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return undefined;
}
