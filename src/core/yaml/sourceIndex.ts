/**
 * Where each value of a loaded YAML text came from, recorded during the one
 * js-yaml parse (its `listener` reports every node as it opens and closes),
 * so a diagnostic's field path maps to a line and column without parsing the
 * text a second time. The same pass enforces a nesting limit (js-yaml
 * recurses once per level and would overflow the stack on hostile input) and
 * records non-canonical spellings (`spelling.ts`).
 */
import { keepSpelling } from './spelling';
import { representScalar } from './represent';

/** Deeper than any manifest (a Workflow nests about 15 levels); shallow enough for every recursive walk. */
export const MAX_YAML_DEPTH = 128;

interface Frame {
  /** Offset where js-yaml started reading the node (before its leading blanks). */
  start: number;
  result: unknown;
  kind: string | null;
  children: Frame[];
  /** Some child scalar had a non-canonical spelling. */
  spelled: boolean;
  /** This scalar's source text, when it differs from its canonical form. */
  raw?: string;
}

export class YamlDepthError extends Error {
  constructor(readonly position: number) {
    super(`YAML nests deeper than ${MAX_YAML_DEPTH} levels`);
  }
}

/** The part of js-yaml's loader state the listener reads (`tag` is missing from its typings). */
interface LoaderState {
  position: number;
  result: unknown;
  kind: string | null;
}

const NO_CHILDREN: Frame[] = [];
const RESOLVED_TAGS = new Set([
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:float',
]);

function frame(start: number): Frame {
  return { start, result: undefined, kind: null, children: NO_CHILDREN, spelled: false };
}

/** Builds the index while js-yaml reads `text`; pass `listener` to `loadAll`. */
export class SourceIndexBuilder {
  private readonly root = frame(0);
  private readonly stack: Frame[] = [this.root];

  constructor(private readonly text: string) {}

  readonly listener = (event: 'open' | 'close', state: LoaderState): void => {
    if (event === 'open') {
      if (this.stack.length > MAX_YAML_DEPTH) throw new YamlDepthError(state.position);
      this.stack.push(frame(state.position));
      return;
    }
    const f = this.stack.pop()!;
    f.result = state.result;
    f.kind = state.kind;
    // A sequence item tried as a compact mapping first reports its node twice, nested.
    const only = f.children.length === 1 ? f.children[0]! : undefined;
    if (only && only.result === f.result && typeof f.result === 'object') {
      f.children = only.children;
      f.spelled = only.spelled;
    }
    const tag = (state as { tag?: string | null }).tag;
    if (f.kind === 'scalar' && tag && RESOLVED_TAGS.has(tag)) {
      f.raw = this.spellingOf(f, state.position);
    }
    const parent = this.stack[this.stack.length - 1]!;
    if (parent.children === NO_CHILDREN) parent.children = [];
    parent.children.push(f);
    if (f.raw !== undefined) parent.spelled = true;
    if (f.spelled && f.result !== null && typeof f.result === 'object')
      recordSpellings(this.text, f);
  };

