/**
 * Builds fuzz input `index` of run `seed` from a corpus of Argo examples:
 * one primary mutation chosen evenly among all kinds, sometimes followed by
 * more. Object mutations go first (they need text that parses), then text
 * mutations.
 */
import { loadYamlDocuments } from '../../../src/core/argo/yamlText';
import { NESTING_MUTATORS } from './nestingMutators';
import { FULL_LIMITS, OBJECT_MUTATORS, type Limits, type ObjectMutator } from './objectMutators';
import { randomFor, type Random } from './random';
import { TEXT_MUTATORS, type TextMutator } from './textMutators';

export interface CorpusFile {
  name: string;
  text: string;
}

export interface FuzzInput {
  seed: number;
  index: number;
  example: string;
  mutations: string[];
  text: string;
}

const OBJECT: Record<string, ObjectMutator> = { ...OBJECT_MUTATORS, ...NESTING_MUTATORS };
const TEXT: Record<string, TextMutator> = TEXT_MUTATORS;
export const MUTATION_NAMES = [...Object.keys(OBJECT), ...Object.keys(TEXT)];

/** Parsed documents, or undefined when the text does not load (or overflows the loader). */
function parse(text: string): unknown[] | undefined {
  try {
    const loaded = loadYamlDocuments(text);
    return loaded.diagnostics.length === 0 ? loaded.value : undefined;
  } catch {
    return undefined;
  }
}

function applyObject(name: string, text: string, r: Random, limits: Limits): string | undefined {
  const docs = parse(text);
  return docs ? OBJECT[name]!(docs, r, limits) : undefined;
}

export function generateInput(
  corpus: readonly CorpusFile[],
  seed: number,
  index: number,
  limits: Limits = FULL_LIMITS,
): FuzzInput {
  const r = randomFor(seed, index);
  const example = r.pick(corpus);
  const primary = MUTATION_NAMES[index % MUTATION_NAMES.length]!;
  const extra = r.chance(0.35) ? [r.pick(MUTATION_NAMES)] : [];
  if (r.chance(0.1)) extra.push(r.pick(Object.keys(TEXT)));
  const chosen = [primary, ...extra].sort((a, b) => Number(a in TEXT) - Number(b in TEXT));
  let text = example.text;
  const applied: string[] = [];
  for (const name of chosen) {
    const next = name in OBJECT ? applyObject(name, text, r, limits) : TEXT[name]!(text, r);
    if (next === undefined) continue;
    text = next;
    applied.push(name);
  }
  return { seed, index, example: example.name, mutations: applied, text };
}
