/**
 * Mutations of YAML text as bytes and lines: what a bad editor, a bad
 * transfer or a bad paste does to a file.
 */
import type { Random } from './random';

export type TextMutator = (text: string, r: Random) => string;

const YAML_CHARS = [
  ':',
  '-',
  ' ',
  '\n',
  '[',
  ']',
  '{',
  '}',
  '#',
  '&',
  '*',
  '!',
  '|',
  '>',
  "'",
  '"',
];
const CONTROL = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffe',
  '\ud800', // a lone surrogate
  '\t',
  '\r',
];

const lines = (text: string): string[] => text.split('\n');

/** Replaces 1-8 characters with random bytes, YAML syntax or letters. */
const byteFlip: TextMutator = (text, r) => {
  const chars = [...text];
  if (chars.length === 0) return text;
  for (let n = r.between(1, 8); n > 0; n--) {
    const at = r.int(chars.length);
    chars[at] = r.chance(0.5)
      ? r.pick(YAML_CHARS)
      : String.fromCharCode(r.chance(0.8) ? r.between(32, 126) : r.int(256));
  }
  return chars.join('');
};

const truncate: TextMutator = (text, r) => text.slice(0, r.int(text.length + 1));

const duplicateLine: TextMutator = (text, r) => {
  const ls = lines(text);
  const at = r.int(ls.length);
  const times = r.chance(0.1) ? r.between(2, 200) : 1;
  ls.splice(at, 0, ...Array.from({ length: times }, () => ls[at]!));
  return ls.join('\n');
};

const deleteLine: TextMutator = (text, r) => {
  const ls = lines(text);
  ls.splice(r.int(ls.length), r.chance(0.2) ? r.between(2, 10) : 1);
  return ls.join('\n');
};

/** Moves one line or a block of lines left or right. */
const indentShift: TextMutator = (text, r) => {
  const ls = lines(text);
  const from = r.int(ls.length);
  const to = Math.min(ls.length, from + (r.chance(0.5) ? 1 : r.between(2, 12)));
  const by = r.pick([-4, -2, -1, 1, 2, 4]);
  for (let i = from; i < to; i++) {
    const line = ls[i]!;
    ls[i] = by > 0 ? ' '.repeat(by) + line : line.replace(new RegExp(`^ {0,${-by}}`), '');
  }
  return ls.join('\n');
};

const controlChars: TextMutator = (text, r) => {
  let out = text;
  for (let n = r.between(1, 4); n > 0; n--) {
    const at = r.int(out.length + 1);
    out = out.slice(0, at) + r.pick(CONTROL) + out.slice(at);
  }
  return out;
};

const bom: TextMutator = (text, r) => {
  if (r.chance(0.8)) return `\ufeff${text}`;
  const at = r.int(text.length + 1);
  return `${text.slice(0, at)}\ufeff${text.slice(at)}`;
};

const lineEndings: TextMutator = (text, r) => {
  const mode = r.int(3);
  if (mode === 0) return text.replace(/\n/g, '\r\n');
  if (mode === 1) return text.replace(/\n/g, () => (r.chance(0.5) ? '\r\n' : '\n'));
  return text.replace(/\n/g, () => (r.chance(0.1) ? '\r' : '\n'));
};

/** A list item emptied as a keystroke leaves it: `- ` with nothing after. */
const emptyItem: TextMutator = (text, r) => {
  const ls = lines(text);
  const items = ls.flatMap((l, i) => (/^\s*- /.test(l) ? [i] : []));
  if (items.length === 0) return text;
  const at = r.pick(items);
  ls[at] = ls[at]!.replace(/^(\s*- ).*$/, r.chance(0.5) ? '$1' : '$1'.trimEnd());
  if (r.chance(0.5)) ls.splice(at, 0, ls[at]!.replace(/^(\s*- ).*$/, '$1'));
  return ls.join('\n');
};

/** A document split or joined: `---` inserted, or the whole text repeated. */
const documents: TextMutator = (text, r) => {
  if (r.chance(0.5)) return `${text}\n---\n${text}`;
  const ls = lines(text);
  ls.splice(r.int(ls.length + 1), 0, r.pick(['---', '...', '--- ', '---\n---']));
  return ls.join('\n');
};

export const TEXT_MUTATORS: Record<string, TextMutator> = {
  byteFlip,
  truncate,
  duplicateLine,
  deleteLine,
  indentShift,
  controlChars,
  bom,
  lineEndings,
  emptyItem,
  documents,
};
