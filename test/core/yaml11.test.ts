// YAML as Kubernetes reads it. kubectl, `argo submit` and the Argo Server
// parse YAML with sigs.k8s.io/yaml (go-yaml v2, `resolve.go`): YAML 1.1
// scalars, so `0755` is 493 and `yes` is true. The editor must read what they
// read, write nothing they would read differently, and keep the user's
// spelling of a value it did not change. Checked against a second parser
// (test/support/kubernetesYaml.ts) as well as against the table below.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { exportDocument, openDocuments } from '../../src/core';
import { dumpYaml, loadYamlDocuments } from '../../src/core/argo/yamlText';
import { MAX_YAML_DEPTH } from '../../src/core/yaml/sourceIndex';
import { loadAllAsKubernetes } from '../support/kubernetesYaml';
import { argoExamplePath, hasShared, listArgoExamples, SKIP_REASON } from '../support/sharedData';
import { TIMEOUT } from '../support/timeouts';

// Property runs, every Argo example through two parsers and the nesting
// limits are CPU-bound: one overran Vitest's 5 s at load 13.
vi.setConfig({ testTimeout: TIMEOUT.cpu });

const readOne = (text: string): unknown => {
  const loaded = loadYamlDocuments(text);
  expect(loaded.diagnostics).toEqual([]);
  return loaded.value[0];
};
const readValue = (scalar: string): unknown => (readOne(`v: ${scalar}\n`) as { v: unknown }).v;

// What go-yaml v2 resolves each plain scalar to (resolve.go: resolveMapList,
// then ParseInt(base 0) with underscores removed, ParseUint, yamlStyleFloat).
const READS: [string, unknown][] = [
  ['0755', 493],
  ['0644', 420],
  ['-0755', -493],
  ['0', 0],
  ['08', 8], // not octal: go-yaml falls through to a float
  ['0x1F', 31],
  ['0X1f', 31],
  ['0b101', 5],
  ['0o17', 15], // Go's ParseInt(base 0) knows 0o
  ['1_000', 1000],
  ['+5', 5],
  ['1.0', 1],
  ['.5', 0.5],
  ['1e3', 1000],
  ['-1.5e-3', -0.0015],
  ['.inf', Infinity],
  ['-.Inf', -Infinity],
  ['yes', true],
  ['Yes', true],
  ['YES', true],
  ['y', true],
  ['Y', true],
  ['on', true],
  ['On', true],
  ['ON', true],
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['no', false],
  ['No', false],
  ['NO', false],
  ['n', false],
  ['off', false],
  ['OFF', false],
  ['false', false],
  ['False', false],
  ['~', null],
  ['null', null],
  ['Null', null],
  ['NULL', null],
  // Strings to go-yaml:
  ['yEs', 'yEs'],
  ['oN', 'oN'],
  ['1:20', '1:20'], // base 60 is not supported by go-yaml
  ['2024-01-01', '2024-01-01'], // timestamps stay strings in untyped maps
  ['0x', '0x'],
  ['1.2.3', '1.2.3'],
  ['.', '.'],
  ['"0755"', '0755'],
  ["'yes'", 'yes'],
  ['!!int 0755', 493],
];

describe('reading scalars as Kubernetes does', () => {
  it.each(READS)('%s', (scalar, expected) => {
    expect(readValue(scalar)).toStrictEqual(expected);
  });

  it('agrees with a second YAML 1.1 parser on every case it implements', () => {
    // The second parser lacks go-yaml's 0o form (YAML 1.2's) and upper-case 0X (Go's).
    const cases = READS.filter(([s]) => !/^0[oX]/.test(s));
    const text = cases.map(([s], i) => `k${i}: ${s}`).join('\n');
    const theirs = loadAllAsKubernetes(text)[0] as Record<string, unknown>;
    const ours = readOne(text) as Record<string, unknown>;
    cases.forEach(([s], i) => expect(ours[`k${i}`], s).toStrictEqual(theirs[`k${i}`]));
  });

  it('reads keys the same way (a key `n` is `false` to Kubernetes)', () => {
    expect(readOne('n: 1\nyes: 2\n"no": 3\n')).toStrictEqual({ false: 1, true: 2, no: 3 });
  });

  it.skipIf(!hasShared)(
    `reads every Argo example as the second parser does (${SKIP_REASON})`,
    () => {
      let compared = 0;
      for (const file of listArgoExamples()) {
        const text = readFileSync(argoExamplePath(file), 'utf8');
        let theirs: unknown[];
        try {
          theirs = loadAllAsKubernetes(text);
        } catch {
          continue; // the second parser is stricter about multi-line flow scalars
        }
        const ours = loadYamlDocuments(text);
        if (ours.diagnostics.length > 0) continue; // a duplicated key, refused by design
        expect(ours.value, file).toStrictEqual(theirs);
        compared++;
      }
      console.log(`yaml 1.1: ${compared} example files read the same by both parsers`);
      expect(compared).toBeGreaterThan(150);
    },
  );
});

