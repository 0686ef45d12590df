// The headless entry, `argoflow lint|deps|fmt FILE`, run as a real child
// process over files generated into a temp dir, plus runCommand in-process
// where no process is needed. Exit codes: 0 valid, 1 invalid, 2 unreadable or
// wrong usage; every failure is a sentence, never a stack trace.
// The children run the CLI bundled once for the run (test/support/childProcess.ts),
// concurrently, each under a generous limit; one runs the tsx entry that
// `npm run argoflow` uses. A failed check on a child prints how it ended and
// all it printed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../src/cliCommands';
import { compile, openDocuments, type Pipeline } from '../src/core';
import {
  CLI_BUNDLE,
  explain,
  REPO_ROOT,
  runChild,
  runCli,
  type ChildRun,
} from './support/childProcess';
import { A_THEN_B, CONFIG_MAP, dagWorkflow, ECHO_TEMPLATE_FLOW } from './support/fixtures';
import { ARGO_DIR, hasShared, SKIP_REASON } from './support/sharedData';
import { TIMEOUT } from './support/timeouts';
import { scopeLayout } from '../src/core/model/scope';

const DIAMOND = join(ARGO_DIR, 'examples', 'dag-diamond.yaml');
const skipNote = hasShared ? '' : ` (skipped: ${SKIP_REASON})`;

// ---------------------------------------------------------------- fixtures

const VALID = dagWorkflow({ metadata: '  generateName: valid-', tasks: A_THEN_B });

// line 12: b depends on an unknown task; line 15: a names an unknown template
const INVALID = dagWorkflow({
  metadata: '  generateName: invalid-',
  tasks: `      - name: b
        depends: a && ghost
        template: echo
      - name: a
        template: ehco`,
});

// line 5 is indented one space too far
const MALFORMED = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: x
 spec: {}
`;

// `entrypoint` twice, the second on line 7
const DUPLICATE_KEYS = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: dup
spec:
  entrypoint: main
  entrypoint: other
  templates:
  - {name: main, container: {image: alpine}}
`;

//   a -> b -> c -> a
const CYCLIC = dagWorkflow({
  metadata: '  name: cyclic',
  tasks: `      - {name: a, template: echo, depends: c}
      - {name: b, template: echo, depends: a}
      - {name: c, template: echo, depends: b}`,
  templates: ECHO_TEMPLATE_FLOW,
});

