// One-click submit (src/core/argo/client/submit.ts) against the Argo Server
// TEST DOUBLE: our validation first (no request when it fails), then the
// server's lint (its problems pinned to the task they name), then create; a
// stored template that exists already is reported so it can be updated.
//
//   the pipeline:  extract --> load      (one echo template)
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addTask,
  connect,
  createPipeline,
  exportDocument,
  LAYOUT_ANNOTATION,
  openDocuments,
  type JsonObject,
  type Pipeline,
  type Task,
  type WorkflowKind,
} from '../../src/core';
import {
  argoUiLink,
  createArgoClient,
  lintDiagnostics,
  submissionManifest,
  submitPipeline,
  updateStored,
  type ArgoClient,
  type FetchLike,
} from '../../src/core/argo/client';
import type { ArgoObject } from '../support/argoServerDouble';
import { argoWording, useArgoServerDouble } from '../support/doubleFixture';
import { TIMEOUT } from '../support/timeouts';
import { scopeLayout } from '../../src/core/model/scope';

const argo = useArgoServerDouble({ stepMs: 20 });
// Every test makes requests to the double, which checks each body against
// Argo's schema: wall time that a loaded machine stretches.
vi.setConfig({ testTimeout: TIMEOUT.run });
beforeEach(() => {
  argo.requests.splice(0);
});

function client(fetch: FetchLike = globalThis.fetch, token = 'test-token'): ArgoClient {
  return createArgoClient({ server: argo.url, namespace: 'argo', token }, { fetch });
}

const echo = { name: 'echo', container: { image: 'alpine:3.20', command: ['echo', 'hi'] } };

/** extract --> load, with positions on the canvas; `fields` go onto `load`. */
function pipeline(
  options: { kind?: WorkflowKind; name?: string; fields?: Partial<Task> } = {},
): Pipeline {
  let p = createPipeline({
    kind: options.kind ?? 'Workflow',
    ...(options.name ? { name: options.name } : { generateName: 'pipeline-' }),
  });
  p = addTask(p, { name: 'extract', template: echo, position: { x: 0, y: 0 } }).pipeline;
  p = addTask(p, {
    name: 'load',
    fields: { template: 'echo', ...options.fields },
    position: { x: 200, y: 0 },
  }).pipeline;
  return connect(p, 'extract', 'load').pipeline;
}

const paths = () => argo.requests.map((r) => `${r.method} ${r.path}`);

describe('submitPipeline', () => {
  it('stops at local validation errors before any request', async () => {
    const p = pipeline({ fields: { template: 'missing' } });
    const outcome = await submitPipeline(client(), p);
    expect(outcome.status).toBe('invalid');
    if (outcome.status !== 'invalid') return;
    expect(outcome.diagnostics.length).toBeGreaterThan(0);
    expect(outcome.diagnostics.every((d) => d.severity === 'error')).toBe(true);
    expect(outcome.diagnostics.some((d) => d.task === 'load')).toBe(true);
    expect(outcome.diagnostics.some((d) => d.code === 'server-lint')).toBe(false);
    expect(argo.requests).toEqual([]);
  });

  it("maps the server's lint problem onto the task it names, and creates nothing", async () => {
    const p = pipeline({ fields: { onExit: 5 } });
    const outcome = await submitPipeline(client(argoWording), p);
    expect(outcome).toEqual({
      status: 'invalid',
      diagnostics: [
        {
          code: 'server-lint',
          severity: 'error',
          message: 'Argo Server: templates.main.tasks.load.onExit must be string',
          task: 'load',
        },
      ],
    });
    expect(paths()).toEqual(['POST /api/v1/workflows/argo/lint']);
  });

  it("keeps a lint problem that names no task as the workflow's", async () => {
    const outcome = await submitPipeline(client(), pipeline({ fields: { onExit: 5 } }));
    expect(outcome.status).toBe('invalid');
    if (outcome.status !== 'invalid') return;
    expect(outcome.diagnostics).toHaveLength(1);
    expect(outcome.diagnostics[0]).toMatchObject({ code: 'server-lint', severity: 'error' });
    expect(outcome.diagnostics[0]!.message).toContain('onExit');
    expect(outcome.diagnostics[0]!.task).toBeUndefined();
  });

  it('creates a Workflow and answers its name', async () => {
    const outcome = await submitPipeline(client(), pipeline());
    expect(outcome.status).toBe('created');
    if (outcome.status !== 'created') return;
    expect(outcome.name).toMatch(/^pipeline-[a-z0-9]{5}$/);
    expect(argo.workflows.has(`argo/${outcome.name}`)).toBe(true);
    expect(paths()).toEqual(['POST /api/v1/workflows/argo/lint', 'POST /api/v1/workflows/argo']);
  });

  it('a Workflow whose fixed name is taken fails with a conflict (no update offered)', async () => {
    const p = pipeline({ name: 'fixed-name' });
    expect((await submitPipeline(client(), p)).status).toBe('created');
    const again = await submitPipeline(client(), p);
    expect(again.status).toBe('failed');
    if (again.status === 'failed') expect(again.error.kind).toBe('conflict');
  });

  it("an existing WorkflowTemplate is 'exists'; updateStored then replaces it", async () => {
    const p = pipeline({ kind: 'WorkflowTemplate', name: 'nightly' });
    expect(await submitPipeline(client(), p)).toMatchObject({
      status: 'created',
      name: 'nightly',
    });
    const changed = addTask(p, { name: 'report', fields: { template: 'echo' } }).pipeline;
    expect(await submitPipeline(client(), changed)).toEqual({ status: 'exists', name: 'nightly' });

    argo.requests.splice(0);
    const updated = await updateStored(client(), changed);
    expect(updated).toMatchObject({ status: 'created', name: 'nightly' });
    expect(paths()).toEqual([
      'GET /api/v1/workflow-templates/argo/nightly',
      'PUT /api/v1/workflow-templates/argo/nightly',
    ]);
    const stored = argo.workflowTemplates.get('argo/nightly')!;
    expect(stored.metadata.generation).toBe(2);
    const tasks = (stored.spec.templates as ArgoObject[]).find((t) => t.name === 'main')!.dag.tasks;
    expect(tasks.map((t: ArgoObject) => t.name)).toEqual(['extract', 'load', 'report']);
  });

  it("an existing CronWorkflow is 'exists' too", async () => {
    const p = pipeline({ kind: 'CronWorkflow', name: 'hourly' });
    expect((await submitPipeline(client(), p)).status).toBe('created');
    expect((await submitPipeline(client(), p)).status).toBe('exists');
    expect((await updateStored(client(), p)).status).toBe('created');
  });

  it('updateStored of a template that is gone fails with not-found', async () => {
    const outcome = await updateStored(
      client(),
      pipeline({ kind: 'WorkflowTemplate', name: 'gone' }),
    );
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.error.kind).toBe('not-found');
  });

  it('a Workflow is created, never updated', async () => {
    await expect(updateStored(client(), pipeline())).rejects.toThrow(/created, not updated/);
  });

  it("a rejected token fails at lint: 'failed' with kind 'unauthorized'", async () => {
    const outcome = await submitPipeline(client(globalThis.fetch, 'nope'), pipeline());
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.error.kind).toBe('unauthorized');
    expect(paths()).toEqual(['POST /api/v1/workflows/argo/lint']);
  });

  it('a create rejected as invalid is mapped like a lint problem', async () => {
    const createSays: FetchLike = async (url, init) =>
      url.endsWith('/api/v1/workflows/argo') && init?.method === 'POST'
        ? new Response(JSON.stringify({ code: 3, message: 'templates.main.tasks.extract bad' }), {
            status: 400,
          })
        : globalThis.fetch(url, init);
    const outcome = await submitPipeline(client(createSays), pipeline());
    expect(outcome).toMatchObject({
      status: 'invalid',
      diagnostics: [{ code: 'server-lint', task: 'extract' }],
    });
  });

  it('a network failure is failed, not thrown', async () => {
    const down: FetchLike = () => Promise.reject(new TypeError('fetch failed'));
    const outcome = await submitPipeline(client(down), pipeline());
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.error.kind).toBe('network');
  });
});