describe('writing scalars no YAML reader takes for something else', () => {
  // Strings that YAML 1.1 or 1.2 readers resolve to other types.
  const TRICKY = [
    ...READS.map(([s]) => s).filter((s) => !/^["'!]/.test(s)),
    '',
    '<<',
    '=',
    '1:20:30',
    '190:20:30.15',
    '2001-12-14t21:59:43.10-05:00',
    '2001-12-14 21:59:43.10 -5',
    '1.e+21',
    '0o17',
    '+.inf',
    '- a',
    '# not a comment',
    'a: b',
  ];

  it.each(TRICKY)('keeps the string %j a string', (s) => {
    const text = dumpYaml({ v: s });
    expect((readOne(text) as { v: unknown }).v).toBe(s);
    expect((loadAllAsKubernetes(text)[0] as { v: unknown }).v).toBe(s);
  });

  it('quotes `yes` and `0755` strings but not ordinary words', () => {
    expect(dumpYaml({ a: 'yes', b: '0755', c: 'hello', d: 'on-exit' })).toBe(
      'a: "yes"\nb: "0755"\nc: hello\nd: on-exit\n',
    );
  });

  it('writes any string, number and boolean so both parsers read it back unchanged', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.constantFrom(...TRICKY),
      fc.stringMatching(/^[-+.0-9_:xobeEyYnNoO~]{1,8}$/),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(scalar, { maxLength: 8 }), (values) => {
        const text = dumpYaml({ values });
        expect((readOne(text) as { values: unknown }).values).toStrictEqual(values);
        expect((loadAllAsKubernetes(text)[0] as { values: unknown }).values).toStrictEqual(values);
      }),
      { numRuns: 300 },
    );
  });
});

describe('keeping the spelling of values the editor did not change', () => {
  const WF = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: modes
spec:
  entrypoint: main
  templates:
    - name: main
      inputs:
        artifacts:
          - name: tool
            path: /bin/tool
            mode: 0755
            optional: yes
      container:
        image: alpine
        tty: ~
        args: ["\\n"]
`;

  it('writes `mode: 0755` and `optional: yes` back as they were', () => {
    const p = openDocuments(WF, 'wf.yaml').documents[0]!.pipeline!;
    const out = exportDocument(p);
    expect(out).toContain('mode: 0755\n');
    expect(out).toContain('optional: yes\n');
    expect(out).toContain('tty: ~\n');
    expect(readOne(out)).toStrictEqual(readOne(WF));
  });

  it('writes the canonical form once the value changes', () => {
    const doc = readOne(WF) as { spec: { templates: { inputs: { artifacts: object[] } }[] } };
    const artifact = doc.spec.templates[0]!.inputs.artifacts[0]!;
    const changed = { ...artifact, mode: 420 };
    expect(dumpYaml(changed)).toContain('mode: 420\n');
    expect(dumpYaml(artifact)).toContain('mode: 0755\n');
  });

  it.skipIf(!hasShared)(`keeps 0755 in Argo's arguments-artifacts.yaml (${SKIP_REASON})`, () => {
    const text = readFileSync(argoExamplePath('arguments-artifacts.yaml'), 'utf8');
    expect(text).toContain('mode: 0755');
    const p = openDocuments(text).documents[0]!.pipeline!;
    expect(exportDocument(p)).toContain('mode: 0755');
  });
});

describe('nesting limit', () => {
  it(`reads ${MAX_YAML_DEPTH - 2} levels and refuses deeper ones with the line`, () => {
    const ok = `${'['.repeat(MAX_YAML_DEPTH - 2)}${']'.repeat(MAX_YAML_DEPTH - 2)}`;
    expect(loadYamlDocuments(ok).diagnostics).toEqual([]);
    const deep = `a: 1\nb: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const { diagnostics } = loadYamlDocuments(deep, 'deep.yaml');
    expect(diagnostics).toMatchObject([
      { code: 'too-deep', line: 2, source: 'deep.yaml', severity: 'error' },
    ]);
  });

  it('refuses deep block nesting too, without overflowing the stack', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect(loadYamlDocuments(lines).diagnostics[0]?.code).toBe('too-deep');
  });
});

describe('positions from the one parse', () => {
  /** Every path of a `yaml` document with where the editor points for it. */
  function positions(
    node: Node | null,
    lc: LineCounter,
    path: string[] = [],
    out: [string[], { line: number; col: number }][] = [],
    root = true,
  ) {
    if (root && node?.range) out.push([path, lc.linePos(node.range[0])]);
    if (!node || node.anchor || node.tag) return out;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key) || pair.key.value === '<<') continue;
        const at = [...path, String(pair.key.value)];
        const value = pair.value as Node | null;
        // A scalar at its value; a mapping or list (or nothing) at its key.
        const where =
          isScalar(value) && value.range && value.range[1] > value.range[0]
            ? value.range
            : pair.key.range;
        if (where && !value?.anchor && !value?.tag) out.push([at, lc.linePos(where[0])]);
        positions(pair.value as Node, lc, at, out, false);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const at = [...path, String(i)];
        const range = (item as Node | null)?.range;
        if (range) out.push([at, lc.linePos(range[0])]);
        positions(item as Node, lc, at, out, false);
      });
    }
    return out;
  }

  it.skipIf(!hasShared)(
    `matches the yaml package's positions on every Argo example (${SKIP_REASON})`,
    () => {
      let checked = 0;
      for (const file of listArgoExamples()) {
        const text = readFileSync(argoExamplePath(file), 'utf8');
        const loaded = loadYamlDocuments(text);
        if (!loaded.index) continue;
        const lc = new LineCounter();
        const docs = parseAllDocuments(text, { lineCounter: lc, version: '1.1' });
        if (!Array.isArray(docs)) continue;
        const nonEmpty = docs.filter((d) => d.contents !== null);
        // The yaml package is stricter about multi-line flow scalars: skip files it cannot read.
        if (nonEmpty.some((d) => d.errors.length > 0)) continue;
        nonEmpty.forEach((doc, i) => {
          for (const [path, at] of positions(doc.contents as Node, lc)) {
            const ours = loaded.index!.locate(i, path);
            expect({ file, path, line: ours?.line, col: ours?.column }).toEqual({
              file,
              path,
              line: at.line,
              col: at.col,
            });
            checked++;
          }
        });
      }
      console.log(`positions: ${checked} values located as the yaml package locates them`);
      expect(checked).toBeGreaterThan(10_000);
    },
  );
});