/** Billion laughs: `levels` levels of 9 aliases, 9^levels values once expanded. */
function aliasBomb(levels = 9): string {
  const lines = ['l0: &l0 ["lol"]'];
  for (let i = 1; i <= levels; i++) {
    lines.push(`l${i}: &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** A syntactically fine 20 MiB workflow (one long comment block). */
function hugeFile(): string {
  const comment = `# ${'x'.repeat(125)}\n`; // 128 bytes
  return VALID + comment.repeat((20 * 1024 * 1024) / 128);
}

let dir = '';
const file = (name: string): string => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'argoflow-cli-'));
  const fixtures: Record<string, string> = {
    'valid.yaml': VALID,
    'invalid.yaml': INVALID,
    'malformed.yaml': MALFORMED,
    'duplicate-keys.yaml': DUPLICATE_KEYS,
    'configmap.yaml': CONFIG_MAP,
    'cyclic.yaml': CYCLIC,
    'bomb.yaml': aliasBomb(),
    'huge.yaml': hugeFile(),
  };
  for (const [name, text] of Object.entries(fixtures)) writeFileSync(file(name), text);
  mkdirSync(file('a-directory'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------- child process

const lines = (s: string): string[] => s.split('\n').filter((l) => l !== '');
const NO_STACK = /^\s+at /m;

const ENV = { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0' };

/** Runs `argoflow ...args` to its end: it must end by itself, and never print a stack trace. */
async function cli(...args: string[]): Promise<ChildRun> {
  const r = await runCli(args, { env: ENV });
  expect(r.timedOut, explain(r)).toBe(false);
  // Whatever the input, a failure is a sentence: never a stack trace.
  expect(r.stderr, explain(r)).not.toMatch(NO_STACK);
  return r;
}

/** Checks the exit status, showing how the child ended and what it printed if it differs. */
const exited = (r: ChildRun, status: number) => expect(r.status, explain(r)).toBe(status);

// Child processes, run concurrently: Node alone takes 5-15 s to start at load 20.
describe.concurrent('argoflow (child process)', { timeout: TIMEOUT.child }, () => {
  it('lint: a valid file exits 0 and says so on stderr', async () => {
    const r = await cli('lint', file('valid.yaml'));
    exited(r, 0);
    expect(r.stderr).toBe(`${file('valid.yaml')}: 1 workflow valid\n`);
    expect(r.stdout).toBe('');
  });

  it('the tsx entry `npm run argoflow` uses: lint of a valid file exits 0', async () => {
    const r = await runChild(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'lint', file('valid.yaml')],
      { cwd: REPO_ROOT, env: ENV },
    );
    exited(r, 0);
    expect(r.stderr).toBe(`${file('valid.yaml')}: 1 workflow valid\n`);
    expect(r.stdout).toBe('');
  });

  it('lint: an invalid DAG exits 1 with FILE:LINE:COL: error: lines', async () => {
    const f = file('invalid.yaml');
    const r = await cli('lint', f);
    exited(r, 1);
    expect(lines(r.stdout)).toEqual([
      `${f}:12:18: error: task b: templates.main.tasks.b dependency 'ghost' not defined`,
      `${f}:15:19: error: task a: templates.main.tasks.a template name 'ehco' undefined`,
    ]);
    expect(r.stderr).toBe(`${f}: 2 errors in 1 workflow\n`);
    for (const l of lines(r.stdout)) expect(l).toMatch(/^.+:\d+:\d+: error: /);
  });

  // The alias bomb and the 20 MB file are refused without being expanded or
  // read: the in-process tests below prove it without a clock (speed is
  // measured in bench/, never asserted here); the 20 MB file's message is the
  // CLI's own, from the file's size, not the core's from its text.
  it.each<[string, string, RegExp]>([
    // name, file, stderr pattern
    ['malformed YAML', 'malformed.yaml', /^FILE:5:2: error: bad indentation of a mapping entry$/],
    [
      'duplicate keys',
      'duplicate-keys.yaml',
      /^FILE:7:3: error: duplicated mapping key 'entrypoint'$/,
    ],
    ['a missing file', 'nope.yaml', /^FILE: error: no such file$/],
    [
      'a directory without YAML files',
      'a-directory',
      /^FILE: error: no YAML file \(\*\.yaml, \*\.yml\) in this directory$/,
    ],
    [
      'an alias bomb',
      'bomb.yaml',
      /^FILE: error: file expands to more than 1,000,000 values once its aliases are followed/,
    ],
    [
      'a 20 MB file',
      'huge.yaml',
      /^FILE: error: file is 20\.0 MiB; the editor reads at most 4 MiB/,
    ],
  ])('lint: %s exits 2 with one clear line', async (_label, name, pattern) => {
    const f = file(name);
    const r = await cli('lint', f);
    exited(r, 2);
    expect(r.stdout).toBe('');
    const err = lines(r.stderr);
    expect(err).toHaveLength(1);
    expect(err[0]!.replace(f, 'FILE')).toMatch(pattern);
  });

  it.each<[string, number, string[], RegExp]>([
    ['no arguments', 2, [], /^usage: argoflow <command> FILE/],
    ['a command without a file', 2, ['lint'], /^usage: argoflow <command> FILE/],
    [
      'an unknown output',
      2,
      ['lint', '--output', 'xml', 'VALID'],
      /^argoflow lint: --output takes text or json\n$/,
    ],
    [
      'an unknown option',
      2,
      ['lint', '--strict', 'VALID'],
      /^argoflow lint: unknown option --strict\n$/,
    ],
    [
      '--templates without a directory',
      2,
      ['lint', 'VALID', '--templates'],
      /^argoflow lint: --templates needs/,
    ],
    ['an unknown command', 2, ['bogus', 'VALID'], /^argoflow: unknown command 'bogus'/],
  ])('usage: %s exits %i with the reason on stderr', async (_label, status, args, pattern) => {
    const r = await cli(...args.map((a) => (a === 'VALID' ? file('valid.yaml') : a)));
    exited(r, status);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const r = await cli('--help');
    exited(r, 0);
    expect(r.stdout).toMatch(/^usage: argoflow <command> FILE\n/);
    expect(r.stderr).toBe('');
  });

  it.skipIf(!hasShared)(
    `deps: prints dag-diamond in topological order with levels${skipNote}`,
    async () => {
      const r = await cli('deps', DIAMOND);
      exited(r, 0);
      expect(r.stderr).toBe('');
      const rows = lines(r.stdout);
      expect(rows).toEqual([
        'A  level 0  <- -',
        'B  level 1  <- A',
        'C  level 1  <- A',
        'D  level 2  <- B, C',
      ]);
    },
  );

  it('deps: a cycle exits 1 and names it', async () => {
    const r = await cli('deps', file('cyclic.yaml'));
    exited(r, 1);
    expect(r.stderr).toBe('dependency cycle detected: a -> b -> c -> a\n');
  });

  const fmtRows: [string, () => string, boolean][] = [
    ['the generated valid file', () => file('valid.yaml'), false],
    [`dag-diamond${skipNote}`, () => DIAMOND, !hasShared],
  ];
  for (const [label, path, skip] of fmtRows) {
    it.skipIf(skip)(`fmt: ${label} re-opens to the same document`, async () => {
      const f = path();
      const r = await cli('fmt', f);
      exited(r, 0);
      expect(r.stderr).toBe('');
      expect(manifests(r.stdout)).toEqual(manifests(readFileSync(f, 'utf8')));
      // and formatting is idempotent
      const again = runIn('fmt', r.stdout);
      expect(again.out.join('\n')).toBe(r.stdout.trimEnd());
    });
  }
});

// Lists longer than a function call takes arguments: `Math.max(...levels)`
// and `out.push(...problems)` threw, and the CLI ended in "argoflow: internal
// error" (issue 8). In the CLI's main thread that takes some 120,000 items (a
// 3 MB file); the child runs with a smaller stack (V8's --stack-size, in kB)
// so that 40,000 reproduce it, and Vitest's workers, whose stacks are larger
// still, are not involved. A generous timeout: CI is loaded.
describe('argoflow on very wide documents (child process)', { timeout: TIMEOUT.child }, () => {
  const WIDE = 40_000;

  function cliSmallStack(command: string, text: string): Promise<ChildRun> {
    writeFileSync(file('wide.yaml'), text);
    return runChild(
      process.execPath,
      ['--stack-size=200', CLI_BUNDLE, command, file('wide.yaml')],
      {
        env: { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0' },
      },
    );
  }

  it(`deps: a task waiting on ${WIDE} tasks prints every task and exits 0`, async () => {
    const names = Array.from({ length: WIDE }, (_, i) => `t${i}`);
    const r = await cliSmallStack(
      'deps',
      dagWorkflow({
        metadata: '  name: wide',
        tasks: `      - {name: last, template: echo, dependencies: [${names.join(', ')}]}
${names.map((n) => `      - {name: ${n}}`).join('\n')}`,
      }),
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rows = lines(r.stdout);
    expect(rows).toHaveLength(WIDE + 1);
    expect(rows.at(-1)).toMatch(/^last +level 1 {2}<- t0, t1, /);
  });

  it(`lint reports each of ${WIDE} null arguments at its line and exits 1`, async () => {
    const r = await cliSmallStack(
      'lint',
      dagWorkflow({
        metadata: '  name: wide',
        tasks: `      - name: a
        template: echo
        arguments:
          parameters: [${new Array(WIDE).fill('null').join(', ')}]`,
      }),
    );
    expect(r.stderr).toBe(`${file('wide.yaml')}: ${WIDE} errors in 1 workflow\n`);
    expect(r.status).toBe(1);
    const rows = lines(r.stdout);
    expect(rows).toHaveLength(WIDE);
    expect(rows[0]).toMatch(
      /:14:\d+: error: task a: .*arguments\.parameters\[0\] must be a mapping, not null$/,
    );
  });
});

// ---------------------------------------------------------------- in process

/** The compiled manifests of every pipeline in `text`. */
function manifests(text: string): unknown[] {
  const opened = openDocuments(text);
  expect(opened.diagnostics).toEqual([]);
  return opened.documents
    .flatMap((d) => (d.pipeline ? [d.pipeline] : []))
    .map((p: Pipeline) => compile(p));
}

function runIn(command: string, text: string, name = 'wf.yaml') {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCommand(command, name, text, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}

describe('runCommand', () => {
  it.each<[string, string, number, string, string[], string[]]>([
    // command, label, exit code, text, stdout lines, stderr lines
    ['lint', 'valid', 0, VALID, [], ['wf.yaml: 1 workflow valid']],
    [
      'lint',
      'invalid',
      1,
      INVALID,
      [
        "wf.yaml:12:18: error: task b: templates.main.tasks.b dependency 'ghost' not defined",
        "wf.yaml:15:19: error: task a: templates.main.tasks.a template name 'ehco' undefined",
      ],
      ['wf.yaml: 2 errors in 1 workflow'],
    ],
    ['lint', 'two workflows', 0, `${VALID}---\n${VALID}`, [], ['wf.yaml: 2 workflows valid']],
    [
      'lint',
      'a workflow and a ConfigMap',
      0,
      `${VALID}---\n${CONFIG_MAP}`,
      ['wf.yaml:17:7: info: skipped: v1 ConfigMap is not an Argo workflow'],
      ['wf.yaml: 1 workflow valid'],
    ],
    [
      'lint',
      'warnings only',
      0,
      VALID.replace(/echo/g, 'Echo'),
      [
        "wf.yaml:13:11: warning: template name 'Echo' has upper-case letters; Argo 3.4+ puts template names in pod names, which must be lower case",
      ],
      ['wf.yaml: 1 workflow valid'],
    ],
    [
      'lint',
      'malformed',
      2,
      MALFORMED,
      [],
      ['wf.yaml:5:2: error: bad indentation of a mapping entry'],
    ],
    ['lint', 'empty', 2, '# nothing\n', [], ['wf.yaml: error: the file holds no YAML document']],
    ['deps', 'valid', 0, VALID, ['a  level 0  <- -', 'b  level 1  <- a'], []],
    [
      'deps',
      'a valid and a cyclic workflow',
      1,
      `${VALID}---\n${CYCLIC}`,
      ['# Workflow valid-', 'a  level 0  <- -', 'b  level 1  <- a', '# Workflow cyclic'],
      ['dependency cycle detected: a -> b -> c -> a'],
    ],
    [
      'bogus',
      'valid',
      2,
      VALID,
      [],
      ["argoflow: unknown command 'bogus' (expected lint, deps, fmt)"],
    ],
  ])('%s %s -> exit %i', (command, _label, code, text, out, err) => {
    const r = runIn(command, text);
    expect(r).toEqual({ code, out, err });
  });

  it('fmt writes every workflow back and keeps the ConfigMap beside them as written (issue 9), with the layout', () => {
    const layout = '{"a":[10,20],"b":[30,40]}';
    const withLayout = VALID.replace(
      '  generateName: valid-\n',
      `  generateName: valid-\n  annotations:\n    studio.argoflow.io/layout: '${layout}'\n`,
    );
    const r = runIn('fmt', `${withLayout}---\n${CONFIG_MAP}---\n${CYCLIC}`);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    const text = `${r.out.join('\n')}\n`;
    expect(text.split(/^---$/m)).toHaveLength(3);
    expect(text).toContain(`---\n${CONFIG_MAP}---\n`);
    const reopened = openDocuments(text).documents.map((d) => d.pipeline);
    expect(reopened.map((p) => p && { ...scopeLayout(p) })).toEqual([
      { a: { x: 10, y: 20 }, b: { x: 30, y: 40 } },
      undefined,
      {},
    ]);
    expect(manifests(text)).toEqual(manifests(`${withLayout}---\n${CYCLIC}`));
  });

  it('fmt keeps a value that ends in a line break (args: ["\\n"]) and octal modes', () => {
    const text = VALID.replace(
      'container: {image: alpine}',
      'container: {image: alpine, securityContext: {runAsUser: 0755}, args: ["a\\n\\n", "\\n"]}',
    );
    expect(text).not.toBe(VALID);
    const r = runIn('fmt', text);
    expect(r.code).toBe(0);
    const written = `${r.out.join('\n')}\n`;
    expect(written).toContain('runAsUser: 0755');
    expect(manifests(written)).toEqual(manifests(text));
  });
});

// Bounded by construction, not by a clock. A bomb of 9^12 values would take
// hours to walk, so only a count that stops at the values budget returns at
// all (a walk of all of it would end in the test's timeout, not in a pass).
// A 20 MiB text whose first line is not YAML is refused for its size, not for
// its syntax: the size is checked before anything parses it. Building 20 MiB
// texts and counting a million values takes seconds at load 20: a limit for it.
describe('runCommand on hostile input', { timeout: TIMEOUT.cpu }, () => {
  it.each<[string, () => string, string]>([
    ['an alias bomb of 9^12 values', () => aliasBomb(12), 'aliases are followed'],
    ['a 20 MiB text', hugeFile, 'the editor reads at most 4 MiB'],
    [
      'a 20 MiB text that is not YAML from its first line',
      () => `: [\n${hugeFile()}`,
      'the editor reads at most 4 MiB',
    ],
  ])('refuses %s without expanding or parsing it', (_label, make, message) => {
    const r = runIn('lint', make());
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain(message);
  });
});