  /** The plain scalar's text when its canonical form reads differently (`0755`, `yes`, `~`). */
  private spellingOf(f: Frame, end: number): string | undefined {
    const start = skipBlanks(this.text, f.start);
    const raw = this.text.slice(start, end).trimEnd();
    if (raw === '' || /^[!&*"'|>]/.test(raw)) return undefined;
    return raw === representScalar(f.result) ? undefined : raw;
  }

  /** The index, for documents that `loadAll` returned non-empty. */
  finish(): SourceIndex {
    const docs = this.root.children.filter((f) => f.result !== null && f.result !== undefined);
    return new SourceIndex(this.text, docs);
  }
}

function recordSpellings(text: string, f: Frame): void {
  for (const [key, child] of childEntries(text, f)) {
    if (child.raw !== undefined) keepSpelling(f.result as object, key, child.raw);
  }
}

/** A collection frame's children as [key, value frame, key frame] (no key frame in a list). */
function* childEntries(text: string, f: Frame): Generator<[string, Frame, Frame?]> {
  if (Array.isArray(f.result)) {
    yield* itemEntries(text, f, f.result);
    return;
  }
  const map = f.result as Record<string, unknown>;
  const kids = f.children;
  for (let i = 0; i < kids.length; i++) {
    const key = String(kids[i]!.result);
    const value = kids[i + 1];
    if (key === '<<') {
      i++; // a merge key's value is the merged map, not a field
      continue;
    }
    // A key without a value (`{a, b: c}`) has no value node: the next node is a key.
    if (value && Object.hasOwn(map, key) && Object.is(map[key], value.result)) {
      yield [key, value, kids[i]!];
      i++;
    } else {
      yield [key, kids[i]!, kids[i]!];
    }
  }
}

/**
 * A list's items with their frames. js-yaml reads an empty block item (`- `)
 * without opening a node: such an item gets a frame placed just after its
 * `-`, found on the next line that starts with a dash at the list's indent.
 */
function* itemEntries(text: string, f: Frame, items: unknown[]): Generator<[string, Frame]> {
  const kids = f.children;
  if (kids.length === items.length) {
    for (let i = 0; i < kids.length; i++) yield [String(i), kids[i]!];
    return;
  }
  let j = 0;
  let from = f.start;
  const indent = dashIndent(text, kids[0]?.start ?? f.start, kids.length > 0);
  for (let i = 0; i < items.length; i++) {
    const kid = kids[j];
    if (kid && Object.is(kid.result, items[i])) {
      j++;
      from = kid.start;
      yield [String(i), kid];
      continue;
    }
    if (indent === undefined || items[i] !== null) return;
    const dash = nextDash(text, from, indent);
    if (dash === undefined) return;
    from = dash + 1;
    yield [String(i), { ...frame(dash + 1), result: null }];
  }
}

/** The column of the `-` that starts the item read at `at` (backwards), or of the first dash after `at`. */
function dashIndent(text: string, at: number, backwards: boolean): number | undefined {
  if (backwards) {
    let i = at - 1;
    while (i >= 0 && text[i] !== '-' && text[i] !== '\n') i--;
    if (i < 0 || text[i] !== '-') return undefined;
    return i - (text.lastIndexOf('\n', i) + 1);
  }
  const dash = /(?:^|\n)([ \t]*)-(?=[ \t\r\n]|$)/.exec(text.slice(at));
  return dash ? dash[1]!.length : undefined;
}

/** The offset of the next line's `-` at column `indent` after offset `from`. */
function nextDash(text: string, from: number, indent: number): number | undefined {
  for (let nl = text.indexOf('\n', from); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    const at = nl + 1 + indent;
    if (text[at] === '-' && /^[ \t]*$/.test(text.slice(nl + 1, at))) return at;
  }
  return undefined;
}

/** Skips spaces, line breaks and comments. */
function skipBlanks(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35 /* # */) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
    } else return i;
  }
}

export interface Position {
  /** 1-based. */
  line: number;
  column: number;
}

export interface Located extends Position {
  /** The whole path was found, not only an ancestor. */
  exact: boolean;
}

/** Positions of a loaded text's values by document and field path. */
export class SourceIndex {
  private lineStarts: number[] | undefined;

  constructor(
    private readonly text: string,
    private readonly documents: Frame[],
  ) {}

  /**
   * Where `path` is in document `doc`: a scalar at its value, a mapping or
   * list held by a field at its key (the line that names it), a list item at
   * the item. For a path the text does not have, its nearest ancestor
   * (`exact` false).
   */
  locate(doc: number, path: readonly (string | number)[]): Located | undefined {
    let f = this.documents[doc];
    if (!f) return undefined;
    let at = f;
    let exact = true;
    for (const segment of path) {
      const next = childAt(this.text, f, String(segment));
      if (!next) {
        exact = false;
        break;
      }
      f = next.value;
      const scalar = f.result === null || typeof f.result !== 'object';
      at = scalar && f.kind !== null ? f : (next.key ?? f);
    }
    // An empty node (`- ` or `key:` with nothing after) is where it was opened,
    // on its own line; skipping blanks would land on the next line's content.
    const offset = at.kind === null ? at.start : skipBlanks(this.text, at.start);
    return { ...this.position(offset), exact };
  }

  /** Line and column of an offset. */
  position(offset: number): Position {
    const starts = (this.lineStarts ??= lineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}

type Child = { value: Frame; key?: Frame };
const childMaps = new WeakMap<Frame, Map<string, Child>>();

/** A collection frame's child by key or index; its children are indexed on first use. */
function childAt(text: string, f: Frame, key: string): Child | undefined {
  if (f.result === null || typeof f.result !== 'object') return undefined;
  let map = childMaps.get(f);
  if (!map) {
    map = new Map();
    for (const [k, value, keyFrame] of childEntries(text, f))
      if (!map.has(k)) map.set(k, keyFrame ? { value, key: keyFrame } : { value });
    childMaps.set(f, map);
  }
  return map.get(key);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
