/**
 * Reading and writing YAML text safely. js-yaml is fast but trusts its input,
 * so loading is guarded: a size limit before parsing, and a budget on the
 * number of values after alias expansion (an alias bomb parses to a small
 * graph of shared references that explodes only when walked).
 */
import { CORE_SCHEMA, dump, loadAll, Type, YAMLException } from 'js-yaml';
import { error, type Result } from '../diagnostics';

/** The Argo API rejects bodies over 3 MiB; anything far beyond that is not a workflow. */
export const MAX_YAML_BYTES = 4 * 1024 * 1024;
/** Values a document may expand to once aliases are followed. */
export const MAX_YAML_VALUES = 1_000_000;

/**
 * YAML 1.2 core types plus merge keys (`<<`), without js-yaml's implicit
 * timestamps: Kubernetes (sigs.k8s.io/yaml) keeps `2024-01-01` a string, and a
 * Date would not survive export (it compiled to `{}`).
 */
const LOAD_SCHEMA = CORE_SCHEMA.extend({
  // js-yaml's own merge type (lib/type/merge.js), which @types/js-yaml does not export.
  implicit: [
    new Type('tag:yaml.org,2002:merge', {
      kind: 'scalar',
      resolve: (data: unknown) => data === '<<' || data === null,
    }),
  ],
});

/** Every document in `text`, or diagnostics with the line and column where reading stopped. */
export function loadYamlDocuments(text: string, source?: string): Result<unknown[]> {
  const where = source !== undefined ? { source } : {};
  if (text.length > MAX_YAML_BYTES) {
    const mb = (text.length / (1024 * 1024)).toFixed(1);
    return {
      value: [],
      diagnostics: [
        error(
          'too-large',
          `file is ${mb} MiB; the editor reads at most ${MAX_YAML_BYTES / (1024 * 1024)} MiB (the Argo API rejects workflows over 3 MiB)`,
          where,
        ),
      ],
    };
  }
  let docs: unknown[];
  try {
    docs = loadAll(text, undefined, { filename: source, schema: LOAD_SCHEMA }).filter(
      (d) => d !== null && d !== undefined,
    );
  } catch (e) {
    if (e instanceof YAMLException) {
      return {
        value: [],
        diagnostics: [
          error('yaml-syntax', syntaxMessage(e, text), {
            ...where,
            line: e.mark ? e.mark.line + 1 : undefined,
            column: e.mark ? e.mark.column + 1 : undefined,
          }),
        ],
      };
    }
    throw e;
  }
  if (countValues(docs, MAX_YAML_VALUES) > MAX_YAML_VALUES) {
    return {
      value: [],
      diagnostics: [
        error(
          'too-many-values',
          `file expands to more than ${MAX_YAML_VALUES.toLocaleString('en')} values once its aliases are followed (an alias bomb?)`,
          where,
        ),
      ],
    };
  }
  return { value: docs, diagnostics: [] };
}

/** js-yaml's reason, naming the key when it is a duplicated one (js-yaml does not). */
function syntaxMessage(e: YAMLException, text: string): string {
  const reason = e.reason || e.message;
  if (reason !== 'duplicated mapping key' || !e.mark) return reason;
  // The mark points at the start of the second occurrence of the key.
  const line = text.slice(e.mark.position).split('\n', 1)[0] ?? '';
  const key = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:,{}[\]]*?)(?=\s*:)/.exec(line)?.[0];
  return key ? `duplicated mapping key '${key.replace(/^(["'])(.*)\1$/, '$2')}'` : reason;
}

/** Counts values depth-first, stopping as soon as the budget is exceeded. */
function countValues(root: unknown, budget: number): number {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0 && count <= budget) {
    const v = stack.pop();
    count++;
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) stack.push(x);
  }
  return count;
}

/** YAML text for one document: no anchors, no folded lines, strings quoted only when needed. */
export function dumpYaml(value: unknown): string {
  return dump(value, { noRefs: true, lineWidth: -1, quotingType: '"' });
}

/** Several documents separated by `---`. */
export function dumpYamlDocuments(values: readonly unknown[]): string {
  return values.map(dumpYaml).join('---\n');
}
