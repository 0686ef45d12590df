/**
 * Adds fuzz outcomes up into the counts the issue asks for, keeping one
 * replayable example per crash cause and per kind of finding.
 */
import type { FuzzInput } from './generate';
import type { Outcome } from './runInput';

/** An operation slower than this on one input is a hang (issue 8: "no hang over 1 s"). */
export const HANG_MS = 1_000;
/**
 * Documents nested deeper than this are the YAML loader's to refuse (its
 * depth limit, a separate change): slowness on them is reported apart.
 */
export const DEEP_YAML = 100;

interface Example {
  count: number;
  /** `seed:index` of the first input that showed it, and its mutations. */
  first: string;
}

export interface Tally {
  inputs: number;
  diagnostics: number;
  valid: number;
  crashed: number;
  /** Crashed only by a YAML parser's stack overflow on deep nesting. */
  crashedYamlDepth: number;
  crashes: Map<string, Example>;
  hangs: Map<string, Example>;
  /** Hangs on documents nested deeper than DEEP_YAML. */
  hangsYamlDepth: number;
  badMessages: Map<string, Example>;
  unlocated: Map<string, Example>;
  roundTrip: Map<string, Example>;
  inputsWithBadMessages: number;
  inputsWithUnlocated: number;
  inputsWithRoundTrip: number;
  slowest: { ms: number; first: string };
  totalMs: number;
}

export function newTally(): Tally {
  return {
    inputs: 0,
    diagnostics: 0,
    valid: 0,
    crashed: 0,
    crashedYamlDepth: 0,
    crashes: new Map(),
    hangs: new Map(),
    hangsYamlDepth: 0,
    badMessages: new Map(),
    unlocated: new Map(),
    roundTrip: new Map(),
    inputsWithBadMessages: 0,
    inputsWithUnlocated: 0,
    inputsWithRoundTrip: 0,
    slowest: { ms: 0, first: '' },
    totalMs: 0,
  };
}

const note = (map: Map<string, Example>, key: string, first: string): void => {
  const seen = map.get(key);
  if (seen) seen.count++;
  else map.set(key, { count: 1, first });
};

/** Strips quoted user text and numbers so messages group by their wording. */
const shape = (message: string): string =>
  message
    .replace(/'[^']*'|"[^"]*"/g, "'…'")
    .replace(/\d+/g, 'N')
    .slice(0, 160);

export function addOutcome(t: Tally, input: FuzzInput, o: Outcome): void {
  const first = `${input.seed}:${input.index} (${input.example}; ${input.mutations.join(', ')})`;
  t.inputs++;
  t.totalMs += o.ms;
  if (o.slowest.ms > t.slowest.ms)
    t.slowest = { ms: o.slowest.ms, first: `${first}, ${o.slowest.stage}` };
  if (o.result === 'crash') {
    t.crashed++;
    if (o.crashes.every((c) => c.yamlDepth)) t.crashedYamlDepth++;
    for (const cause of new Set(
      o.crashes.map((c) => `${c.yamlDepth ? '[yaml depth] ' : ''}${c.cause}`),
    ))
      note(t.crashes, cause, first);
  } else if (o.result === 'valid') t.valid++;
  else t.diagnostics++;
  if (o.slowest.ms > HANG_MS) {
    const deep = o.depth > DEEP_YAML ? `[yaml depth > ${DEEP_YAML}] ` : '';
    if (deep) t.hangsYamlDepth++;
    note(
      t.hangs,
      `${deep}${o.slowest.stage}`,
      `${first} ${Math.round(o.slowest.ms)} ms, nesting ${o.depth}, ${input.text.length} chars`,
    );
  }
  for (const m of new Set(o.badMessages.map(shape))) note(t.badMessages, m, first);
  for (const m of new Set(o.unlocated.map(shape))) note(t.unlocated, m, first);
  for (const m of new Set(o.roundTrip.map(shape))) note(t.roundTrip, m, first);
  if (o.badMessages.length > 0) t.inputsWithBadMessages++;
  if (o.unlocated.length > 0) t.inputsWithUnlocated++;
  if (o.roundTrip.length > 0) t.inputsWithRoundTrip++;
}

function section(title: string, map: Map<string, Example>, inputs: number): string[] {
  const rows = [...map.entries()].sort((a, b) => b[1].count - a[1].count);
  const head = `${title}: ${inputs} input${inputs === 1 ? '' : 's'}${rows.length > 0 ? `, ${rows.length} kind${rows.length === 1 ? '' : 's'}` : ''}`;
  return [
    head,
    ...rows
      .slice(0, 25)
      .map(([k, e]) => `  ${String(e.count).padStart(5)}  ${k}\n         first: ${e.first}`),
  ];
}

export function formatTally(t: Tally): string {
  const hangs = [...t.hangs.values()].reduce((n, e) => n + e.count, 0);
  return [
    `inputs:            ${t.inputs}`,
    `diagnostics only:  ${t.diagnostics}`,
    `valid:             ${t.valid}`,
    `crashes:           ${t.crashed} (${t.crashedYamlDepth} only by a YAML parser's stack overflow on deep nesting)`,
    `hangs (> ${HANG_MS} ms):  ${hangs} (${t.hangsYamlDepth} on YAML nested deeper than ${DEEP_YAML} levels)`,
    `bad messages:      ${t.inputsWithBadMessages} inputs ([object Object] / undefined / NaN)`,
    `unlocated:         ${t.inputsWithUnlocated} inputs (diagnostics from text without a line)`,
    `round-trip:        ${t.inputsWithRoundTrip} inputs (import(export(p)) != p or compile(import(doc)) != doc)`,
    `time:              ${Math.round(t.totalMs)} ms in product code; slowest operation ${Math.round(t.slowest.ms)} ms: ${t.slowest.first}`,
    '',
    ...section('crashes by cause', t.crashes, t.crashed),
    ...section('hangs by slowest stage', t.hangs, hangs),
    ...section('bad messages', t.badMessages, t.inputsWithBadMessages),
    ...section('unlocated diagnostics', t.unlocated, t.inputsWithUnlocated),
    ...section('round-trip differences', t.roundTrip, t.inputsWithRoundTrip),
  ].join('\n');
}
