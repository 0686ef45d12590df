/**
 * Deep nesting: in the YAML structure (flow collections and indented
 * mappings, up to tens of thousands of levels) and inside the expression
 * strings the validator parses (`depends`, `when`).
 */
import { dump, get, isMap, put, slots, type Json, type ObjectMutator } from './objectMutators';
import type { Random } from './random';

const MARKER = 'FUZZ-NESTING-MARKER';

/** A value nested `depth` levels deep, as flow YAML text. */
function nestedFlow(depth: number, r: Random): string {
  const [open, close] = r.pick([
    ['[', ']'],
    ['{a: ', '}'],
    ['[{x: ', '}]'],
  ] as const);
  return `${open.repeat(depth)}leaf${close.repeat(depth)}`;
}

/** A block mapping nested `depth` levels deep (indentation grows with depth). */
function nestedBlock(depth: number, indent: string): string {
  const out: string[] = [];
  for (let i = 0; i < depth; i++) out.push(`${indent}${' '.repeat(i)}a:`);
  out.push(`${indent}${' '.repeat(depth)}leaf`);
  return `\n${out.join('\n')}`;
}

/** Deep YAML nesting at a random place in the document. */
const deepYaml: ObjectMutator = (docs, r, limits) => {
  const all = slots(docs);
  if (all.length === 0) return dump(docs);
  const depth = r.pick(limits.depths);
  const slot = r.pick(all);
  put(slot, MARKER);
  const text = dump(docs);
  const at = text.indexOf(MARKER);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const indent = /^ */.exec(text.slice(lineStart))![0];
  const inMapping = !Array.isArray(slot.parent) && depth <= 2_000 && r.chance(0.3);
  const nested = inMapping ? nestedBlock(depth, `${indent}  `) : nestedFlow(depth, r);
  return text.slice(0, at) + nested + text.slice(at + MARKER.length);
};

/** The tasks of some DAG, adding a DAG entrypoint with two tasks when there is none. */
function dagTasks(docs: Json[], r: Random): Record<string, Json>[] {
  const lists = slots(docs).filter((s) => s.key === 'tasks' && Array.isArray(get(s)));
  const tasks = lists.flatMap((s) => (get(s) as Json[]).filter(isMap));
  if (tasks.length > 0) return tasks;
  const doc = docs.find(isMap);
  if (!doc) return [];
  const spec = isMap(doc.spec) ? doc.spec : (doc.spec = {});
  const made = [
    { name: 'a', template: 'echo' },
    { name: 'b', template: 'echo', depends: 'a' },
  ];
  spec.entrypoint = r.chance(0.8) ? 'fuzz-dag' : spec.entrypoint;
  spec.templates = [
    { name: 'fuzz-dag', dag: { tasks: made } },
    { name: 'echo', container: { image: 'alpine' } },
    ...(Array.isArray(spec.templates) ? spec.templates : []),
  ];
  return made;
}

function nestedDepends(depth: number, r: Random): string {
  switch (r.int(5)) {
    case 0:
      return `${'('.repeat(depth)}a${')'.repeat(depth)}`;
    case 1:
      return `${'!'.repeat(depth)}a`;
    case 2:
      return `${'a && ('.repeat(depth)}b${')'.repeat(depth)}`;
    case 3:
      return `${'!('.repeat(depth)}a.Succeeded${')'.repeat(depth)}`;
    default:
      // Unbalanced: opened deep, never closed.
      return `${'('.repeat(depth)}a`;
  }
}

/** `depends` nested hundreds to tens of thousands of levels deep. */
const deepDepends: ObjectMutator = (docs, r, limits) => {
  const tasks = dagTasks(docs, r);
  if (tasks.length > 0) r.pick(tasks).depends = nestedDepends(r.pick(limits.depths), r);
  return dump(docs);
};

/** `when` nested deep: parentheses, brackets and `{{` inside it. */
const deepWhen: ObjectMutator = (docs, r, limits) => {
  const tasks = dagTasks(docs, r);
  const depth = r.pick(limits.depths);
  const when = r.pick([
    `${'('.repeat(depth)}1 == 1${')'.repeat(depth)}`,
    `${'['.repeat(depth)}${']'.repeat(depth)} == 1`,
    `${'{{'.repeat(depth)}x${'}}'.repeat(depth)}`,
    `{{tasks.a.outputs.result}} == ${'('.repeat(depth)}`,
  ]);
  if (tasks.length > 0) r.pick(tasks).when = when;
  return dump(docs);
};

export const NESTING_MUTATORS: Record<string, ObjectMutator> = {
  deepYaml,
  deepDepends,
  deepWhen,
};
