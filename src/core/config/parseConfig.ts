/**
 * `parseConfig`: config.yaml text -> palette entries, with diagnostics.
 * Never throws. Guards first (size, YAML syntax, duplicate keys, aliases),
 * then reads each entry on its own: a bad entry is reported and skipped, the
 * good ones are kept, so one typo does not empty the palette.
 */
import { isMap, isScalar, LineCounter, parseDocument, visit, type YAMLMap } from 'yaml';
import { error, type Diagnostic, type Result } from '../diagnostics';
import { SECTIONS, type ConfigForm } from './configKeys';
import { paletteEntry } from './entryTemplate';
import { normaliseK8sName } from './k8sName';
import { MAX_CONFIG_BYTES, type PaletteEntry } from './paletteTypes';
import { readContainerEntry } from './readContainer';
import { readResourceEntry } from './readResource';
import { yamlErrorText, type Field } from './yamlNodes';
import { Reader } from './yamlReader';
import { KUBERNETES_PARSE, resolveAsKubernetes } from '../yaml/kubernetesScalars';

const SEED = Object.values(SECTIONS.seed) as string[];
const LOWER = Object.values(SECTIONS.lowercase) as string[];

/**
 * Parses a palette config in the seed form (`Containers:` / `Resources:`) or
 * the lowercase form (`containers:` / `resources:`); see docs/config.md.
 * Every diagnostic has `source`, `path` and, when it points into the text,
 * 1-based `line` and `column`.
 *
 * @example
 * const { value, diagnostics } = parseConfig('containers:\n  - name: hello\n    image: alpine\n');
 * // value[0].template -> { name: 'hello', container: { image: 'alpine' } }
 */
export function parseConfig(text: string, source = 'config.yaml'): Result<PaletteEntry[]> {
  const top = { source, line: 1, column: 1, path: [] };
  if (tooLarge(text)) {
    const message = `${source} is larger than 1 MiB, the limit for a palette config; split or trim it`;
    return { value: [], diagnostics: [error('config-too-large', message, top)] };
  }
  const lineCounter = new LineCounter();
  // Values become Argo templates: read them as Kubernetes will (YAML 1.1 scalars).
  const doc = parseDocument(text, {
    ...KUBERNETES_PARSE,
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
  });
  resolveAsKubernetes(doc);
  const r = new Reader(lineCounter, source);
  const duplicates: number[] = [];
  // An error at the very end (an unclosed quote or bracket) is shown on the last written line.
  const lastChar = Math.max(0, text.trimEnd().length - 1);
  for (const e of doc.errors) {
    if (e.code === 'DUPLICATE_KEY') {
      duplicates.push(e.pos[0]);
      r.error('duplicate-key', `duplicate key \`${keyAt(text, e.pos[0])}\``, undefined, e.pos[0]);
    } else {
      const at = Math.min(e.pos[0], lastChar);
      r.error('yaml-syntax', `YAML syntax error: ${yamlErrorText(e)}`, undefined, at);
    }
  }
  for (const w of doc.warnings) r.warn('yaml-warning', yamlErrorText(w), undefined, w.pos[0]);
  if (r.errors > duplicates.length) return done([], r);
  if (rejectAliases(doc, r)) return done([], r);

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    return done(
      [],
      r,
      error(
        'empty-config',
        `${source} is empty; add a \`containers:\` or \`resources:\` section`,
        top,
      ),
    );
  }
  if (!isMap(root)) {
    r.wrongType({ value: root, path: [] }, 'a mapping with `containers:` / `resources:` sections');
    return done([], r);
  }
  const form = chooseForm(root, r);
  if (form === undefined) return done([], r);
  const sections = SECTIONS[form];
  const fields = r.fields(root, [], {
    allowed: form === 'seed' ? SEED : LOWER,
    what: `the top level of ${source}`,
  });
  if (!fields.has(sections.containers) && !fields.has(sections.resources)) {
    r.error(
      'no-sections',
      `${source} has neither a \`containers:\` nor a \`resources:\` section`,
      undefined,
      0,
    );
    return done([], r);
  }

  const entries: PaletteEntry[] = [];
  const byId = new Map<string, number | undefined>();
  const byTemplate = new Map<string, string>();
  for (const [key, section] of fields) {
    if (isScalar(section.value) && section.value.value === null) {
      r.warn('empty-section', `\`${key}\` has no entries`, section);
      continue;
    }
    for (const item of r.list(section, 'a list of entries') ?? []) {
      const range = item.value?.range;
      // An entry with a repeated key was reported by the parser; its meaning is unclear, skip it.
      if (range && duplicates.some((at) => at >= range[0] && at < range[1])) continue;
      const read = key === sections.containers ? readContainerEntry : readResourceEntry;
      const spec = read(r, item, form);
      if (!spec) continue;
      const nameField: Field = {
        value: (item.value as YAMLMap).get('name', true),
        path: [...item.path, 'name'],
      };
      const templateName = normaliseK8sName(spec.name);
      const other = byTemplate.get(templateName);
      if (byId.has(spec.name)) {
        const line = byId.get(spec.name);
        r.error(
          'duplicate-name',
          `entry name \`${spec.name}\` is already used${line ? ` on line ${line}` : ''}`,
          nameField,
        );
      } else if (other !== undefined) {
        r.error(
          'duplicate-name',
          `entries \`${other}\` and \`${spec.name}\` both become template name \`${templateName}\``,
          nameField,
        );
      } else {
        byId.set(spec.name, spec.line);
        byTemplate.set(templateName, spec.name);
        entries.push(paletteEntry(spec));
      }
    }
  }
  return done(entries, r);
}

