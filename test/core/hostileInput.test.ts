// Malformed manifests the fuzzer and real producers found (issue 8). Each one
// must give diagnostics that point at the line of the problem, or open and
// format back unchanged; nothing throws, no message says `undefined` or
// `[object Object]`. The `# <-` comment marks the line a diagnostic must
// point at.
import * as jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/cliCommands';
import {
  addTask,
  compile,
  createPipeline,
  exportDocument,
  openDocuments,
  validate,
  type Diagnostic,
} from '../../src/core';
import { locateDiagnostics } from '../../src/core/argo/locate';
import { scopeLayout } from '../../src/core/model/scope';
import { withScopeLayout } from '../../src/core/model/scope';

const FILE = 'wf.yaml';

/** Runs an argoflow command in-process; returns its exit code and output lines. */
function run(command: string, text: string): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCommand(command, FILE, text, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}

/** 1-based number of the line holding the `# <-` marker. */
const markedLine = (text: string): number =>
  text.split('\n').findIndex((l) => l.includes('# <-')) + 1;

/** Import and validation diagnostics of a one-document file, located as lint locates them. */
function diagnose(text: string): Diagnostic[] {
  const opened = openDocuments(text, FILE);
  expect(opened.diagnostics).toEqual([]);
  const [doc] = opened.documents;
  const found = doc!.pipeline ? validate(doc!.pipeline) : [];
  return [...doc!.diagnostics, ...locateDiagnostics(text, found, 0)];
}

const expectCleanMessages = (lines: readonly string[]): void => {
  // Argo's own wording, "template name 'x' undefined", is a sentence, not a leaked value.
  for (const l of lines)
    expect(l.replace(/template name '[^']*' undefined/g, '')).not.toMatch(
      /undefined|\[object Object\]|NaN|internal error/,
    );
};

/** `fmt` gives back the same document (compared as YAML data). */
function expectFmtUnchanged(text: string): void {
  const r = run('fmt', text);
  expect(r.err).toEqual([]);
  expect(r.code).toBe(0);
  // the process writes a newline after each line
  expect(jsYaml.load(r.out.map((l) => `${l}\n`).join(''))).toStrictEqual(jsYaml.load(text));
}

const UNNAMED_TEMPLATE = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: unnamed-
spec:
  entrypoint: main
  templates:
  - name: main
    container: {image: alpine}
  - container: {image: alpine} # <-
`;

describe('a template without a name', () => {
  it('lint reports it at its line and exits 1 (was: exit 2, internal error reading length)', () => {
    const r = run('lint', UNNAMED_TEMPLATE);
    expectCleanMessages([...r.out, ...r.err]);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      `${FILE}:${markedLine(UNNAMED_TEMPLATE)}:5: error: spec.templates[1].name is required`,
    ]);
  });

  it('fmt changes nothing (was: added dag: {tasks: []} beside its container)', () => {
    expectFmtUnchanged(UNNAMED_TEMPLATE);
  });
});

describe('meaning kept', () => {
  it.each([
    ['a newline', '["\\n"]'],
    ['trailing newlines', '["x\\n\\n\\n"]'],
    ['trailing spaces', '["x   "]'],
  ])('fmt keeps an argument that ends the file with %s', (_label, args) => {
    expectFmtUnchanged(`apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: x}
spec:
  entrypoint: main
  templates:
  - name: main
    container: {image: alpine, args: ${args}}
`);
  });
});

describe('long user text in messages', () => {
  it('a 100,000-character task name is clipped in every lint line', () => {
    const name = 'a'.repeat(100_000);
    const r = run('lint', dagOf(`      - {name: ${name}, template: echo}`));
    expect(r.code).toBe(1);
    expect(r.out.length).toBeGreaterThan(0);
    for (const line of r.out) expect(line.length).toBeLessThan(500);
  });
});

describe('deps over several documents', () => {
  it('heads each with its name, or its position when the name is not a string', () => {
    const doc = (metadata: string): string => `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: ${metadata}
spec:
  entrypoint: main
  templates:
  - name: main
    dag: {tasks: [{name: a, template: echo}]}
  - {name: echo, container: {image: alpine}}
