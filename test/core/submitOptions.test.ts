// Submit options applied to the manifest sent, never to the document
// (workflow/util ApplySubmitOpts), and checked as Argo checks them: enum values,
// Kubernetes label keys and values (validation.IsQualifiedName, IsValidLabelValue).
import { describe, expect, it } from 'vitest';
import {
  applySubmitOptions,
  argumentFields,
  labelKeyProblem,
  labelValueProblem,
  parsePairs,
  pipelineLabelValue,
  submitOptionProblems,
  templateNames,
} from '../../src/core/argo/submitOptions';

const wf = () => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Workflow',
  metadata: { generateName: 'etl-', labels: { team: 'data' } },
  spec: {
    entrypoint: 'main',
    arguments: {
      parameters: [
        { name: 'msg', value: 'hi', description: 'what to say' },
        { name: 'env', value: 'dev', enum: ['dev', 'prod'] },
        { name: 'date' },
      ],
    },
    templates: [
      { name: 'main', dag: { tasks: [] } },
      { name: 'other', container: { image: 'a' } },
    ],
  },
});

describe('argumentFields and templateNames', () => {
  it('lists each argument with its value, enum, description, and whether it needs one', () => {
    expect(argumentFields(wf())).toEqual([
      { name: 'msg', value: 'hi', description: 'what to say', required: false },
      { name: 'env', value: 'dev', enum: ['dev', 'prod'], required: false },
      { name: 'date', value: '', required: true },
    ]);
    expect(templateNames(wf())).toEqual(['main', 'other']);
  });

  it("reads a CronWorkflow's workflowSpec", () => {
    const cron = { kind: 'CronWorkflow', spec: { workflowSpec: wf().spec } };
    expect(argumentFields(cron).map((f) => f.name)).toEqual(['msg', 'env', 'date']);
  });
});

describe('applySubmitOptions', () => {
  it('sets values in place, appends unknown names, sets entrypoint and labels; the input is untouched', () => {
    const doc = wf();
    const before = structuredClone(doc);
    const out = applySubmitOptions(doc, {
      parameters: { env: 'prod', date: '2024-01-01', extra: 'x' },
      entrypoint: 'other',
      labels: { 'argoflow.dev/pipeline': 'etl' },
    });
    expect(doc).toEqual(before);
    expect((out.spec as { arguments: unknown }).arguments).toEqual({
      parameters: [
        { name: 'msg', value: 'hi', description: 'what to say' },
        { name: 'env', value: 'prod', enum: ['dev', 'prod'] },
        { name: 'date', value: '2024-01-01' },
        { name: 'extra', value: 'x' },
      ],
    });
    expect((out.spec as { entrypoint: string }).entrypoint).toBe('other');
    expect((out.metadata as { labels: unknown }).labels).toEqual({
      team: 'data',
      'argoflow.dev/pipeline': 'etl',
    });
  });
});

describe('submitOptionProblems', () => {
  it.each([
    [{ parameters: { date: 'd' } }, []],
    [{}, ['parameter date needs a value']],
    [{ parameters: { date: 'd', env: 'qa' } }, ["parameter env: 'qa' is not one of dev, prod"]],
    [
      { parameters: { date: 'd' }, entrypoint: 'nope' },
      ['entrypoint nope is not a template of this workflow'],
    ],
    [
      { parameters: { date: 'd' }, labels: { 'bad key!': 'v' } },
      [expect.stringContaining("label key 'bad key!'")],
    ],
    [
      { parameters: { date: 'd' }, labels: { k: '-v' } },
      [expect.stringContaining("label value '-v'")],
    ],
  ])('%j -> %j', (options, problems) => {
    expect(submitOptionProblems(wf(), options)).toEqual(problems);
  });
});

describe('Kubernetes labels', () => {
  it.each([
    ['etl', undefined],
    ['', undefined],
    ['a.b_c-d', undefined],
    ['a'.repeat(63), undefined],
    ['a'.repeat(64), 'longer than 63'],
    ['-a', 'must be empty or start and end'],
    ['a b', 'must be empty or start and end'],
  ])('value %j: %s', (value, problem) => {
    const p = labelValueProblem(value);
    if (problem) expect(p).toContain(problem);
    else expect(p).toBeUndefined();
  });

  it.each([
    ['team', undefined],
    ['argoflow.dev/pipeline', undefined],
    ['workflows.argoproj.io/phase', undefined],
    ['Upper.Case/x', 'prefix must be a DNS subdomain'],
    ['/x', 'prefix must be a DNS subdomain'],
    ['a/', 'the name must be'],
    ['x'.repeat(64), 'the name must be'],
  ])('key %j: %s', (key, problem) => {
    const p = labelKeyProblem(key);
    if (problem) expect(p).toContain(problem);
    else expect(p).toBeUndefined();
  });

  it.each([
    [{ generateName: 'etl-' }, 'etl'],
    [{ name: 'nightly-report' }, 'nightly-report'],
    [{ generateName: 'Profile Job #2-' }, 'Profile-Job--2'],
    [{ generateName: `${'x'.repeat(70)}-` }, 'x'.repeat(63)],
    [{ generateName: '---' }, undefined],
    [{}, undefined],
  ])('the pipeline label of %j is %j, always a valid value', (metadata, value) => {
    const v = pipelineLabelValue(metadata);
    expect(v).toBe(value);
    if (v) expect(labelValueProblem(v)).toBeUndefined();
  });
});

describe('parsePairs', () => {
  it('splits at the first =, keeps names as data, and splits label lists at commas', () => {
    const p = parsePairs(['__proto__=x', 'a=b=c'], 'parameter');
    expect('values' in p && Object.entries(p.values)).toEqual([
      ['__proto__', 'x'],
      ['a', 'b=c'],
    ]);
    expect(parsePairs(['a=1,b=2'], 'label')).toEqual({
      values: expect.objectContaining({ a: '1', b: '2' }),
    });
    expect(parsePairs(['=x'], 'parameter')).toEqual({
      error: 'expected parameter of the form: NAME=VALUE. Received: =x',
    });
  });
});
