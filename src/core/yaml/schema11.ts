/**
 * js-yaml schemas that read and write YAML the way Kubernetes does
 * (`resolve11.ts`). js-yaml alone reads YAML 1.2, where `0755` is 755 and
 * `yes` a string; Argo and kubectl read 493 and true.
 *
 * LOAD_SCHEMA: strings, lists and maps, plus one implicit type per resolved
 * kind (null, bool, int/float, merge key). DUMP_SCHEMA: how values are
 * written (numbers in decimal, booleans as true/false), with a string quoted
 * whenever any YAML reader could take it for something else, and kept
 * spellings (`spelling.ts`) written exactly as they were read.
 */
import { FAILSAFE_SCHEMA, Type } from 'js-yaml';
import { mightNotBeString, resolvePlain } from './resolve11';
import { representNumber } from './represent';
import { KeptSpelling } from './spelling';

const kindOf = (data: unknown): string => {
  if (typeof data !== 'string') return data === null ? 'null' : 'other';
  const v = resolvePlain(data);
  return v === null ? 'null' : typeof v;
};

const nullType = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: unknown) => data === null || kindOf(data) === 'null',
  construct: () => null,
  predicate: (value: unknown) => value === null,
  represent: () => 'null',
});

const boolType = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: unknown) => kindOf(data) === 'boolean',
  construct: (data: string) => resolvePlain(data),
  predicate: (value: unknown) => typeof value === 'boolean',
  represent: (value: object) => (value ? 'true' : 'false'),
});

const numberType = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: unknown) => kindOf(data) === 'number',
  construct: (data: string) => resolvePlain(data),
  predicate: (value: unknown) => typeof value === 'number',
  represent: (value: object) => representNumber(value as unknown as number),
});

const intTag = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && Number.isInteger(resolvePlain(data)),
  construct: (data: string) => resolvePlain(data),
});

/** `<<` merge keys, which go-yaml v2 applies. */
const mergeType = new Type('tag:yaml.org,2002:merge', {
  kind: 'scalar',
  resolve: (data: unknown) => data === '<<' || data === null,
});

export const LOAD_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [nullType, boolType, numberType, mergeType],
  explicit: [intTag],
});

/** Written verbatim: a spelling the source used for a value that has not changed. */
const keptType = new Type('tag:argoflow.io,2026:kept', {
  kind: 'scalar',
  resolve: () => false,
  instanceOf: KeptSpelling,
  represent: (value: object) => (value as KeptSpelling).text,
});

/** Never matches a value; its resolver makes the dumper quote ambiguous strings. */
const ambiguousType = new Type('tag:argoflow.io,2026:ambiguous', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && mightNotBeString(data),
});

export const DUMP_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [keptType, nullType, boolType, numberType, ambiguousType],
});
