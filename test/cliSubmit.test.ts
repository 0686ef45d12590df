// `argoflow submit FILE --server URL --namespace NS [--watch]` run as a real
// child process (node --import tsx src/cli.ts, as `npx tsx` does) against the
// Argo Server TEST DOUBLE started in this test process on a free port. The
// child is spawned asynchronously: a spawnSync would block the event loop
// that serves the double. The token comes only from ARGO_TOKEN and must never
// be printed. Exit codes: 0 created (and, with --watch, succeeded); 1 invalid,
// refused or the run failed; 2 wrong command line or unreadable file.
// The child processes run concurrently, each test in its own namespace, so
// the requests the double records can be told apart. They run the CLI bundled
// once for the run (test/support/childProcess.ts) under a generous limit; a
// failed check on one prints how it ended and all it printed. A --watch test
// pauses its namespace in the double until the child's watch is there, so the
// child sees every phase however long it takes to start.
//
//   chain.yaml:  a --> b --> c          failing.yaml:  a --> boom
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseSubmitArgs, runSubmit } from '../src/cliSubmit';
import { startArgoServerDouble, type ArgoServerDouble } from './support/argoServerDouble';
import { explain, runCli, type ChildRun } from './support/childProcess';
import { closedPort } from './support/doubleFixture';
import { dagWorkflow } from './support/fixtures';
import { TIMEOUT, WAIT_MS } from './support/timeouts';

const TOKEN = 'cli-secret-token-4711';
const NO_STACK = /^\s+at /m;

let argo: ArgoServerDouble;
let dir: string;

const workflow = (generateName: string, tasks: string) =>
  dagWorkflow({
    metadata: `  generateName: ${generateName}`,
    tasks,
    templates: `  - name: echo
    container: {image: alpine:3.20, command: [echo, hi]}`,
  });

const FILES: Record<string, string> = {
  'chain.yaml': workflow(
    'chain-',
    `      - {name: a, template: echo}
      - {name: b, template: echo, depends: a}
      - {name: c, template: echo, depends: b}`,
  ),
  'failing.yaml': workflow(
    'failing-',
    `      - {name: a, template: echo}
      - {name: boom, template: echo, depends: a}`,
  ),
  // line 11: b names a template that does not exist
  'invalid.yaml': workflow(
    'invalid-',
    `      - {name: a, template: echo}
      - {name: b, template: ehco, depends: a}`,
  ),
  'template.yaml': dagWorkflow({
    kind: 'WorkflowTemplate',
    metadata: '  name: cli-template',
    tasks: '      - {name: a, template: echo}',
    templates: `  - name: echo
    container: {image: alpine:3.20}`,
  }),
};

const file = (name: string) => join(dir, name);

