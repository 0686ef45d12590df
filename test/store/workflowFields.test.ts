// Workflow spec edits through the store's `apply`: each is one undo step,
// undo restores the spec exactly, and the kind switch to CronWorkflow and
// back keeps every workflow field.
import { describe, expect, it } from 'vitest';
import { previewDocument, validate, workflowSpec } from '../../src/core';
import { setCronField } from '../../src/core/model/fields';
import { setKind } from '../../src/core/model/kind';
import {
  createExitHandler,
  setArgumentParameters,
  setPodGC,
  setTtl,
  setWorkflowField,
} from '../../src/core/model/workflowFields';
import { createEditorStore } from '../../src/store/editorStore';

describe('workflow fields in the store', () => {
  it('records each edit as one undo step and undoes it exactly', () => {
    const store = createEditorStore();
    const { apply } = store.getState();
    const before = store.getState().pipeline;
    apply((p) => setWorkflowField(p, 'parallelism', 4));
    apply((p) => setPodGC(p, 'OnPodCompletion'));
    apply((p) => setTtl(p, 'secondsAfterCompletion', 3600));
    apply((p) => setArgumentParameters(p, [{ name: 'env', value: 'dev', enum: ['dev', 'prod'] }]));
    expect(store.getState().history.past).toHaveLength(4);
    expect(workflowSpec(store.getState().pipeline)).toMatchObject({
      parallelism: 4,
      podGC: { strategy: 'OnPodCompletion' },
      ttlStrategy: { secondsAfterCompletion: 3600 },
    });

    store.getState().undo();
    expect(workflowSpec(store.getState().pipeline).arguments).toBeUndefined();
    store.getState().undo();
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().pipeline).toBe(before);
    store.getState().redo();
    expect(workflowSpec(store.getState().pipeline).parallelism).toBe(4);
  });

  it('records nothing for an edit that changes nothing', () => {
    const store = createEditorStore();
    store.getState().apply((p) => setWorkflowField(p, 'serviceAccountName', ''));
    store.getState().apply((p) => setPodGC(p, undefined));
    expect(store.getState().history.past).toHaveLength(0);
  });

  it('creates an exit handler in one step; undo removes the template and onExit', () => {
    const store = createEditorStore();
    store.getState().apply((p) => createExitHandler(p).pipeline);
    expect(previewDocument(store.getState().pipeline)).toContain('onExit: exit-handler');
    expect(previewDocument(store.getState().pipeline)).toContain('{{workflow.status}}');
    store.getState().undo();
    const yaml = previewDocument(store.getState().pipeline);
    expect(yaml).not.toContain('onExit');
    expect(yaml).not.toContain('exit-handler');
  });

  it('keeps workflow fields through Workflow -> CronWorkflow -> Workflow, undoable', () => {
    const store = createEditorStore();
    const { apply } = store.getState();
    apply((p) => setWorkflowField(p, 'serviceAccountName', 'runner'));
    apply((p) => setKind(p, 'CronWorkflow'));
    apply((p) => setCronField(p, 'timezone', 'Asia/Kolkata'));
    apply((p) => setCronField(p, 'schedules', ['0 9 * * 1-5']));
    let p = store.getState().pipeline;
    expect(p.spec).toMatchObject({
      schedules: ['0 9 * * 1-5'],
      timezone: 'Asia/Kolkata',
      workflowSpec: { serviceAccountName: 'runner' },
    });
    // The cron settings are valid; the new document's DAG has no task yet, which Argo refuses.
    expect(validate(p).map((d) => d.code)).toEqual(['empty-dag']);
    apply((q) => setKind(q, 'Workflow'));
    p = store.getState().pipeline;
    expect(p.spec.serviceAccountName).toBe('runner');
    expect(p.spec.schedules).toBeUndefined();
    store.getState().undo();
    expect(store.getState().pipeline.kind).toBe('CronWorkflow');
    expect(store.getState().pipeline.spec.timezone).toBe('Asia/Kolkata');
  });
});
