/**
 * Small helpers on `yaml` document nodes shared by the config readers: the
 * `Field` a read refers to, plain JSON of a subtree, field labels and node
 * descriptions for messages, and the text of a parser error.
 */
import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';

export type Path = (string | number)[];
export type YNode = Node | null | undefined;

/** A value in the tree: the node, its key node (for positions when the value is empty) and its path. */
export interface Field {
  value: YNode;
  key?: Node;
  path: Path;
}

/** Plain JSON value of a subtree (aliases are rejected before any read). */
export function plain(node: YNode): unknown {
  if (isScalar(node)) return node.value;
  if (isMap(node)) {
    // Entries, not `out[key] = v`: a `__proto__` key is data here, not a prototype.
    return Object.fromEntries(
      node.items.map((pair) => [String(plain(pair.key as YNode)), plain(pair.value as YNode)]),
    );
  }
  if (isSeq(node)) return node.items.map((item) => plain(item as YNode));
  return null;
}

/** `f` located at its key: for "this mapping lacks X", point at `http:` rather than its first child. */
export function atKey(f: Field): Field {
  return { ...f, value: f.key ?? f.value };
}

/** First line of a `yaml` parser error, without the position the diagnostic carries anyway. */
export function yamlErrorText(e: { message: string }): string {
  return (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

/** `containers[0].command[2]` -> `command[2]`: the field name users wrote, plus list indices. */
export function label(path: Path): string {
  let i = path.length - 1;
  while (i > 0 && typeof path[i] === 'number') i--;
  return path
    .slice(i)
    .map((p, j) => (typeof p === 'number' ? `[${p}]` : j === 0 ? p : `.${p}`))
    .join('');
}

export function describe(node: YNode): string {
  if (isAlias(node)) return 'an alias';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    if (node.value === null) return 'empty';
    if (typeof node.value === 'string') return 'a string';
    return `a ${typeof node.value} (\`${node.source ?? String(node.value)}\`)`;
  }
  return 'empty';
}