/** The form the top-level keys use; reports (and returns undefined) when a file mixes both. */
function chooseForm(root: YAMLMap, r: Reader): ConfigForm | undefined {
  let seed: Field | undefined;
  let lower: Field | undefined;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    const f: Field = { value: pair.key as Field['value'], path: [String(key)] };
    if (typeof key === 'string' && SEED.includes(key)) seed ??= f;
    if (typeof key === 'string' && LOWER.includes(key)) lower ??= f;
  }
  if (seed && lower) {
    const later = (seed.value?.range?.[0] ?? 0) > (lower.value?.range?.[0] ?? 0) ? seed : lower;
    const message =
      'config mixes the seed form (`Containers:` / `Resources:`) with the lowercase form ' +
      '(`containers:` / `resources:`); use one form per file';
    r.error('mixed-casing', message, later);
    return undefined;
  }
  return seed ? 'seed' : 'lowercase';
}

/** Reports YAML aliases; true when there is any. An alias bomb is small text that expands without bound. */
function rejectAliases(doc: ReturnType<typeof parseDocument>, r: Reader): boolean {
  let count = 0;
  visit(doc, {
    Alias(_, node) {
      // A few diagnostics are enough: a bomb may hold thousands of aliases.
      if (count++ < 3) {
        r.error(
          'yaml-alias',
          `YAML aliases (\`*${node.source}\`) are not supported in ${r.source}; repeat the value instead`,
          { value: node, path: [] },
        );
      }
    },
  });
  return count > 0;
}

function done(value: PaletteEntry[], r: Reader, ...extra: Diagnostic[]): Result<PaletteEntry[]> {
  return { value, diagnostics: [...r.diagnostics, ...extra] };
}

/** The key text at a duplicate-key error offset, for the message. */
function keyAt(text: string, offset: number): string {
  return (/^[^:\n]*/.exec(text.slice(offset, offset + 200))?.[0] ?? '')
    .trim()
    .replace(/^["']|["']$/g, '');
}

/**
 * True when the UTF-8 text is over MAX_CONFIG_BYTES. A UTF-16 unit is 1 to 3
 * UTF-8 bytes, so the length alone usually decides and nothing is encoded.
 */
function tooLarge(text: string): boolean {
  if (text.length > MAX_CONFIG_BYTES) return true;
  if (text.length * 3 <= MAX_CONFIG_BYTES) return false;
  return new TextEncoder().encode(text).length > MAX_CONFIG_BYTES;
}
