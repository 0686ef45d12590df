/**
 * Where validation rules put what they find. Every diagnostic carries the
 * field path in the manifest (so the CLI and the editor can locate its line),
 * and the template and the DAG task or step it belongs to when there is one.
 */
import type { Diagnostic, Severity } from '../diagnostics';

export type Path = (string | number)[];

/** Where a problem is: the field, and the template and task or step it belongs to. */
export interface At {
  path: Path;
  template?: string;
  task?: string;
}

export class Sink {
  readonly list: Diagnostic[] = [];

  add(severity: Severity, code: string, message: string, at: At): void {
    const d: Diagnostic = { code, message, severity, path: at.path };
    if (at.template !== undefined) d.template = at.template;
    if (at.task !== undefined) d.task = at.task;
    this.list.push(d);
  }

  error(code: string, message: string, at: At): void {
    this.add('error', code, message, at);
  }

  warning(code: string, message: string, at: At): void {
    this.add('warning', code, message, at);
  }

  info(code: string, message: string, at: At): void {
    this.add('info', code, message, at);
  }
}

/** `at` moved to a field under it: `under(at, 'arguments', 0)`. */
export function under(at: At, ...field: Path): At {
  return { ...at, path: at.path.concat(field) };
}

/** A field path as Argo writes it in messages: `spec.templates[0].container.image`. */
export function fieldName(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}