beforeAll(async () => {
  argo = await startArgoServerDouble({
    stepMs: 20,
    token: TOKEN,
    failTasks: ['boom'],
    namespaces: NAMESPACES,
  });
  dir = mkdtempSync(join(tmpdir(), 'argoflow-submit-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(file(name), text);
}, TIMEOUT.run); // starting the double loads the schema validators: seconds at load 20
afterAll(async () => {
  await argo.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs `argoflow ...args` with ARGO_TOKEN = `token` (unset when null) to its
 * end: it must end by itself, and never print a stack trace. With `watchIn`,
 * that namespace of the double is paused until the child's watch request has
 * come, so its run starts only once it is watched.
 */
async function cli(
  args: string[],
  token: string | null = TOKEN,
  watchIn?: string,
): Promise<ChildRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0' };
  delete env.ARGO_TOKEN;
  delete env.ARGO_INSECURE;
  if (token !== null) env.ARGO_TOKEN = token;
  if (watchIn) argo.pause(watchIn);
  const running = runCli(args, { env });
  if (watchIn) {
    const watching = () =>
      heard(watchIn).some((q) => q.path.startsWith('/api/v1/workflow-events/'));
    await vi.waitFor(() => expect(watching()).toBe(true), { timeout: WAIT_MS, interval: 20 });
    argo.resume(watchIn);
  }
  const r = await running;
  expect(r.timedOut, explain(r)).toBe(false);
  // Whatever happens, a failure is a sentence: never a stack trace.
  expect(r.stderr, explain(r)).not.toMatch(NO_STACK);
  return r;
}

/** Checks the exit status, showing how the child ended and what it printed if it differs. */
const exited = (r: ChildRun, status: number) => expect(r.status, explain(r)).toBe(status);

/** Namespaces the token may use: one per test. */
const NAMESPACES = [
  'ok',
  'fails',
  'wrong-token',
  'no-token',
  'flag',
  'invalid',
  'tmpl',
  'two',
  'params',
];
const submit = (ns: string, name: string, ...more: string[]) => [
  'submit',
  file(name),
  '--server',
  argo.url,
  '--namespace',
  ns,
  ...more,
];
/** What the double heard in namespace `ns`. */
const heard = (ns: string) => argo.requests.filter((r) => r.path.split('/').includes(ns));
const lines = (s: string) => s.split('\n').filter((l) => l !== '');

// Child processes: Node alone takes 5-15 s to start at load 20.
describe.concurrent('argoflow submit (child process)', { timeout: TIMEOUT.child }, () => {
  it('--watch: prints the created name and the phase changes, exit 0 on success', async () => {
    const r = await cli(submit('ok', 'chain.yaml', '--watch'), TOKEN, 'ok');
    exited(r, 0);
    const [name, ...rest] = lines(r.stdout);
    expect(name).toMatch(/^chain-[a-z0-9]{5}$/);
    expect(rest).toEqual([]);
    expect(argo.workflows.get(`ok/${name}`)?.status.phase).toBe('Succeeded');
    const phases = lines(r.stderr);
    expect(phases.at(-1)).toBe('Succeeded 3/3');
    expect(phases.some((l) => l.startsWith('Running'))).toBe(true);
    // only changes: no line repeats the one before it
    expect(phases.every((l, i) => l !== phases[i - 1])).toBe(true);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
    const requests = heard('ok');
    expect(requests.map((q) => `${q.method} ${q.path}`).slice(0, 3)).toEqual([
      'POST /api/v1/workflows/ok/lint',
      'POST /api/v1/workflows/ok',
      'GET /api/v1/workflow-events/ok',
    ]);
    expect(requests.every((q) => q.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(requests.every((q) => !q.query.includes(TOKEN))).toBe(true);
  });

  it('--watch: a failing task makes it exit 1 with the failure', async () => {
    const r = await cli(submit('fails', 'failing.yaml', '--watch'), TOKEN, 'fails');
    exited(r, 1);
    expect(lines(r.stdout)[0]).toMatch(/^failing-/);
    expect(lines(r.stderr).at(-1)).toMatch(/^Failed 2\/2: child '.+' failed$/);
  });

  it('a wrong token: exit 1, the 401 explanation on stderr, the token printed nowhere', async () => {
    const wrong = 'wrong-token-0815';
    const r = await cli(submit('wrong-token', 'chain.yaml', '--watch'), wrong);
    exited(r, 1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('The Argo Server rejected the token (401)');
    expect(r.stderr).toContain('argo auth token');
    expect(r.stdout + r.stderr).not.toContain(wrong);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
    expect(heard('wrong-token').map((q) => q.path)).toEqual(['/api/v1/workflows/wrong-token/lint']);
  });

  it('--token is refused with exit 2: tokens come only from ARGO_TOKEN', async () => {
    const r = await cli([...submit('flag', 'chain.yaml'), '--token', 'flag-secret-42']);
    exited(r, 2);
    expect(r.stderr).toContain('ARGO_TOKEN');
    expect(r.stdout + r.stderr).not.toContain('flag-secret-42');
    expect(heard('flag')).toEqual([]);
  });

  it('an unreachable server: exit 1, no browser or CORS advice', async () => {
    const server = `http://127.0.0.1:${await closedPort()}`;
    const r = await cli(['submit', file('chain.yaml'), '--server', server, '--watch']);
    exited(r, 1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Could not reach the Argo Server at ${server}`);
    expect(r.stderr).not.toMatch(/CORS|proxy|browser|14099/i);
  });

  it('an invalid file: exit 1 with FILE:LINE:COL problems, and no request', async () => {
    const r = await cli(submit('invalid', 'invalid.yaml'));
    exited(r, 1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^${file('invalid.yaml')}:\\d+:\\d+: .*ehco`, 'm'));
    expect(heard('invalid')).toEqual([]);
  });
});

// The same command in-process (runSubmit with captured output), for the cases
// that need no process of their own.
describe('runSubmit (in-process)', () => {
  async function run(ns: string, name: string, token: string | null = TOKEN, watch = false) {
    const out: string[] = [];
    const err: string[] = [];
    const args = { file: file(name), server: argo.url, namespace: ns, watch };
    const code = await runSubmit(
      args,
      FILES[name]!,
      { out: (l) => out.push(l), err: (l) => err.push(l) },
      (url, init) => fetch(url, init),
      token ?? undefined,
    );
    return { code, out, err };
  }

  it('no ARGO_TOKEN at all: exit 1 with the 401 explanation', async () => {
    const r = await run('no-token', 'chain.yaml', null);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toContain('rejected the token (401)');
    expect(heard('no-token')).toHaveLength(1);
    expect(heard('no-token')[0]?.authorization).toBeUndefined();
  });

  it('a namespace the token may not use: exit 1 naming the namespace', async () => {
    const r = await run('other', 'chain.yaml');
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toContain('no rights in namespace "other" (403)');
  });

  it('a WorkflowTemplate: prints its name, exit 0 even with --watch; again: it exists', async () => {
    const first = await run('tmpl', 'template.yaml', TOKEN, true);
    expect(first).toEqual({ code: 0, out: ['cli-template'], err: [] });
    const second = await run('tmpl', 'template.yaml');
    expect(second.code).toBe(1);
    expect(second.err).toEqual(['argoflow: WorkflowTemplate cli-template already exists in tmpl']);
  });

  it('without --namespace: the namespace written in the file, else argo', async () => {
    const io = { out: () => {}, err: () => {} };
    const args = { file: 'in-file.yaml', server: argo.url, watch: false };
    const withNs = FILES['template.yaml']!.replace(
      'name: cli-template',
      'name: t2\n  namespace: ok',
    );
    expect(await runSubmit(args, withNs, io, fetch, TOKEN)).toBe(0);
    expect(argo.workflowTemplates.has('ok/t2')).toBe(true);
    const without = FILES['template.yaml']!.replace('name: cli-template', 'name: t3');
    await runSubmit(args, without, io, fetch, TOKEN); // 'argo' is not allowed in this double
    expect(heard('argo').map((r) => r.path)).toEqual(['/api/v1/workflow-templates/argo/lint']);
  });

  it('-p, --entrypoint and labels reach the submitted workflow; the file does not change', async () => {
    const text = FILES['chain.yaml']!.replace(
      'spec:\n',
      'spec:\n  arguments:\n    parameters:\n      - {name: msg, value: hi}\n      - {name: env, value: dev, enum: [dev, prod]}\n',
    );
    const before = text;
    const err: string[] = [];
    const out: string[] = [];
    const args = {
      file: 'p.yaml',
      server: argo.url,
      namespace: 'params',
      watch: false,
      options: {
        parameters: { env: 'prod', extra: '1' },
        entrypoint: 'main',
        labels: { team: 'data' },
      },
    };
    const code = await runSubmit(
      args,
      text,
      { out: (l) => out.push(l), err: (l) => err.push(l) },
      fetch,
      TOKEN,
    );
    expect({ code, err }).toEqual({ code: 0, err: [] });
    const wf = argo.workflows.get(`params/${out[0]}`)!;
    expect(wf.spec.arguments.parameters).toEqual([
      { name: 'msg', value: 'hi' },
      { name: 'env', value: 'prod', enum: ['dev', 'prod'] },
      { name: 'extra', value: '1' },
    ]);
    expect(wf.spec.entrypoint).toBe('main');
    expect(wf.metadata.labels).toMatchObject({ team: 'data', 'argoflow.dev/pipeline': 'chain' });
    expect(text).toBe(before);
  });

  it("a value outside the parameter's enum is refused before anything is sent", async () => {
    const text = FILES['chain.yaml']!.replace(
      'spec:\n',
      'spec:\n  arguments:\n    parameters:\n      - {name: env, value: dev, enum: [dev, prod]}\n',
    );
    const err: string[] = [];
    const sent = heard('params').length;
    const args = {
      file: 'p.yaml',
      server: argo.url,
      namespace: 'params',
      watch: false,
      options: { parameters: { env: 'qa' } },
    };
    const code = await runSubmit(
      args,
      text,
      { out: () => {}, err: (l) => err.push(l) },
      fetch,
      TOKEN,
    );
    expect(code).toBe(1);
    expect(err.join('\n')).toContain("parameter env: 'qa' is not one of dev, prod");
    expect(heard('params')).toHaveLength(sent);
  });

  it('a file with two workflows is refused with exit 2', async () => {
    const text = `${FILES['chain.yaml']}---\n${FILES['template.yaml']}`;
    const err: string[] = [];
    const args = { file: 'two.yaml', server: argo.url, namespace: 'two', watch: false };
    const code = await runSubmit(
      args,
      text,
      { out: () => {}, err: (l) => err.push(l) },
      fetch,
      TOKEN,
    );
    expect(code).toBe(2);
    expect(err).toEqual(['two.yaml: holds 2 workflows; submit one at a time']);
    expect(heard('two')).toEqual([]);
  });
});

describe('parseSubmitArgs', () => {
  it.each([
    [
      ['f.yaml', '--server', 'https://h:2746'],
      { file: 'f.yaml', server: 'https://h:2746', watch: false },
    ],
    [
      ['--watch', '--namespace', 'ns', 'f.yaml', '--server', 'u'],
      { file: 'f.yaml', server: 'u', namespace: 'ns', watch: true },
    ],
    [
      // argo submit's spelling: -p repeated, --entrypoint, -l with a comma list; --label repeated.
      [
        'f.yaml',
        '--server=u',
        '-p',
        'msg=a=b',
        '--parameter',
        'n=2',
        '--entrypoint',
        'main',
        '-l',
        'team=data,tier=gold',
        '--label',
        'owner=me',
      ],
      {
        file: 'f.yaml',
        server: 'u',
        watch: false,
        options: {
          parameters: { msg: 'a=b', n: '2' },
          entrypoint: 'main',
          labels: { team: 'data', tier: 'gold', owner: 'me' },
        },
      },
    ],
  ])('%j -> %j', (args, parsed) => {
    expect(parseSubmitArgs(args)).toEqual(parsed);
  });

  it.each([
    [['--server', 'u'], 'submit needs a FILE'],
    [['f.yaml'], 'submit needs --server URL'],
    [['f.yaml', '--server'], '--server needs a value'],
    [['f.yaml', '--server', 'u', '--namespace'], '--namespace needs a value'],
    [['f.yaml', '--server', 'u', '--token', 'x'], 'ARGO_TOKEN environment variable'],
    [['f.yaml', '--token=x', '--server', 'u'], 'ARGO_TOKEN environment variable'],
    [['f.yaml', '--server', 'u', '--verbose'], 'unknown option --verbose'],
    [['a.yaml', 'b.yaml', '--server', 'u'], 'unexpected argument b.yaml'],
    [['f.yaml', '--server', 'u', '-p', 'novalue'], 'expected parameter of the form: NAME=VALUE'],
    [['f.yaml', '--server', 'u', '-l', 'a=b,c'], 'expected labels of the form'],
    [['f.yaml', '--server', 'u', '--entrypoint'], '--entrypoint needs a value'],
  ])('%j is refused: %s', (args, message) => {
    const parsed = parseSubmitArgs(args);
    expect(typeof parsed).toBe('string');
    expect(parsed).toContain(message);
  });

  it('never echoes a token given as a flag', () => {
    for (const args of [
      ['f.yaml', '--server', 'u', '--token', 'secret-1'],
      ['f.yaml', '--server', 'u', '--token=secret-1'],
    ])
      expect(parseSubmitArgs(args)).not.toContain('secret-1');
  });
});
