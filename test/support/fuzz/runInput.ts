/**
 * Runs one fuzz input through everything that reads user YAML in-process:
 * the importer, the validator (with line numbers as `lint` adds them), the
 * compiler and emitter, the re-import of the export, and the CLI commands.
 * Each stage is caught on its own; the outcome lists what went wrong.
 */
import { runCommand } from '../../../src/cliCommands';
import { compile } from '../../../src/core/argo/compile';
import { exportDocument, openDocuments, previewDocument } from '../../../src/core/argo/document';
import { locateDiagnostics } from '../../../src/core/argo/locate';
import { validate } from '../../../src/core/argo/validate';
import { loadYamlDocuments } from '../../../src/core/argo/yamlText';
import type { Diagnostic } from '../../../src/core/diagnostics';
import { expectedManifest, firstDifference, savedForm } from './compare';

export const FILE = 'fuzz.yaml';
/** Diagnostics about the file as a whole, which have no line to point at. */
const FILE_LEVEL = new Set(['too-large', 'too-many-values', 'empty']);
const BAD_WORDS = ['[object Object]', 'undefined', 'NaN'];
const ARGO_UNDEFINED = /template name '[^']*' undefined/g;
/** Longer than any message quoting a few clipped values (deps rows list whole names). */
const MAX_MESSAGE = 2_000;
const COMMANDS = ['lint', 'deps', 'fmt'] as const;

export interface Crash {
  stage: string;
  /** Error name, message and the first frame in our code or a package: groups crashes. */
  cause: string;
  /** A stack overflow inside a YAML parser on deep nesting (the YAML loader work). */
  yamlDepth: boolean;
}

export interface Outcome {
  result: 'diagnostics' | 'valid' | 'crash';
  crashes: Crash[];
  /** Time spent in product code for this input, in ms. */
  ms: number;
  /** Slowest single stage: one user-visible operation (open, lint, fmt, ...). */
  slowest: { stage: string; ms: number };
  /** Deepest nesting of the documents read (0 when the text does not load). */
  depth: number;
  badMessages: string[];
  unlocated: string[];
  /** import(export(p)) differs from p, or compile(p) from the document read. */
  roundTrip: string[];
}

function causeOf(e: unknown): { cause: string; yamlDepth: boolean } {
  const err = e instanceof Error ? e : new Error(String(e));
  const frames = (err.stack ?? '').split('\n').slice(1);
  const frame = frames.find((f) => /\/(src|node_modules)\//.test(f)) ?? frames[0] ?? '';
  const where = /((?:src|node_modules)\/[^:)]+:\d+)/.exec(frame)?.[1] ?? frame.trim();
  const overflow = err instanceof RangeError && /call stack/.test(err.message);
  const yamlDepth = overflow && /node_modules\/(js-)?yaml\//.test(err.stack ?? '');
  return { cause: `${err.name}: ${err.message.slice(0, 100)} @ ${where}`, yamlDepth };
}

/** The deepest nesting of lists and mappings in `value`, counted without recursion. */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export function runInput(text: string): Outcome {
  const out: Outcome = {
    result: 'diagnostics',
    crashes: [],
    ms: 0,
    slowest: { stage: '', ms: 0 },
    depth: 0,
    badMessages: [],
    unlocated: [],
    roundTrip: [],
  };
  const stage = <T>(name: string, run: () => T): T | undefined => {
    const start = performance.now();
    try {
      return run();
    } catch (e) {
      out.crashes.push({ stage: name, ...causeOf(e) });
      return undefined;
    } finally {
      const ms = performance.now() - start;
      out.ms += ms;
      if (ms > out.slowest.ms) out.slowest = { stage: name, ms };
    }
  };
  const checkMessage = (message: string, isData = false): void => {
    // Argo's own wording, "template name 'x' undefined", is a sentence, not a leaked value.
    const said = message.replace(ARGO_UNDEFINED, '');
    const bad = BAD_WORDS.filter((w) => said.includes(w) && !text.includes(w));
    if (bad.length > 0) out.badMessages.push(message.slice(0, 300));
    // A message quotes user text clipped: a huge name must not make a huge message.
    else if (message.length > MAX_MESSAGE && !isData)
      out.badMessages.push(`${message.length} characters long: ${message.slice(0, 200)}`);
  };
  const checkDiagnostics = (list: readonly Diagnostic[]): void => {
    for (const d of list) {
      checkMessage(d.message);
      if (d.line === undefined && !FILE_LEVEL.has(d.code))
        out.unlocated.push(`${d.code}: ${d.message.slice(0, 200)}`);
    }
  };

  const opened = stage('import', () => openDocuments(text, FILE));
  if (opened) {
    checkDiagnostics(opened.diagnostics);
    const originals = opened.documents.length > 0 ? loadYamlDocuments(text).value : [];
    out.depth = nestingDepth(originals);
    for (const doc of opened.documents) {
      checkDiagnostics(doc.diagnostics);
      const p = doc.pipeline;
      if (!p) continue;
      const found = stage('validate', () => validate(p));
      if (found) {
        const located = stage('locate', () => locateDiagnostics(text, found, doc.index));
        if (located) checkDiagnostics(located);
      }
      stage('compile', () => previewDocument(p));
      const exported = stage('compile', () => exportDocument(p));
      const again =
        exported === undefined ? undefined : stage('reimport', () => openDocuments(exported));
      if (again) {
        const back = again.documents[0]?.pipeline;
        const diff = back
          ? firstDifference(savedForm(p), savedForm(back))
          : 'export does not re-import';
        if (diff) out.roundTrip.push(`import(export(p)) differs at ${diff}`);
      }
      const compiled = stage('compile', () => compile(p));
      if (compiled) {
        const diff = firstDifference(compiled, expectedManifest(originals[doc.index]));
        if (diff) out.roundTrip.push(`compile(import(doc)) differs at ${diff}`);
      }
    }
  }
  let lintCode: number | undefined;
  for (const command of COMMANDS) {
    const lines: string[] = [];
    const rows: string[] = []; // deps' stdout: task names as data
    const written: string[] = [];
    const code = stage(`cli ${command}`, () =>
      runCommand(command, FILE, text, {
        out: (line) => (command === 'fmt' ? written : command === 'deps' ? rows : lines).push(line),
        err: (line) => lines.push(line),
      }),
    );
    for (const line of lines) checkMessage(line);
    for (const row of rows) checkMessage(row, true);
    if (command === 'lint') lintCode = code;
    if (command === 'fmt' && code === 0 && opened) {
      // What `argoflow fmt` writes (a newline after each line) reads back as the same pipelines.
      const reread = openDocuments(written.map((l) => `${l}\n`).join(''));
      const before = opened.documents.flatMap((d) => (d.pipeline ? [savedForm(d.pipeline)] : []));
      const after = reread.documents.flatMap((d) => (d.pipeline ? [savedForm(d.pipeline)] : []));
      const diff = firstDifference(before, after);
      if (diff) out.roundTrip.push(`fmt output differs at ${diff}`);
    }
  }
  if (out.crashes.length > 0) out.result = 'crash';
  else if (lintCode === 0) out.result = 'valid';
  return out;
}
