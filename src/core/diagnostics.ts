/**
 * Diagnostics: how the core reports problems in user data. Parsers and
 * validators return them instead of throwing, so the editor can pin each one
 * to its node and field and the CLI can print `FILE:LINE:COL: message`.
 */
import { clip } from './util/describe';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable identifier, e.g. `cycle`, `unknown-dependency`, `invalid-name`. */
  code: string;
  message: string;
  severity: Severity;
  /** The DAG task or step the problem belongs to, when there is one. */
  task?: string;
  /** The template the task, step or field is in. */
  template?: string;
  /** Field path inside the document, e.g. `['spec','templates',0,'dag','tasks',2,'depends']`. */
  path?: (string | number)[];
  /** 1-based line and column in the source text, when the problem came from text. */
  line?: number;
  column?: number;
  /** The file (or other source) the text came from. */
  source?: string;
}

/** A value together with what went wrong while producing it. */
export interface Result<T> {
  value: T;
  diagnostics: Diagnostic[];
}

export function error(code: string, message: string, where: Partial<Diagnostic> = {}): Diagnostic {
  return { code, message, severity: 'error', ...where };
}

export function warning(
  code: string,
  message: string,
  where: Partial<Diagnostic> = {},
): Diagnostic {
  return { code, message, severity: 'warning', ...where };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** `FILE:LINE:COL: message`, dropping the parts that are unknown. */
export function formatDiagnostic(d: Diagnostic, file = d.source): string {
  const where = [file, d.line, d.line !== undefined ? (d.column ?? 1) : undefined]
    .filter((part) => part !== undefined && part !== '')
    .join(':');
  const subject = d.task ? `task ${clip(d.task)}: ` : '';
  return `${where ? `${where}: ` : ''}${d.severity}: ${subject}${d.message}`;
}
