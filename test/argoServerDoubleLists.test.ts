// The Argo Server TEST DOUBLE's lists (test/support/doubleLists.ts): label
// selectors, name filters, paging with listOptions.limit/continue, `fields`,
// the workflow archive (/api/v1/archived-workflows), a token without cluster
// scope, and `when` in its simulated runs. The controller is paused and stepped,
// so nothing here depends on timing.
import { describe, expect, it } from 'vitest';
import type { ArgoObject } from './support/argoServerDouble';
import { chainSpec, useArgoServerDouble } from './support/doubleFixture';

const AUTH = { Authorization: 'Bearer test-token' };

function client(argo: { url: string }) {
  return async (path: string, json?: unknown) => {
    const res = await fetch(argo.url + path, {
      method: json === undefined ? 'GET' : 'POST',
      headers: { ...AUTH, 'Content-Type': 'application/json' },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
    return { status: res.status, body: (await res.json()) as ArgoObject };
  };
}

const workflow = (generateName: string, labels: Record<string, string> = {}) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Workflow',
  metadata: { generateName, labels },
  spec: chainSpec(),
});

describe('workflow lists', () => {
  const argo = useArgoServerDouble({ stepMs: 60_000, archive: true });
  const call = client(argo);
  const names: string[] = [];

  it('filters by label selector and name prefix, newest first', async () => {
    argo.pause();
    for (const [i, p] of ['etl', 'etl', 'train', 'etl', 'other'].entries()) {
      const labels: Record<string, string> = { 'argoflow.dev/pipeline': p };
      if (i === 1) labels.team = 'data';
      const { body } = await call('/api/v1/workflows/argo', {
        workflow: workflow(`${p}-`, labels),
      });
      names.push(body.metadata.name);
    }
    const sel = encodeURIComponent('argoflow.dev/pipeline=etl');
    const etl = await call(`/api/v1/workflows/argo?listOptions.labelSelector=${sel}`);
    expect(etl.body.items.map((w: ArgoObject) => w.metadata.name)).toEqual([
      names[3],
      names[1],
      names[0],
    ]);
    const notEtl = await call(
      `/api/v1/workflows/argo?listOptions.labelSelector=${encodeURIComponent('argoflow.dev/pipeline notin (etl),!team')}`,
    );
    expect(notEtl.body.items.map((w: ArgoObject) => w.metadata.name)).toEqual([names[4], names[2]]);
    const prefix = await call(
      `/api/v1/workflows/argo?listOptions.fieldSelector=${encodeURIComponent('metadata.name=tra')}&nameFilter=Prefix`,
    );
    expect(prefix.body.items.map((w: ArgoObject) => w.metadata.name)).toEqual([names[2]]);
    const none = await call(`/api/v1/workflows/argo?listOptions.labelSelector=team%3Dnobody`);
    expect(none.body.items).toBeNull();
  });

  it('pages with listOptions.limit and the continue token it answers', async () => {
    const seen: string[] = [];
    let token = '';
    for (let pages = 0; pages < 10; pages++) {
      const q = new URLSearchParams({ 'listOptions.limit': '2' });
      if (token) q.set('listOptions.continue', token);
      const { body } = await call(`/api/v1/workflows/argo?${q}`);
      seen.push(...body.items.map((w: ArgoObject) => w.metadata.name));
      token = body.metadata.continue ?? '';
      if (!token) break;
    }
    expect(seen).toEqual([...names].reverse());
    const bad = await call('/api/v1/workflows/argo?listOptions.limit=2&listOptions.continue=bogus');
    expect(bad).toMatchObject({ status: 400, body: { code: 3 } });
    const badSelector = await call(
      '/api/v1/workflows/argo?listOptions.labelSelector=a%20%3D%3D%3D%20b',
    );
    expect(badSelector).toMatchObject({
      status: 400,
      body: { code: 3, message: /unable to parse requirement/ },
    });
  });

  it('keeps only the fields asked for', async () => {
    const fields = 'metadata,items.metadata.name,items.status.phase';
    const { body } = await call(`/api/v1/workflows/argo?listOptions.limit=1&fields=${fields}`);
    expect(Object.keys(body.items[0])).toEqual(['metadata', 'status']);
    expect(Object.keys(body.items[0].metadata)).toEqual(['name']);
    expect(body.items[0].spec).toBeUndefined();
    const dropped = await call('/api/v1/workflows/argo?listOptions.limit=1&fields=-items.spec');
    expect(dropped.body.items[0].spec).toBeUndefined();
    expect(dropped.body.items[0].status.phase).toBe('Pending');
  });

  it('archives runs as they finish; the archive lists by namespace, label and prefix, paged by offset', async () => {
    for (let i = 0; i < 8; i++) argo.step();
    expect(argo.archivedWorkflows.size).toBe(5);
    const q = new URLSearchParams({
      namespace: 'argo',
      'listOptions.labelSelector': 'argoflow.dev/pipeline=etl',
      'listOptions.limit': '2',
    });
    const first = await call(`/api/v1/archived-workflows?${q}`);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.metadata.continue).toBe('2');
    q.set('listOptions.continue', '2');
    const second = await call(`/api/v1/archived-workflows?${q}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.metadata.continue).toBeUndefined();
    const uid = second.body.items[0].metadata.uid;
    const one = await call(`/api/v1/archived-workflows/${uid}?namespace=argo`);
    expect(one.body.status.phase).toBe('Succeeded');
    expect((await call('/api/v1/archived-workflows/nope')).status).toBe(404);
    const prefix = await call('/api/v1/archived-workflows?namespace=argo&namePrefix=train-');
    expect(prefix.body.items).toHaveLength(1);
    const other = await call('/api/v1/archived-workflows?namespace=kube-system');
    expect(other).toMatchObject({
      status: 403,
      body: { code: 7, message: /not allowed to list workflows/ },
    });
    const badOffset = await call(
      '/api/v1/archived-workflows?namespace=argo&listOptions.continue=x',
    );
    expect(badOffset).toMatchObject({
      status: 400,
      body: { message: 'listOptions.continue must be int' },
    });
  });
});

describe('a server without an archive', () => {
  const argo = useArgoServerDouble({ stepMs: 60_000 });
  const call = client(argo);
  it('answers an empty archive list, as NullWorkflowArchive does', async () => {
    argo.pause();
    await call('/api/v1/workflows/argo', { workflow: workflow('a-') });
    for (let i = 0; i < 5; i++) argo.step();
    const { status, body } = await call('/api/v1/archived-workflows?namespace=argo');
    expect(status).toBe(200);
    expect(body.items).toBeNull();
  });
});

describe('templates and cluster scope', () => {
  const argo = useArgoServerDouble({ clusterScope: false });
  const call = client(argo);
  const template = (name: string) => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'WorkflowTemplate',
    metadata: { name, labels: { team: name.startsWith('ml') ? 'ml' : 'data' } },
    spec: chainSpec(),
  });

  it('lists WorkflowTemplates by name, paged, filtered by label and name pattern', async () => {
    for (const n of ['ml-train', 'etl-load', 'ml-score', 'etl-extract'])
      expect(
        (await call('/api/v1/workflow-templates/argo', { template: template(n) })).status,
      ).toBe(200);
    const page1 = await call('/api/v1/workflow-templates/argo?listOptions.limit=3');
    expect(page1.body.items.map((t: ArgoObject) => t.metadata.name)).toEqual([
      'etl-extract',
      'etl-load',
      'ml-score',
    ]);
    const page2 = await call(
      `/api/v1/workflow-templates/argo?listOptions.limit=3&listOptions.continue=${encodeURIComponent(page1.body.metadata.continue)}`,
    );
    expect(page2.body.items.map((t: ArgoObject) => t.metadata.name)).toEqual(['ml-train']);
    const ml = await call(
      '/api/v1/workflow-templates/argo?listOptions.labelSelector=team%3Dml&namePattern=score',
    );
    expect(ml.body.items.map((t: ArgoObject) => t.metadata.name)).toEqual(['ml-score']);
  });

  it('a token without cluster scope gets 403 on ClusterWorkflowTemplates, in Kubernetes words', async () => {
    const list = await call('/api/v1/cluster-workflow-templates');
    expect(list).toMatchObject({
      status: 403,
      body: {
        code: 7,
        message:
          'clusterworkflowtemplates.argoproj.io is forbidden: User "system:serviceaccount:argo:argo-ui" cannot list resource "clusterworkflowtemplates" in API group "argoproj.io" at the cluster scope',
      },
    });
    expect((await call('/api/v1/cluster-workflow-templates/x')).body.message).toMatch(
      /clusterworkflowtemplates.argoproj.io "x" is forbidden/,
    );
  });
});

describe('when in the simulated runs', () => {
  const argo = useArgoServerDouble({ stepMs: 60_000 });
  const call = client(argo);
  it('skips a task whose when is false with the workflow parameters substituted', async () => {
    argo.pause();
    const spec = chainSpec();
    spec.templates[0].dag.tasks[1].when = "{{workflow.parameters.msg}} == 'bye'";
    const { body } = await call('/api/v1/workflows/argo', {
      workflow: { ...workflow('w-'), spec },
    });
    for (let i = 0; i < 6; i++) argo.step();
    const wf = (await call(`/api/v1/workflows/argo/${body.metadata.name}`)).body;
    const phases = Object.fromEntries(
      Object.values(wf.status.nodes).map((n) => [
        (n as ArgoObject).displayName,
        (n as ArgoObject).phase,
      ]),
    );
    expect(phases).toMatchObject({ a: 'Succeeded', b: 'Skipped', c: 'Succeeded' });
    expect(wf.status.phase).toBe('Succeeded');
  });

  it('runs a task whose when names task outputs (outputs are not simulated here)', async () => {
    argo.pause();
    const spec = chainSpec();
    spec.templates[0].dag.tasks[1].when = '{{tasks.a.outputs.result}} == heads';
    const { body } = await call('/api/v1/workflows/argo', {
      workflow: { ...workflow('o-'), spec },
    });
    for (let i = 0; i < 8; i++) argo.step();
    const wf = (await call(`/api/v1/workflows/argo/${body.metadata.name}`)).body;
    expect(wf.status.phase).toBe('Succeeded');
  });
});