describe('lintDiagnostics', () => {
  const p = pipeline();
  it.each([
    ['templates.main.tasks.load templates.ehco not found', 'load'],
    ['templates.main.tasks.extract.arguments.parameters.x is required', 'extract'],
    ['templates.main.tasks.ghost templates.echo not found', undefined],
    ['spec.entrypoint is required', undefined],
  ])('%s -> task %s', (message, task) => {
    const [d] = lintDiagnostics(message, p);
    expect(d).toMatchObject({ code: 'server-lint', message: `Argo Server: ${message}` });
    expect(d?.task).toBe(task);
  });
});

describe('submissionManifest', () => {
  it('has no layout annotation, keeps the others and sets the namespace', () => {
    const p = pipeline();
    p.metadata.annotations = { owner: 'data-team' };
    expect(Object.keys(scopeLayout(p))).toEqual(['extract', 'load']);
    const m = submissionManifest(p, 'team-a');
    const metadata = m.metadata as JsonObject;
    expect(metadata.namespace).toBe('team-a');
    expect(metadata.annotations).toEqual({ owner: 'data-team' });
    expect(JSON.stringify(m)).not.toContain(LAYOUT_ANNOTATION);
    expect(p.metadata.namespace).toBeUndefined(); // the draft is not changed
  });

  it('a saved file with the layout annotation is submitted without it', async () => {
    const saved = exportDocument(pipeline());
    expect(saved).toContain(LAYOUT_ANNOTATION);
    const opened = openDocuments(saved).documents[0]!.pipeline!;
    expect(JSON.stringify(submissionManifest(opened, 'argo'))).not.toContain(LAYOUT_ANNOTATION);
    const outcome = await submitPipeline(client(), opened);
    expect(outcome.status).toBe('created');
    for (const r of argo.requests) expect(JSON.stringify(r.body)).not.toContain(LAYOUT_ANNOTATION);
    expect(argo.requests.map((r) => (r.body as ArgoObject).workflow.metadata.namespace)).toEqual([
      'argo',
      'argo',
    ]);
  });

  it("the server's namespace wins over the one written in the file", () => {
    const p = createPipeline({ namespace: 'elsewhere' });
    expect((submissionManifest(p, 'argo').metadata as JsonObject).namespace).toBe('argo');
  });

  it('a ClusterWorkflowTemplate gets no namespace', () => {
    const p = pipeline({ kind: 'ClusterWorkflowTemplate', name: 'shared' });
    expect((submissionManifest(p, 'argo').metadata as JsonObject).namespace).toBeUndefined();
  });
});

describe('argoUiLink', () => {
  it.each([
    ['Workflow', 'https://argo.example/workflows/argo/w1'],
    ['WorkflowTemplate', 'https://argo.example/workflow-templates/argo/w1'],
    ['CronWorkflow', 'https://argo.example/cron-workflows/argo/w1'],
    ['ClusterWorkflowTemplate', 'https://argo.example/cluster-workflow-templates/w1'],
  ] as const)('%s -> %s', (kind, link) => {
    expect(argoUiLink('https://argo.example/', kind, 'argo', 'w1')).toBe(link);
  });
});
