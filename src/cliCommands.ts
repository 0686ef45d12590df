/**
 * The CLI's commands over text already read, so tests can run them without a
 * process or a file system.
 */
import { openDocuments, type OpenedDocument, type OpenResult } from './core/argo/document';
import { fileOf, writeFile } from './core/argo/workflowFile';
import { formatDiagnostic } from './core/diagnostics';
import { lintFiles } from './core/validate/lintFiles';
import { dependencyView, findCycle } from './core/graph/topology';
import { report } from './cliLint';
import type { Pipeline } from './core/model/types';
import { clip } from './core/util/describe';
import { scopeTasks } from './core/model/scope';

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
}

export const COMMANDS = ['lint', 'deps', 'fmt'] as const;

/** Runs one command; returns the exit code. */
export function runCommand(command: string, file: string, text: string, io: CliIO): number {
  if (!(COMMANDS as readonly string[]).includes(command)) {
    io.err(`argoflow: unknown command '${command}' (expected ${COMMANDS.join(', ')})`);
    return 2;
  }
  if (command === 'lint')
    return report(lintFiles([{ name: file, text }]), { output: 'text', paths: [file] }, io);
  const opened = openDocuments(text, file);
  if (opened.diagnostics.length > 0) {
    for (const d of opened.diagnostics) io.err(formatDiagnostic(d, file));
    return 2;
  }
  const unreadable = opened.documents.filter((d) => !d.pipeline);
  if (unreadable.length === opened.documents.length) {
    for (const d of unreadable)
      for (const diag of d.diagnostics) io.err(formatDiagnostic(diag, file));
    return 2;
  }
  if (command === 'deps') return deps(opened.documents, io);
  return fmt(file, text, opened, io);
}

function deps(documents: OpenedDocument[], io: CliIO): number {
  let failed = false;
  for (const doc of documents) {
    const p = doc.pipeline;
    if (!p) continue;
    if (documents.length > 1) io.out(`# ${p.kind} ${documentName(p, doc.index)}`);
    const view = dependencyView(scopeTasks(p));
    if (!view) {
      const cycle = findCycle(scopeTasks(p)) ?? [];
      io.err(`dependency cycle detected: ${cycle.map((n) => clip(n)).join(' -> ')}`);
      failed = true;
      continue;
    }
    // Names past 128 characters are invalid anyway: do not pad every row to one.
    const width = view.reduce((w, r) => Math.max(w, Math.min(r.task.length, 64)), 0);
    for (const row of view) {
      const upstream = row.upstream.length > 0 ? row.upstream.join(', ') : '-';
      io.out(`${row.task.padEnd(width)}  level ${row.level}  <- ${upstream}`);
    }
  }
  return failed ? 1 : 0;
}

/** The document's name for a heading; its 1-based position when it has no name to show. */
function documentName(p: Pipeline, index: number): string {
  const { name, generateName } = p.metadata;
  if (typeof name === 'string' && name !== '') return name;
  if (typeof generateName === 'string' && generateName !== '') return generateName;
  return `(document ${index + 1})`;
}

/**
 * Every workflow written anew; documents of other kinds beside them (a
 * ConfigMap, a PersistentVolumeClaim), comments between documents and the
 * separators stay as written.
 */
function fmt(file: string, source: string, opened: OpenResult, io: CliIO): number {
  const whole = fileOf(file, source, opened);
  const text = writeFile(
    whole,
    opened.documents.map((d) => d.pipeline),
    true,
  );
  // `out` ends the line: drop exactly one line break, never more (trimming
  // would cut a kept trailing line break of a `|+` block, e.g. args: ["\n"]).
  io.out(text.endsWith('\n') ? text.slice(0, -1) : text);
  return 0;
}
