// Workflow spec edits (src/core/model/workflowFields.ts): each operation on a
// Workflow and on a CronWorkflow (whose workflow spec is nested), empty values
// removing keys, unmodelled keys kept, the compiled manifest valid against
// Argo's schema, and the result surviving export + open.
import { describe, expect, it } from 'vitest';
import {
  addTask,
  compile,
  createPipeline,
  exportDocument,
  findTemplate,
  openDocuments,
  validate,
  workflowSpec,
  type Pipeline,
} from '../../src/core';
import { setCronField } from '../../src/core/model/fields';
import { setKind } from '../../src/core/model/kind';
import {
  createExitHandler,
  exitHandlerTemplate,
  setArgumentArtifacts,
  setArgumentParameters,
  setOnExit,
  setPodGC,
  setRetryStrategy,
  setTtl,
  setWorkflowField,
} from '../../src/core/model/workflowFields';
import { validateManifest } from '../support/argoSchema';
import { hasShared, SKIP_REASON } from '../support/sharedData';

/** A Workflow with one task, `hello`, running `echo`. */
function base(): Pipeline {
  return addTask(createPipeline({ name: 'wf' }), {
    name: 'hello',
    template: { name: 'echo', container: { image: 'alpine:3.20' } },
  }).pipeline;
}

const KINDS = ['Workflow', 'CronWorkflow'] as const;

