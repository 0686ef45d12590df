// The library slice (src/store/librarySlice.ts) against the Argo Server TEST
// DOUBLE: WorkflowTemplates and ClusterWorkflowTemplates listed (every page),
// cached for the session, a 403 on cluster scope as a note; a dropped template
// is a templateRef task whose ports come from the referenced template; "copy
// into this file" brings the template (and what it calls) into the document.
import { afterEach, describe, expect, it } from 'vitest';
import { taskPorts } from '../../src/core/model/dataFlow';
import { findTask } from '../../src/core/model/pipeline';
import { setServerTemplates } from '../../src/core/library/templateRefs';
import { templates } from '../../src/core/model/spec';
import { createEditorStore } from '../../src/store/editorStore';
import { chainSpec, useArgoServerDouble } from '../support/doubleFixture';

const template = (name: string, extra: object = {}) => ({
  metadata: { name },
  spec: {
    templates: [
      {
        name: 'extract',
        inputs: { parameters: [{ name: 'source' }, { name: 'limit', value: '10' }] },
        outputs: { parameters: [{ name: 'rows', valueFrom: { path: '/tmp/rows' } }] },
        container: { image: 'alpine:3.20' },
      },
      {
        name: 'pipeline',
        dag: {
          tasks: [
            {
              name: 'x',
              template: 'extract',
              arguments: { parameters: [{ name: 'source', value: 's' }] },
            },
          ],
        },
      },
      { name: 'echo', container: { image: 'alpine' } },
    ],
    ...extra,
  },
});

afterEach(() => setServerTemplates(undefined));

async function seed(url: string, path: string, body: object) {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { Authorization: 'Bearer test-token' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

const store = (url: string) => {
  const s = createEditorStore({
    fetch: (u, i) => fetch(u, i),
    settings: { server: url, namespace: 'argo', uiBase: '' },
  });
  s.getState().setToken('test-token', false);
  return s;
};

describe('with cluster scope', () => {
  const argo = useArgoServerDouble();

  it('lists both kinds and caches them for the session', async () => {
    for (let i = 0; i < 3; i++)
      await seed(argo.url, '/api/v1/workflow-templates/argo', { template: template(`lib-${i}`) });
    await seed(argo.url, '/api/v1/cluster-workflow-templates', { template: template('shared') });
    const s = store(argo.url);
    await s.getState().loadLibrary();
    const lib = s.getState().library;
    expect(lib.status).toBe('loaded');
    expect(lib.groups.map((g) => g.name)).toEqual(['lib-0', 'lib-1', 'lib-2']);
    expect(lib.clusterGroups.map((g) => [g.name, g.clusterScope])).toEqual([['shared', true]]);
    expect(lib.groups[0]!.templates.map((t) => [t.name, t.kind])).toEqual([
      ['extract', 'container'],
      ['pipeline', 'dag'],
      ['echo', 'container'],
    ]);
    const before = argo.requests.length;
    await s.getState().loadLibrary();
    expect(argo.requests.length).toBe(before); // cached
    await s.getState().loadLibrary({ force: true });
    expect(argo.requests.length).toBeGreaterThan(before);
  });

  it('a dropped template is a templateRef task with its inputs as ports and arguments for the required ones', async () => {
    const s = store(argo.url);
    await s.getState().loadLibrary();
    const name = s.getState().addPaletteEntry('ref:cluster:shared:extract', { x: 10, y: 20 })!;
    const task = findTask(s.getState().pipeline, name)!;
    expect(task.templateRef).toEqual({ name: 'shared', template: 'extract', clusterScope: true });
    expect(task.arguments).toEqual({ parameters: [{ name: 'source', value: '' }] });
    expect(task.template).toBeUndefined();
    const ports = taskPorts(s.getState().pipeline, task);
    expect(ports.inputs.map((p) => p.name)).toEqual(['source', 'limit']);
    expect(ports.outputs.map((p) => p.name)).toEqual(['rows', 'result']);
    // Wiring works as for a local template: an output into another task's input.
    const second = s.getState().addPaletteEntry('ref:ns:lib-0:extract')!;
    expect(
      s.getState().connectHandles(name, 'out:parameter:rows', second, 'in:parameter:source'),
    ).toBe(true);
    expect(findTask(s.getState().pipeline, second)!.arguments?.parameters?.[0]).toEqual({
      name: 'source',
      value: `{{tasks.${name}.outputs.parameters.rows}}`,
    });
  });

  it('copy into this file brings the template and what it calls, renaming on a clash', async () => {
    const s = store(argo.url);
    await s.getState().loadLibrary();
    s.getState().addTask({
      name: 'local',
      template: { name: 'extract', container: { image: 'mine' } },
    });
    const name = s.getState().addPaletteEntry('ref:ns:lib-0:pipeline')!;
    await s.getState().copyTemplateIntoFile(name);
    const p = s.getState().pipeline;
    const task = findTask(p, name)!;
    expect(task.templateRef).toBeUndefined();
    expect(task.template).toBe('pipeline');
    const copied = templates(p).find((t) => t.name === 'pipeline')!;
    // `extract` was taken by the user's own template: the copy got a new name and the DAG follows it.
    const inner = (copied.dag as { tasks: { template: string }[] }).tasks[0]!.template;
    expect(inner).not.toBe('extract');
    expect(templates(p).find((t) => t.name === inner)?.container).toEqual({ image: 'alpine:3.20' });
    expect(templates(p).find((t) => t.name === 'extract')?.container).toEqual({ image: 'mine' });
    s.getState().undo();
    expect(findTask(s.getState().pipeline, name)?.templateRef).toBeDefined();
  });
});

describe('a token without cluster scope', () => {
  const argo = useArgoServerDouble({ clusterScope: false });

  it("lists the namespace's templates and says why cluster ones are missing", async () => {
    await seed(argo.url, '/api/v1/workflow-templates/argo', {
      template: { metadata: { name: 'only' }, spec: chainSpec() },
    });
    const s = store(argo.url);
    await s.getState().loadLibrary();
    const lib = s.getState().library;
    expect(lib.status).toBe('loaded');
    expect(lib.groups.map((g) => g.name)).toEqual(['only']);
    expect(lib.clusterGroups).toEqual([]);
    expect(lib.clusterNote).toMatch(/may not list ClusterWorkflowTemplates \(403\)/);
  });

  it('a wrong token fails the library in words, keeping what the palette had', async () => {
    const s = createEditorStore({
      fetch: (u, i) => fetch(u, i),
      settings: { server: argo.url, namespace: 'argo', uiBase: '' },
    });
    s.getState().setToken('wrong', false);
    await s.getState().loadLibrary();
    expect(s.getState().library).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('rejected the token (401)'),
    });
  });
});