`;
    const text = [doc('{name: {a: 1}}'), doc('{generateName: gen-}'), doc('{}')].join('---\n');
    const r = run('deps', text);
    expectCleanMessages([...r.out, ...r.err]);
    expect(r.out.filter((l) => l.startsWith('#'))).toEqual([
      '# Workflow (document 1)',
      '# Workflow gen-',
      '# Workflow (document 3)',
    ]);
  });
});

describe('documents missing a part', () => {
  it('fmt does not add metadata to a document without one', () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
spec:
  templates:
  - name: main
    container: {image: alpine}
`;
    expectFmtUnchanged(text);
    expect(compile(openDocuments(text).documents[0]!.pipeline!)).not.toHaveProperty('metadata');
  });

  it('a document without metadata, saved with positions, reopens without metadata', () => {
    let p = createPipeline({ name: 'x' });
    const echo = { name: 'echo', container: { image: 'alpine' } };
    ({ pipeline: p } = addTask(p, { name: 'a', template: echo, position: { x: 1, y: 2 } }));
    const { metadata: _dropped, ...doc } = compile(p);
    const opened = openDocuments(jsYaml.dump(doc)).documents[0]!.pipeline!;
    const saved = exportDocument(withScopeLayout(opened, { a: { x: 1, y: 2 } }));
    expect(jsYaml.load(saved)).toHaveProperty(['metadata', 'annotations']);
    const reopened = openDocuments(saved).documents[0]!.pipeline!;
    expect(scopeLayout(reopened)).toEqual({ a: { x: 1, y: 2 } });
    expect(compile(reopened)).not.toHaveProperty('metadata');
  });

  it('a document with metadata and no spec opens, says what is missing, and formats unchanged', () => {
    const text = `apiVersion: argoproj.io/v1alpha1 # <-
kind: Workflow
metadata:
  name: only-metadata
`;
    const opened = openDocuments(text, FILE);
    const [doc] = opened.documents;
    expect(doc!.pipeline).toBeDefined();
    expect(doc!.diagnostics).toEqual([
      expect.objectContaining({
        code: 'missing-spec',
        severity: 'error',
        message: 'the manifest has no spec: a Workflow needs spec.entrypoint and spec.templates',
        line: markedLine(text),
      }),
    ]);
    const r = run('lint', text);
    expectCleanMessages([...r.out, ...r.err]);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      `${FILE}:1:1: error: the manifest has no spec: a Workflow needs spec.entrypoint and spec.templates`,
    ]);
    expectFmtUnchanged(text);
  });

  it.each([
    ['no apiVersion', 'kind: Workflow\nspec: {}\n', 'apiVersion is missing, not argoproj.io/...'],
    ['a numeric kind', 'apiVersion: argoproj.io/v1alpha1\nkind: 5\nspec: {}\n', 'kind 5 is not'],
    ['a NaN apiVersion', 'apiVersion: .NaN\nkind: Workflow\nspec: {}\n', 'apiVersion is .nan, not'],
    [
      'a mapping as kind',
      'apiVersion: argoproj.io/v1alpha1\nkind: {a: 1}\nspec: {}\n',
      'kind (a mapping) is not',
    ],
    [
      'spec as a list',
      'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nspec: [1]\n',
      'spec must be a mapping, not a list',
    ],
  ])('%s: one clear located message', (_label, text, message) => {
    const r = run('lint', text);
    expectCleanMessages([...r.out, ...r.err]);
    // A document meant as an Argo workflow that Argo cannot decode: invalid, not unreadable.
    expect(r.code).toBe(1);
    const errors = r.out.filter((l) => l.includes(': error: '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^wf\.yaml:\d+:\d+: error: /);
    expect(errors[0]).toContain(message);
  });

  it('a list is not a manifest: lint passes over it with a note', () => {
    const r = run('lint', '# a list\n- a\n- b\n');
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      'wf.yaml:2:1: info: skipped: the document is not a mapping of keys to values',
    ]);
  });
});

/** A Workflow whose `main` DAG holds `tasks` (lines at task-list indent) and an `echo` template. */
const dagOf = (tasks: string, more = ''): string => `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: wf
spec:
  entrypoint: main
  templates:
  - name: main
    dag:
      tasks:
${tasks}
  - name: echo
    inputs: {parameters: [{name: msg, default: hi}]}
    container: {image: alpine}
${more}`;

