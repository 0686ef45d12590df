/**
 * YAML text for a manifest, byte for byte what `dumpYaml` writes, rebuilt
 * from cached pieces (issue 11): after a one-task edit only that task, the
 * template holding it and the top of the document are written again.
 *
 * The pieces are the items of the two lists that grow with a workflow,
 * `templates` and a DAG's `tasks`. An item's text is cached by the item
 * object's identity (the document is never changed in place; an edit makes
 * new objects along the path it changed) and by its column. A value holding
 * such lists is written with each list swapped for a token (one small dump),
 * and the tokens are then replaced by the items' texts.
 *
 * Why this equals one dump of the whole: js-yaml writes block style only
 * (`lineWidth: -1`, no flow levels), and everything it writes for a value
 * nested `n` levels deep is what it writes for that value alone, with every
 * non-empty line indented `2n` more (block scalars included: their lines are
 * indented from the level too, and empty lines get no indentation). A list
 * under a key at column `c` has its `- ` at column `c + 2`, the item's first
 * key after the `- ` and its other lines at `c + 4`. Kept spellings
 * (`../yaml/spelling.ts`) are looked up by holder, so copies of holders made
 * here carry them. `test/core/incrementalYaml.test.ts` checks equality over
 * random edit sequences.
 */
import { carrySpellings } from '../yaml/spelling';
import { dumpYaml } from './yamlText';

/** Keys whose list items are cached. Plain keys js-yaml writes as they are. */
const STITCHED = new Set(['templates', 'tasks']);
const TOKEN = `argoflow-piece-${Math.random().toString(36).slice(2, 10)}-`;

type Mapping = Record<string, unknown>;

/** A list swapped for a token: the key it is under and its items. */
interface Swapped {
  key: string;
  items: Mapping[];
}

interface Piece {
  column: number;
  text: string;
}

/** Items without lists of their own (tasks, leaf templates): one text each, as long as the item lives. */
const leaves = new WeakMap<object, Piece>();
/** Items holding lists (a DAG's template): megabytes at 10,000 tasks, so only the latest few. */
const holders = new Map<object, Piece>();
const HOLDERS_KEPT = 8;

const isMapping = (v: unknown): v is Mapping =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.prototype.toString.call(v) === '[object Object]';

/** A list written from cached items: mappings with at least one key (an empty one is `{}`). */
const isStitchable = (v: unknown): v is Mapping[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => isMapping(x) && Object.keys(x).length > 0);

/**
 * `value` with each stitched list found through mappings replaced by a token
 * (`lists[i]` is what token `i` stands for). Copies only the mappings on the
 * way to a list; undefined when there is none.
 */
function withTokens(value: Mapping, lists: Swapped[]): Mapping | undefined {
  let changed = false;
  const entries = Object.entries(value).map(([k, v]): [string, unknown] => {
    if (STITCHED.has(k) && isStitchable(v)) {
      changed = true;
      lists.push({ key: k, items: v });
      return [k, TOKEN + (lists.length - 1)];
    }
    if (isMapping(v)) {
      const inner = withTokens(v, lists);
      if (inner) {
        changed = true;
        return [k, inner];
      }
    }
    return [k, v];
  });
  if (!changed) return undefined;
  // fromEntries defines keys as data (a `__proto__` key stays a key).
  const copy = Object.fromEntries(entries);
  carrySpellings(value, copy);
  return copy;
}

/** Column of the key on the line that ends at `at`, if the line is `[- ]*key`. */
function keyColumn(text: string, at: number, key: string): number | undefined {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  let i = start;
  for (;;) {
    if (text.charCodeAt(i) === 32) i++;
    else if (text.startsWith('- ', i)) i += 2;
    else break;
  }
  return text.slice(i, at) === key ? i - start : undefined;
}

/** `text` with its tokens replaced by their lists; undefined if a token is not where expected. */
function fill(text: string, lists: Swapped[]): string | undefined {
  // Concatenation rather than join: V8 links the pieces (a rope) instead of
  // copying megabytes, and the text is copied once, by whoever reads it.
  let out = '';
  let from = 0;
  for (let i = 0; i < lists.length; i++) {
    const token = `: ${TOKEN}${i}\n`;
    const at = text.indexOf(token, from);
    if (at < 0) return undefined;
    const column = keyColumn(text, at, lists[i]!.key);
    if (column === undefined) return undefined;
    out += text.slice(from, at) + ':\n';
    for (const item of lists[i]!.items) {
      const piece = itemText(item, column + 2);
      if (piece === undefined) return undefined;
      out += piece;
    }
    from = at + token.length;
  }
  return out + text.slice(from);
}

/** `- item` with its `- ` at `column`, as it appears inside a list. */
function itemText(item: Mapping, column: number): string | undefined {
  const cached = leaves.get(item) ?? holders.get(item);
  if (cached?.column === column) return cached.text;
  const lists: Swapped[] = [];
  const skeleton = withTokens(item, lists);
  const own = dumpYaml(skeleton ?? item);
  // Lines after the first go under the item's first key; empty lines stay empty.
  const pad = ' '.repeat(column + 2);
  const indented = ' '.repeat(column) + '- ' + own.replace(/\n(?=[^\n])/g, '\n' + pad);
  if (!skeleton) {
    leaves.set(item, { column, text: indented });
    return indented;
  }
  const text = fill(indented, lists);
  if (text === undefined) return undefined;
  holders.delete(item);
  holders.set(item, { column, text });
  if (holders.size > HOLDERS_KEPT) holders.delete(holders.keys().next().value!);
  return text;
}

/**
 * The YAML text of `manifest`, equal to `dumpYaml(manifest)`, reusing the
 * text of every template and task object written before.
 */
export function emitYaml(manifest: unknown): string {
  if (!isMapping(manifest)) return dumpYaml(manifest);
  const lists: Swapped[] = [];
  const skeleton = withTokens(manifest, lists);
  if (!skeleton) return dumpYaml(manifest);
  return fill(dumpYaml(skeleton), lists) ?? dumpYaml(manifest);
}
