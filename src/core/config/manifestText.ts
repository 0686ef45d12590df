/**
 * A resource template's `manifest` text, read and written the way Argo uses
 * it. Argo substitutes `{{...}}` placeholders before it parses the manifest,
 * so `generateName: {{inputs.parameters.prefix}}-` is fine there though not
 * YAML as written. The text is parsed with each placeholder replaced by a
 * token, and the tokens are put back into the values, so the object holds the
 * placeholders as the user wrote them. A value that is one placeholder
 * written without quotes (`cores: {{inputs.parameters.cores}}`) is remembered
 * and written back without quotes: quoting it would turn the number Argo
 * substitutes into a string. Shared by the config reader and the inspector.
 */
import { dump, Type } from 'js-yaml';
import { LineCounter, parseDocument } from 'yaml';
import { MAX_YAML_BYTES } from '../argo/yamlText';
import { KUBERNETES_PARSE, resolveAsKubernetes } from '../yaml/kubernetesScalars';
import { DUMP_SCHEMA as KUBERNETES_DUMP } from '../yaml/schema11';
import { isObject } from '../model/types';
import { yamlErrorText } from './yamlNodes';

/** Argo's placeholder, as the config reader has always matched it. */
const PLACEHOLDER = /\{\{[^{}]*\}\}/g;
const TOKEN = /__argoflow(\d+)__/g;
const token = (i: number): string => `__argoflow${i}__`;

export type ManifestParse =
  | {
      ok: true;
      /** The parsed document with the placeholders put back. */
      value: unknown;
      /** JSON pointers (`/spec/driver/cores`) of values that are one unquoted placeholder. */
      plainPlaceholders: string[];
    }
  | {
      ok: false;
      reason: 'syntax' | 'alias' | 'too-large';
      /** The parser's reason, without a position. */
      message: string;
      /** 1-based line and column in `text` (syntax errors only). */
      line?: number;
      column?: number;
    };

/**
 * Parses manifest text with its placeholders filled, as Argo would after
 * substitution. YAML aliases are refused (the config file's rule), and so is
 * text over the editor's YAML size limit.
 * @example parseManifestText('kind: Job\nmetadata:\n  generateName: {{inputs.parameters.p}}-\n')
 *   // -> { ok: true, value: { kind: 'Job', metadata: { generateName: '{{inputs.parameters.p}}-' } }, plainPlaceholders: [] }
 */
export function parseManifestText(text: string): ManifestParse {
  if (text.length > MAX_YAML_BYTES)
    return { ok: false, reason: 'too-large', message: 'the manifest is too large' };
  const originals: string[] = [];
  const unquoted: boolean[] = [];
  // [offset in filled text where a token ends, offset in `text` where its placeholder ends]
  const ends: [number, number][] = [];
  let shift = 0;
  const filled = text.replace(PLACEHOLDER, (match: string, offset: number) => {
    const i = originals.length;
    originals.push(match);
    unquoted.push(!/["']/.test(text[offset - 1] ?? ''));
    const t = token(i);
    shift += t.length - match.length;
    ends.push([offset + match.length + shift, offset + match.length]);
    return t;
  });
  const lines = new LineCounter();
  // kubectl reads the manifest Argo hands it: YAML 1.1 scalars, as everywhere.
  const doc = parseDocument(filled, { ...KUBERNETES_PARSE, uniqueKeys: true, lineCounter: lines });
  const problem = doc.errors[0];
  if (problem) {
    const at = originalPosition(text, filled, ends, problem.pos[0]);
    return { ok: false, reason: 'syntax', message: yamlErrorText(problem), ...at };
  }
  resolveAsKubernetes(doc);
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 0 });
  } catch {
    return { ok: false, reason: 'alias', message: 'YAML aliases are not allowed' };
  }
  const plainPlaceholders: string[] = [];
  const restore = (s: string): string =>
    s.replace(TOKEN, (t: string, i: string) => originals[Number(i)] ?? t);
  const walk = (v: unknown, pointer: string): unknown => {
    if (typeof v === 'string') {
      const whole = /^__argoflow(\d+)__$/.exec(v);
      if (whole && unquoted[Number(whole[1])]) plainPlaceholders.push(pointer);
      return restore(v);
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${pointer}/${i}`));
    // fromEntries defines own properties, so a `__proto__` key stays a key.
    if (isObject(v))
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => {
          const key = restore(k);
          return [key, walk(x, `${pointer}/${escapePointer(key)}`)];
        }),
      );
    return v;
  };
  return { ok: true, value: walk(raw, ''), plainPlaceholders };
}

/** Line and column in `text` of offset `pos` in the filled text (a token maps to its placeholder). */
function originalPosition(
  text: string,
  filled: string,
  ends: readonly [number, number][],
  pos: number,
): { line: number; column: number } {
  let orig = Math.min(pos, filled.length);
  for (const [filledEnd, origEnd] of ends) {
    if (filledEnd > pos) break;
    orig = origEnd + (pos - filledEnd);
  }
  // The parser reports an unclosed quote or bracket at the end of the text:
  // point at the last character written instead of a line past it.
  const last = text.trimEnd().length - 1;
  const at = Math.max(0, Math.min(orig, last));
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

/** RFC 6901 escaping of one pointer segment. */
export const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** A placeholder the dumper writes without quotes. */
class PlainPlaceholder {
  constructor(readonly text: string) {}
}

const DUMP_SCHEMA = KUBERNETES_DUMP.extend({
  implicit: [
    new Type('tag:argoflow.io,2024:plain-placeholder', {
      kind: 'scalar',
      resolve: () => false,
      instanceOf: PlainPlaceholder,
      represent: (p) => (p as PlainPlaceholder).text,
    }),
  ],
});

const WHOLE_PLACEHOLDER = /^\{\{[^{}]*\}\}$/;

/**
 * Manifest text for `value`: js-yaml without anchors or folded lines. Values
 * at `plainPlaceholders` that are still one placeholder are written unquoted.
 */
export function dumpManifest(value: unknown, plainPlaceholders: Iterable<string> = []): string {
  const plain = new Set(plainPlaceholders);
  const mark = (v: unknown, pointer: string): unknown => {
    if (typeof v === 'string')
      return plain.has(pointer) && WHOLE_PLACEHOLDER.test(v) ? new PlainPlaceholder(v) : v;
    if (plain.size === 0) return v;
    if (Array.isArray(v)) return v.map((x, i) => mark(x, `${pointer}/${i}`));
    if (isObject(v))
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [k, mark(x, `${pointer}/${escapePointer(k)}`)]),
      );
    return v;
  };
  return dump(mark(value, ''), { noRefs: true, lineWidth: -1, schema: DUMP_SCHEMA });
}

/** A Kubernetes object as a manifest must be: a mapping with string `apiVersion` and `kind`. */
export type ManifestObject = { apiVersion: string; kind: string } & Record<string, unknown>;

/** Why a parsed manifest is not a Kubernetes object (completing "`manifest` ..."), or undefined. */
export function manifestObjectProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'must be a Kubernetes object (a mapping)';
  if (typeof value.apiVersion !== 'string' || typeof value.kind !== 'string')
    return 'needs string `apiVersion` and `kind`';
  return undefined;
}