// label, text with the `# <-` line, the code lint reports there
const MALFORMED: [string, string, string][] = [
  [
    'a null argument',
    dagOf(`      - name: a
        template: echo
        arguments:
          parameters:
          - null # <-`),
    'invalid-field',
  ],
  [
    'an empty `- ` under arguments.parameters (one keystroke)',
    dagOf(`      - name: a
        template: echo
        arguments:
          parameters:
          - # <-
          - {name: msg, value: x}`),
    'invalid-field',
  ],
  [
    'arguments.parameters as a mapping',
    dagOf(`      - name: a
        template: echo
        arguments:
          parameters: # <- (a mapping held by a field: at its key)
            msg: x`),
    'invalid-field',
  ],
  [
    'an argument without a name',
    dagOf(`      - name: a
        template: echo
        arguments:
          parameters:
          - value: "{{" # <-`),
    'missing-name',
  ],
  [
    'a numeric template name',
    dagOf(
      `      - {name: a, template: echo}`,
      `  - name: 42 # <-\n    container: {image: alpine}\n`,
    ),
    'invalid-field',
  ],
  [
    'a task without a name',
    dagOf(`      - {name: a, template: echo}
      - template: echo # <-`),
    'unnamed-task',
  ],
  [
    'a task with a null name',
    dagOf(`      - {name: a, template: echo}
      - {name: null, template: echo} # <-`),
    'unnamed-task',
  ],
  ['a null task', dagOf(`      - {name: a, template: echo}\n      - null # <-`), 'unnamed-task'],
  [
    'tasks as a mapping',
    dagOf(`        a: {template: echo}`).replace('      tasks:\n', '      tasks: # <-\n'),
    'invalid-tasks',
  ],
  [
    'a numeric depends',
    dagOf(`      - {name: a, template: echo}
      - {name: b, template: echo, depends: 5} # <-`),
    'invalid-field',
  ],
  [
    'dependencies as a string',
    dagOf(`      - {name: a, template: echo}
      - {name: b, template: echo, dependencies: a} # <-`),
    'invalid-field',
  ],
  [
    'a mapping as when',
    dagOf(`      - {name: a, template: echo, when: {x: 1}} # <-`),
    'invalid-field',
  ],
  ['a list as template', dagOf(`      - {name: a, template: [echo]} # <-`), 'invalid-field'],
  [
    'a null template',
    dagOf(`      - {name: a, template: echo}`, '  - null # <-\n'),
    'invalid-field',
  ],
  [
    'a mapping as entrypoint',
    dagOf(`      - {name: a, template: echo}`).replace(
      'entrypoint: main',
      'entrypoint: {main: 1} # <-',
    ),
    'invalid-field',
  ],
];

// Argo's validator reads only the task names of a `depends` expression, so it
// accepts this; our parser stops at 100 levels and warns, at the line.
const DEEP_DEPENDS = dagOf(`      - {name: a, template: echo}
      - name: b
        template: echo
        depends: "${'('.repeat(10_000)}a${')'.repeat(10_000)}" # <-`);

describe('depends nested 10,000 levels deep', () => {
  it('is a warning at its line, lints clean and formats back unchanged', () => {
    const found = diagnose(DEEP_DEPENDS);
    expectCleanMessages(found.map((d) => d.message));
    expect(found).toEqual([
      expect.objectContaining({
        code: 'invalid-depends',
        severity: 'warning',
        line: markedLine(DEEP_DEPENDS),
      }),
    ]);
    expect(run('lint', DEEP_DEPENDS).code).toBe(0);
    expectFmtUnchanged(DEEP_DEPENDS);
  });
});

describe('malformed parts are reported at their line, and formatted back unchanged', () => {
  it.each(MALFORMED)('%s', (_label, text, code) => {
    const found = diagnose(text);
    expectCleanMessages(found.map((d) => d.message));
    expect(found.filter((d) => d.line === undefined)).toEqual([]);
    expect(found).toContainEqual(expect.objectContaining({ code, line: markedLine(text) }));
    const r = run('lint', text);
    expectCleanMessages([...r.out, ...r.err]);
    expect(r.code).toBe(1);
    expectFmtUnchanged(text);
  });
});
