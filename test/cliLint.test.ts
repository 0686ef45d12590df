// `argoflow lint PATH...`: files and directories (recursing into *.yaml and
// *.yml, passing over hidden directories and node_modules), WorkflowTemplates
// listed together or under --templates resolving templateRefs, notes for
// documents of other kinds, --output json, exit 0 / 1 / 2. Mostly in process
// (runLint over a temp directory); the shipped bundle (dist-cli's build, all
// dependencies inside) and the test bundle run as child processes once.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../scripts/cliBuild.mjs';
import { parseLintArgs, runLint } from '../src/cliLint';
import { explain, runChild, runCli } from './support/childProcess';
import { CONFIG_MAP, dagWorkflow } from './support/fixtures';
import { TIMEOUT } from './support/timeouts';

const LIBRARY = `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata:
  name: lib
spec:
  templates:
  - name: say
    inputs: {parameters: [{name: message}]}
    container: {image: alpine, args: ["{{inputs.parameters.message}}"]}
`;

/** Calls lib.say; `message` passed or not. */
const caller = (passed: boolean) =>
  dagWorkflow({
    metadata: '  generateName: caller-',
    tasks: `      - name: a
        templateRef: {name: lib, template: say}${passed ? '\n        arguments: {parameters: [{name: message, value: hi}]}' : ''}`,
    templates: '',
  });

let dir = '';
const path = (...parts: string[]) => join(dir, ...parts);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'argoflow-lint-'));
  for (const d of ['flows/nested', 'flows/.hidden', 'flows/node_modules/x', 'templates', 'empty'])
    mkdirSync(path(d), { recursive: true });
  writeFileSync(path('flows', 'good.yaml'), caller(true));
  writeFileSync(path('flows', 'nested', 'bad.yml'), caller(false));
  writeFileSync(path('flows', 'nested', 'configmap.yaml'), CONFIG_MAP);
  writeFileSync(path('flows', 'nested', 'notes.txt'), 'not YAML: skipped');
  writeFileSync(path('flows', 'nested', 'blank.yaml'), '# only a comment\n');
  writeFileSync(path('flows', '.hidden', 'broken.yaml'), ': [');
  writeFileSync(path('flows', 'node_modules', 'x', 'broken.yaml'), ': [');
  writeFileSync(path('templates', 'lib.yaml'), LIBRARY);
  writeFileSync(path('broken.yaml'), 'a: [');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function lint(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const parsed = parseLintArgs(args);
  if (typeof parsed === 'string') throw new Error(parsed);
  const code = runLint(parsed, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('argoflow lint (in process)', () => {
  it('walks a directory: YAML files only, not hidden directories or node_modules', () => {
    const r = lint(path('flows'), '--templates', path('templates'));
    expect(r.out).toEqual([
      `${path('flows', 'nested', 'bad.yml')}:11:9: error: task a: templates.main.tasks.a template reference lib.say inputs.parameters.message was not supplied`,
      `${path('flows', 'nested', 'blank.yaml')}: info: skipped: the file holds no YAML document`,
      `${path('flows', 'nested', 'configmap.yaml')}:2:7: info: skipped: v1 ConfigMap is not an Argo workflow`,
    ]);
    expect(r.err).toEqual(['4 files: 1 error in 2 workflows']);
    expect(r.code).toBe(1);
  });

  it('files listed together resolve each other; without the templates, a note', () => {
    const together = lint(path('flows', 'good.yaml'), path('templates', 'lib.yaml'));
    expect(together).toEqual({ code: 0, out: [], err: ['2 files: 2 workflows valid'] });
    const alone = lint(path('flows', 'nested', 'bad.yml'));
    expect(alone.code).toBe(0);
    expect(alone.out).toEqual([
      expect.stringMatching(
        /:12:9: info: 1 reference to WorkflowTemplates could not be checked \(lib\.say\)/,
      ),
    ]);
  });

  it('a file that cannot be read makes it 2, after linting the rest', () => {
    const r = lint(path('flows', 'good.yaml'), path('broken.yaml'), path('missing.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toEqual([
      `${path('broken.yaml')}:2:1: error: unexpected end of the stream within a flow collection`,
      `${path('missing.yaml')}: error: no such file`,
      '3 files: 2 errors in 1 workflow',
    ]);
  });

  it('--output json: one document with every diagnostic and a summary', () => {
    const r = lint('--output', 'json', path('flows'), '--templates', path('templates'));
    expect(r.code).toBe(1);
    expect(r.err).toEqual([]);
    expect(r.out).toHaveLength(1);
    const json = JSON.parse(r.out[0]!);
    expect(json.summary).toEqual({
      files: 4,
      workflows: 2,
      errors: 1,
      warnings: 0,
      notes: 2,
      exitCode: 1,
    });
    const bad = json.files.find((f: { file: string }) => f.file.endsWith('bad.yml'));
    expect(bad.diagnostics).toEqual([
      {
        code: 'missing-input',
        severity: 'error',
        message:
          'templates.main.tasks.a template reference lib.say inputs.parameters.message was not supplied',
        path: ['spec', 'templates', 0, 'dag', 'tasks', 0],
        template: 'main',
        task: 'a',
        line: 11,
        column: 9,
      },
    ]);
  });

  it('--mode submit asks for workflow argument values', () => {
    const text = dagWorkflow({
      metadata: '  name: wf',
      tasks: '      - {name: a, template: echo}',
    }).replace(
      '  entrypoint: main\n',
      '  entrypoint: main\n  arguments: {parameters: [{name: day}]}\n',
    );
    writeFileSync(path('args.yaml'), text);
    expect(lint(path('args.yaml')).code).toBe(0);
    const submit = lint('--mode', 'submit', path('args.yaml'));
    expect(submit.code).toBe(1);
    expect(submit.out[0]).toContain(
      'spec.arguments.day.value or spec.arguments.day.valueFrom is required',
    );
  });

  it.each([
    [[], 'lint needs at least one file or directory'],
    [['--output', 'yaml', 'x'], '--output takes text or json'],
    [['--mode', 'strict', 'x'], '--mode takes lint or submit'],
    [['--frobnicate', 'x'], 'unknown option --frobnicate'],
  ])('usage: %j', (args, message) => {
    expect(parseLintArgs(args)).toBe(message);
  });

  it('a directory with no YAML file is an error', () => {
    expect(lint(path('empty'))).toEqual({
      code: 2,
      out: [],
      err: [`${path('empty')}: error: no YAML file (*.yaml, *.yml) in this directory`],
    });
  });
});

describe('argoflow lint (child process)', { timeout: TIMEOUT.child }, () => {
  it('the shipped bundle, every dependency inside, lints a directory', async () => {
    const outfile = path('bin', 'argoflow.mjs');
    await buildCli({ outfile });
    const r = await runChild(process.execPath, [
      outfile,
      'lint',
      path('flows'),
      '--templates',
      path('templates'),
    ]);
    expect(r.status, explain(r)).toBe(1);
    expect(r.stdout).toContain('inputs.parameters.message was not supplied');
    expect(r.stderr).toBe('4 files: 1 error in 2 workflows\n');
  });

  it('--output json from the test bundle', async () => {
    const r = await runCli([
      'lint',
      '--output=json',
      path('flows', 'good.yaml'),
      path('templates'),
    ]);
    expect(r.status, explain(r)).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ files: 2, errors: 0, exitCode: 0 });
  });
});
