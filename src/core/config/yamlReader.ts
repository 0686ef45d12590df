/**
 * Typed reads from a `yaml` document tree that remember where each value came
 * from. Every read either returns the value or records a diagnostic with the
 * field path and 1-based line/column, and returns undefined; callers compare
 * `errors` before and after reading an entry to decide whether to keep it.
 */
import { isMap, isScalar, isSeq, type LineCounter, type Node, type YAMLMap } from 'yaml';
import { error, warning, type Diagnostic } from '../diagnostics';
import { closestKey } from './suggest';
import { describe, label, type Field, type Path, type YNode } from './yamlNodes';

/** The keys a mapping may have, and how to explain the ones it may not. */
export interface KeySpec {
  /** Keys accepted here. */
  allowed: readonly string[];
  /** Words for the mapping in messages, e.g. `a container entry`. */
  what: string;
  /** Keys valid in a sibling kind of entry: reported as "does not apply" rather than unknown. */
  elsewhere?: readonly string[];
  /** Keys of the other config form, with the hint to give when one of them is used. */
  otherForm?: { keys: readonly string[]; hint: string };
}

export class Reader {
  readonly diagnostics: Diagnostic[] = [];
  /** Number of error diagnostics so far. */
  errors = 0;

  constructor(
    private readonly lineCounter: LineCounter,
    readonly source: string,
  ) {}

  /** Location of a diagnostic about `node`, or about the text at `offset`. */
  at(node: YNode, path: Path, offset?: number): Partial<Diagnostic> {
    const where: Partial<Diagnostic> = { source: this.source, path };
    const start = node?.range?.[0] ?? offset;
    if (start !== undefined) {
      const { line, col } = this.lineCounter.linePos(start);
      where.line = Math.max(line, 1);
      where.column = Math.max(col, 1);
    }
    return where;
  }

  error(code: string, message: string, f: Field | undefined, offset?: number): void {
    this.diagnostics.push(error(code, message, this.at(f?.value ?? f?.key, f?.path ?? [], offset)));
    this.errors++;
  }

  warn(code: string, message: string, f: Field | undefined, offset?: number): void {
    this.diagnostics.push(
      warning(code, message, this.at(f?.value ?? f?.key, f?.path ?? [], offset)),
    );
  }

  /**
   * The keys of `map` allowed by `spec` (all of them without one); reports
   * others, with a suggestion, and keys that are not strings.
   */
  fields(map: YAMLMap, path: Path, spec?: KeySpec): Map<string, Field> {
    const out = new Map<string, Field>();
    const seen = new Set<string>();
    for (const pair of map.items) {
      const keyNode = pair.key as YNode;
      if (!isScalar(keyNode) || typeof keyNode.value !== 'string') {
        this.error('wrong-type', 'keys must be plain strings', { value: keyNode, path });
        continue;
      }
      const key = keyNode.value;
      const field: Field = { value: pair.value as YNode, key: keyNode, path: [...path, key] };
      // A repeated key was already reported by the parser (uniqueKeys): read the first only.
      if (seen.has(key)) continue;
      seen.add(key);
      if (!spec || spec.allowed.includes(key)) out.set(key, field);
      else this.unknownKey(key, keyNode, field.path, spec);
    }
    return out;
  }

  private unknownKey(key: string, keyNode: Node, path: Path, spec: KeySpec): void {
    let message: string;
    const suggestion = closestKey(key, spec.allowed);
    if (spec.elsewhere?.includes(key)) message = `\`${key}\` does not apply to ${spec.what}`;
    else if (suggestion !== undefined) {
      message = `unknown key \`${key}\` in ${spec.what}; did you mean \`${suggestion}\`?`;
    } else if (spec.otherForm && closestKey(key, spec.otherForm.keys) !== undefined) {
      message = `unknown key \`${key}\` in ${spec.what}; ${spec.otherForm.hint}`;
    } else {
      message = `unknown key \`${key}\` in ${spec.what}; expected one of ${spec.allowed.join(', ')}`;
    }
    this.error('unknown-key', message, { value: keyNode, path });
  }

  /** A string scalar. */
  string(f: Field | undefined): string | undefined {
    if (!f) return undefined;
    if (isScalar(f.value) && typeof f.value.value === 'string') return f.value.value;
    this.wrongType(f, 'a string');
    return undefined;
  }

  /** Any non-null scalar as written (`8080`, `3.50`, `true` keep their text): Kubernetes wants strings. */
  text(f: Field | undefined): string | undefined {
    if (!f) return undefined;
    const v = f.value;
    if (isScalar(v) && v.value !== null && typeof v.value !== 'object') {
      return typeof v.value === 'string' ? v.value : (v.source ?? String(v.value));
    }
    this.wrongType(f, 'a string');
    return undefined;
  }

  boolean(f: Field | undefined): boolean | undefined {
    if (!f) return undefined;
    if (isScalar(f.value) && typeof f.value.value === 'boolean') return f.value.value;
    this.wrongType(f, 'true or false');
    return undefined;
  }

  integer(f: Field | undefined): number | undefined {
    if (!f) return undefined;
    if (isScalar(f.value) && Number.isInteger(f.value.value)) return f.value.value as number;
    this.wrongType(f, 'an integer');
    return undefined;
  }

  /** A string from a fixed set, e.g. `mode: cluster | client`. */
  oneOf<T extends string>(f: Field | undefined, allowed: readonly T[]): T | undefined {
    const s = this.string(f);
    if (s === undefined || !f) return undefined;
    if ((allowed as readonly string[]).includes(s)) return s as T;
    const hint = closestKey(s, allowed);
    this.error(
      'invalid-value',
      `\`${label(f.path)}\` must be one of ${allowed.join(', ')}, not \`${s}\`${hint ? `; did you mean \`${hint}\`?` : ''}`,
      f,
    );
    return undefined;
  }

  /** A mapping node. */
  map(f: Field | undefined): YAMLMap | undefined {
    if (!f) return undefined;
    if (isMap(f.value)) return f.value;
    this.wrongType(f, 'a mapping');
    return undefined;
  }

  /** The items of a list, each as a field with its index in the path. */
  list(f: Field | undefined, expected = 'a list'): Field[] | undefined {
    if (!f) return undefined;
    if (!isSeq(f.value)) {
      this.wrongType(f, expected);
      return undefined;
    }
    return f.value.items.map((item, i) => ({ value: item as YNode, path: [...f.path, i] }));
  }

  /** A list of scalars, as strings (`command`, `args`, `enum`). */
  stringList(f: Field | undefined): string[] | undefined {
    const items = this.list(f, 'a list of strings');
    if (!items) return undefined;
    const before = this.errors;
    const out = items.map((item) => this.text(item) ?? '');
    return this.errors === before ? out : undefined;
  }

  /** Reports that `f` is not what was `expected` (e.g. `a list of strings`). */
  wrongType(f: Field, expected: string): void {
    const v = f.value;
    // `name: 2024` or `image: true`: YAML read a number or boolean where text was meant.
    const scalarNotText = isScalar(v) && v.value !== null && typeof v.value !== 'string';
    const quote = scalarNotText && expected.includes('string') ? ' (quote it)' : '';
    this.error(
      'wrong-type',
      `\`${label(f.path)}\` must be ${expected}, not ${describe(v)}${quote}`,
      f,
    );
  }
}
