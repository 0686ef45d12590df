/**
 * `argoflow lint [--output text|json] [--templates DIR]... [--mode lint|submit] PATH...`:
 * lints every file named and every *.yaml / *.yml under the directories named
 * (hidden directories and node_modules are passed over), like `argo lint`.
 * The WorkflowTemplates among them, and those under --templates, resolve each
 * other's templateRefs. Exit 0 with no errors, 1 with errors, 2 when a file
 * cannot be read or parsed (or the command line is wrong).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CliIO } from './cliCommands';
import { MAX_YAML_BYTES } from './core/argo/yamlText';
import { error, formatDiagnostic, type Diagnostic } from './core/diagnostics';
import type { Mode } from './core/validate';
import { lintFiles, type LintedFile, type LintInput } from './core/validate/lintFiles';

export interface LintArgs {
  paths: string[];
  templates: string[];
  output: 'text' | 'json';
  mode: Mode;
}

/** Parses `lint` flags; returns a usage message when they are wrong. */
export function parseLintArgs(args: string[]): LintArgs | string {
  const out: LintArgs = { paths: [], templates: [], output: 'text', mode: 'lint' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--output' || flag === '-o') {
      const v = value();
      if (v !== 'text' && v !== 'json') return `${flag} takes text or json`;
      out.output = v;
    } else if (flag === '--templates') {
      const v = value();
      if (!v) return '--templates needs a directory or file';
      out.templates.push(v);
    } else if (flag === '--mode') {
      const v = value();
      if (v !== 'lint' && v !== 'submit') return '--mode takes lint or submit';
      out.mode = v;
    } else if (a.startsWith('-') && a !== '-') return `unknown option ${a}`;
    else out.paths.push(a);
  }
  if (out.paths.length === 0) return 'lint needs at least one file or directory';
  return out;
}

/** Reads the files, lints them and prints the result; returns the exit code. */
export function runLint(args: LintArgs, io: CliIO): number {
  const named = collect(args.paths);
  const templates = collect(args.templates);
  const texts = templates.inputs.map(({ name, text }) => ({ name, text }));
  // A template file that cannot be read is said, but only linted files decide the exit code.
  for (const f of templates.failed)
    for (const d of f.diagnostics)
      io.err(`--templates: ${formatDiagnostic({ ...d, severity: 'warning' }, f.file)}`);
  const files = [
    ...named.failed,
    ...lintFiles(named.inputs, { mode: args.mode, templates: texts }),
  ];
  const order = new Map(named.order.map((name, i) => [name, i]));
  files.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
  return report(files, args, io);
}

/** Prints lint results as `FILE:LINE:COL: severity: message` lines or one JSON document. */
export function report(
  files: LintedFile[],
  args: Pick<LintArgs, 'output' | 'paths'>,
  io: CliIO,
): number {
  const all = files.flatMap((f) => f.diagnostics);
  const count = (s: Diagnostic['severity']) => all.filter((d) => d.severity === s).length;
  const errors = count('error');
  const code = files.some((f) => f.unreadable) ? 2 : errors > 0 ? 1 : 0;
  const workflows = files.reduce((n, f) => n + f.workflows, 0);
  if (args.output === 'json') {
    io.out(
      JSON.stringify({
        files: files.map((f) => ({
          file: f.file,
          workflows: f.workflows,
          unreadable: f.unreadable,
          diagnostics: f.diagnostics.map(({ source: _source, ...d }) => d),
        })),
        summary: {
          files: files.length,
          workflows,
          errors,
          warnings: count('warning'),
          notes: count('info'),
          exitCode: code,
        },
      }),
    );
    return code;
  }
  for (const f of files)
    for (const d of f.diagnostics) (f.unreadable ? io.err : io.out)(formatDiagnostic(d, f.file));
  if (files.every((f) => f.unreadable)) return code;
  const label =
    args.paths.length === 1 && files.length === 1 ? files[0]!.file : `${files.length} files`;
  const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  io.err(
    errors > 0
      ? `${label}: ${plural(errors, 'error')} in ${plural(workflows, 'workflow')}`
      : `${label}: ${plural(workflows, 'workflow')} valid`,
  );
  return code;
}

interface Collected {
  inputs: LintInput[];
  /** Paths that could not be read, as lint results. */
  failed: LintedFile[];
  /** Every file in the order it was found, for the output. */
  order: string[];
}

/** The files named and the YAML files under the directories named. */
function collect(paths: string[]): Collected {
  const out: Collected = { inputs: [], failed: [], order: [] };
  const fail = (file: string, message: string) => {
    out.order.push(file);
    out.failed.push({
      file,
      workflows: 0,
      unreadable: true,
      diagnostics: [{ ...error('unreadable', message), source: file }],
    });
  };
  const read = (file: string, found: boolean) => {
    out.order.push(file);
    try {
      const size = statSync(file).size;
      if (size > MAX_YAML_BYTES)
        return fail(
          file,
          `file is ${(size / (1024 * 1024)).toFixed(1)} MiB; the editor reads at most ${MAX_YAML_BYTES / (1024 * 1024)} MiB (the Argo API rejects workflows over 3 MiB)`,
        );
      out.inputs.push({ name: file, text: readFileSync(file, 'utf8'), found });
    } catch (e) {
      out.order.pop();
      fail(file, readError(e));
    }
  };
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (e) {
      fail(path, readError(e));
      continue;
    }
    if (!isDir) read(path, false);
    else {
      const files = walk(path);
      if (files.length === 0) fail(path, 'no YAML file (*.yaml, *.yml) in this directory');
      for (const file of files) read(file, true);
    }
  }
  return out;
}

/** YAML files under `dir`, sorted, skipping hidden directories, node_modules and symbolic links. */
function walk(dir: string): string[] {
  const files: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    const subdirs: string[] = [];
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = join(current, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && e.name !== 'node_modules') subdirs.push(full);
      } else if (e.isFile() && /\.ya?ml$/i.test(e.name)) files.push(full);
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
  }
  return files.sort();
}

function readError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (e as Error).message;
}
