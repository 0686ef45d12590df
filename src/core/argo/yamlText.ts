/**
 * Reading and writing YAML text safely and as Kubernetes reads it (YAML 1.1
 * scalars, `../yaml/resolve11.ts`). js-yaml is fast but trusts its input, so
 * loading is guarded: a size limit before parsing, a nesting limit while
 * parsing, and a budget on the number of values after alias expansion (an
 * alias bomb parses to a small graph of shared references that explodes only
 * when walked). The one parse also records where each value came from, so
 * diagnostics get lines without reading the text again.
 */
import { dump, loadAll, YAMLException } from 'js-yaml';
import { error, type Result } from '../diagnostics';
import { DUMP_SCHEMA, LOAD_SCHEMA } from '../yaml/schema11';
import {
  MAX_YAML_DEPTH,
  SourceIndex,
  SourceIndexBuilder,
  YamlDepthError,
} from '../yaml/sourceIndex';
import { spellingReplacer } from '../yaml/spelling';

/** The Argo API rejects bodies over 3 MiB; anything far beyond that is not a workflow. */
export const MAX_YAML_BYTES = 4 * 1024 * 1024;
/** Values a document may expand to once aliases are followed. */
export const MAX_YAML_VALUES = 1_000_000;

export interface LoadedYaml extends Result<unknown[]> {
  /** Where each value came from; absent when the text could not be read. */
  index?: SourceIndex;
}

/** Every document in `text`, or diagnostics with the line and column where reading stopped. */
export function loadYamlDocuments(text: string, source?: string): LoadedYaml {
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
  // js-yaml drops a byte-order mark before reading: positions count without it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const builder = new SourceIndexBuilder(body);
  let docs: unknown[];
  try {
    docs = loadAll(body, undefined, {
      filename: source,
      schema: LOAD_SCHEMA,
      listener: builder.listener,
    }).filter((d) => d !== null && d !== undefined);
  } catch (e) {
    if (e instanceof YamlDepthError) {
      const at = new SourceIndex(body, []).position(e.position);
      return {
        value: [],
        diagnostics: [
          error(
            'too-deep',
            `YAML nests deeper than ${MAX_YAML_DEPTH} levels here (a workflow nests about 15); the file looks damaged or generated`,
            { ...where, ...at },
          ),
        ],
      };
    }
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
  return { value: docs, diagnostics: [], index: builder.finish() };
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

/**
 * YAML text for one document: no anchors, no folded lines, strings quoted
 * only when needed (and whenever a YAML 1.1 reader would take them for
 * something else), kept spellings written as they were read.
 */
export function dumpYaml(value: unknown): string {
  return dump(value, {
    noRefs: true,
    lineWidth: -1,
    quotingType: '"',
    schema: DUMP_SCHEMA,
    replacer: spellingReplacer,
  });
}

/** Several documents separated by `---`. */
export function dumpYamlDocuments(values: readonly unknown[]): string {
  return values.map(dumpYaml).join('---\n');
}