describe.each(KINDS)('on a %s', (kind) => {
  const start = () => setKind(base(), kind);
  const spec = (p: Pipeline) => workflowSpec(p);

  it('sets and clears plain fields; empty values remove the key', () => {
    let p = start();
    p = setWorkflowField(p, 'parallelism', 3);
    p = setWorkflowField(p, 'serviceAccountName', 'argo-runner');
    p = setWorkflowField(p, 'activeDeadlineSeconds', 3600);
    p = setWorkflowField(p, 'nodeSelector', { 'kubernetes.io/os': 'linux' });
    p = setWorkflowField(p, 'tolerations', [
      { key: 'dedicated', operator: 'Equal', value: 'batch', effect: 'NoSchedule' },
    ]);
    expect(spec(p)).toMatchObject({
      parallelism: 3,
      serviceAccountName: 'argo-runner',
      activeDeadlineSeconds: 3600,
      nodeSelector: { 'kubernetes.io/os': 'linux' },
    });
    for (const [key, empty] of [
      ['parallelism', undefined],
      ['serviceAccountName', ''],
      ['nodeSelector', {}],
      ['tolerations', []],
    ] as const)
      p = setWorkflowField(p, key, empty);
    expect(Object.keys(spec(p))).toEqual(['entrypoint', 'templates', 'activeDeadlineSeconds']);
    if (kind === 'CronWorkflow') expect(p.spec.schedules).toEqual(['0 * * * *']);
  });

  it('returns the same pipeline when nothing changes', () => {
    const p = start();
    expect(setWorkflowField(p, 'parallelism', undefined)).toBe(p);
    const q = setWorkflowField(p, 'parallelism', 2);
    expect(setWorkflowField(q, 'parallelism', 2)).toBe(q);
    expect(setPodGC(p, undefined)).toBe(p);
  });

  it('sets argument parameters with value, enum and description, keeping other keys', () => {
    let p = setWorkflowField(start(), 'arguments', {
      parameters: [{ name: 'env', value: 'dev', globalName: 'environment' }],
    });
    p = setArgumentParameters(p, [
      { name: 'env', value: 'prod', enum: ['dev', 'prod'], description: 'target' },
      { name: 'count', value: '3', enum: [], description: '' },
    ]);
    expect(spec(p).arguments).toEqual({
      parameters: [
        {
          name: 'env',
          value: 'prod',
          globalName: 'environment',
          enum: ['dev', 'prod'],
          description: 'target',
        },
        { name: 'count', value: '3' },
      ],
    });
    p = setArgumentParameters(p, []);
    expect(spec(p).arguments).toBeUndefined();
  });

  it('sets argument artifacts next to parameters', () => {
    let p = setArgumentParameters(start(), [{ name: 'env', value: 'dev' }]);
    const artifact = { name: 'data', s3: { key: 'inputs/data.csv' } };
    p = setArgumentArtifacts(p, [artifact]);
    expect(spec(p).arguments).toEqual({
      parameters: [{ name: 'env', value: 'dev' }],
      artifacts: [artifact],
    });
    p = setArgumentArtifacts(p, []);
    expect(spec(p).arguments).toEqual({ parameters: [{ name: 'env', value: 'dev' }] });
  });

  it('creates an exit handler under a unique name and points onExit at it', () => {
    const first = createExitHandler(start());
    expect(first.name).toBe('exit-handler');
    expect(spec(first.pipeline).onExit).toBe('exit-handler');
    expect(findTemplate(first.pipeline, 'exit-handler')).toEqual(exitHandlerTemplate());
    const second = createExitHandler(first.pipeline);
    expect(second.name).toBe('exit-handler-2');
    expect(spec(second.pipeline).onExit).toBe('exit-handler-2');
    // Pick another existing template, then none.
    const picked = setOnExit(second.pipeline, 'echo');
    expect(spec(picked).onExit).toBe('echo');
    expect('onExit' in spec(setOnExit(picked, undefined))).toBe(false);
    expect(validate(second.pipeline).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('sets podGC strategy, keeping its other keys', () => {
    let p = setWorkflowField(start(), 'podGC', { deleteDelayDuration: '30s' });
    p = setPodGC(p, 'OnPodSuccess');
    expect(spec(p).podGC).toEqual({ deleteDelayDuration: '30s', strategy: 'OnPodSuccess' });
    p = setPodGC(p, undefined);
    expect(spec(p).podGC).toEqual({ deleteDelayDuration: '30s' });
    expect(spec(setPodGC(start(), undefined)).podGC).toBeUndefined();
  });

  it('sets ttlStrategy fields and drops the object when all are cleared', () => {
    let p = setTtl(start(), 'secondsAfterCompletion', 86400);
    p = setTtl(p, 'secondsAfterFailure', 0);
    expect(spec(p).ttlStrategy).toEqual({ secondsAfterCompletion: 86400, secondsAfterFailure: 0 });
    p = setTtl(setTtl(p, 'secondsAfterCompletion', undefined), 'secondsAfterFailure', undefined);
    expect('ttlStrategy' in spec(p)).toBe(false);
  });

  it('sets the workflow-level retryStrategy limit and policy, keeping backoff', () => {
    let p = setWorkflowField(start(), 'retryStrategy', { backoff: { duration: '10s' } });
    p = setRetryStrategy(p, 'limit', 3);
    p = setRetryStrategy(p, 'retryPolicy', 'OnError');
    expect(spec(p).retryStrategy).toEqual({
      backoff: { duration: '10s' },
      limit: 3,
      retryPolicy: 'OnError',
    });
  });
});

/** Every field the workflow inspector edits, on one pipeline. */
function everything(kind: (typeof KINDS)[number]): Pipeline {
  let p = setKind(base(), kind);
  p = setArgumentParameters(p, [
    { name: 'env', value: 'dev', enum: ['dev', 'prod'], description: 'where to run' },
  ]);
  p = setArgumentArtifacts(p, [{ name: 'data', s3: { key: 'inputs/data.csv' } }]);
  p = setWorkflowField(p, 'parallelism', 2);
  p = setWorkflowField(p, 'serviceAccountName', 'argo-runner');
  p = setWorkflowField(p, 'activeDeadlineSeconds', 600);
  p = setRetryStrategy(setRetryStrategy(p, 'limit', 2), 'retryPolicy', 'Always');
  p = setPodGC(p, 'OnWorkflowSuccess');
  p = setTtl(p, 'secondsAfterSuccess', 300);
  p = setWorkflowField(p, 'nodeSelector', { pool: 'batch' });
  p = setWorkflowField(p, 'tolerations', [{ key: 'batch', operator: 'Exists' }]);
  p = setWorkflowField(p, 'volumes', [{ name: 'scratch', emptyDir: {} }]);
  p = setWorkflowField(p, 'volumeClaimTemplates', [
    {
      metadata: { name: 'work' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    },
  ]);
  p = createExitHandler(p).pipeline;
  if (kind === 'CronWorkflow') {
    p = setCronField(p, 'schedules', ['0 9 * * 1-5', '30 18 * * 5']);
    p = setCronField(p, 'timezone', 'Asia/Kolkata');
    p = setCronField(p, 'concurrencyPolicy', 'Forbid');
    p = setCronField(p, 'startingDeadlineSeconds', 120);
    p = setCronField(p, 'successfulJobsHistoryLimit', 5);
    p = setCronField(p, 'failedJobsHistoryLimit', 2);
    p = setCronField(p, 'suspend', true);
  }
  return p;
}

describe.each(KINDS)('a %s with every workflow field', (kind) => {
  it('validates with no errors', () => {
    expect(validate(everything(kind))).toEqual([]);
  });

  it.skipIf(!hasShared)(
    `compiles to a manifest Argo's schema accepts (${SKIP_REASON})`,
    () => {
      const p = everything(kind);
      expect(validateManifest(compile(p))).toEqual([]);
      expect(validateManifest(compile(p, { layout: true }))).toEqual([]);
    },
    30_000,
  ); // the first call compiles Argo's schema

  it('survives export and open unchanged', () => {
    const p = everything(kind);
    const { documents, diagnostics } = openDocuments(exportDocument(p), 'wf.yaml');
    expect(diagnostics).toEqual([]);
    const back = documents[0]!.pipeline!;
    expect(documents[0]!.diagnostics).toEqual([]);
    expect(workflowSpec(back)).toEqual(workflowSpec(p));
    expect(back.kind).toBe(kind);
    if (kind === 'CronWorkflow') {
      const { workflowSpec: _a, ...cronBack } = back.spec;
      const { workflowSpec: _b, ...cron } = p.spec;
      expect(cronBack).toEqual(cron);
    }
    expect(exportDocument(back)).toBe(exportDocument(p));
  });
});
