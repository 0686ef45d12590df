// @vitest-environment jsdom
// The resource part of the node inspector against a real store: the Spark
// form (values, per-field checks, one undo step per commit), a task sharing
// its Spark template getting its own copy, and the raw manifest editor
// (nothing applied while invalid, problems with their line).
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { load } from 'js-yaml';
import { describe, expect, it, vi } from 'vitest';
import { findTask, findTemplate, type Pipeline } from '../../src/core';
import { isObject, type JsonObject } from '../../src/core/model/types';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import { EditorProvider } from '../../src/ui/EditorContext';
import { Inspector } from '../../src/ui/inspector/Inspector';
import { Notice } from '../../src/ui/Notice';
// The shipped palette, through Vite (jsdom's import.meta.url is not a file URL).
import CONFIG from '../../public/config.yaml?raw';
import { TIMEOUT } from '../support/timeouts';
import { scopeTasks } from '../../src/core/model/scope';

// React rendered in jsdom against the real store, typed into key by key: up to
// 1.3 s a test quiet, ten times that at load 20 (test/support/timeouts.ts).
vi.setConfig({ testTimeout: TIMEOUT.component });

/** The Spark palette entry dropped `count` times, the first task selected. */
async function setup(count = 1, config = CONFIG, id = 'sparkk8sScala') {
  const store = createEditorStore();
  await store.getState().loadConfig(config, 'config.yaml');
  const entry = store.getState().entries.find((e) => e.id === id)!;
  for (let i = 0; i < count; i++)
    store.getState().addTask({ name: entry.name, template: entry.template });
  const first = scopeTasks(store.getState().pipeline)[0]!.name;
  store.getState().select([first]);
  const user = userEvent.setup();
  render(
    <EditorProvider store={store}>
      <Notice />
      <Inspector />
    </EditorProvider>,
  );
  return { store, user, task: first };
}

const pipeline = (store: EditorStore): Pipeline => store.getState().pipeline;
/** The manifest text of the template `task` runs. */
function manifestText(store: EditorStore, task: string): string {
  const p = pipeline(store);
  const resource = findTemplate(p, findTask(p, task)?.template)?.resource;
  return isObject(resource) && typeof resource.manifest === 'string' ? resource.manifest : '';
}
const manifest = (store: EditorStore, task: string) =>
  load(manifestText(store, task)) as JsonObject;
const spec = (store: EditorStore, task: string) => manifest(store, task).spec as JsonObject;

const section = () => within(screen.getByTestId('resource-section'));
const group = (name: string) => within(section().getByRole('group', { name }));

describe('Spark form', () => {
  it('shows the SparkApplication of the palette entry with its conditions', async () => {
    const { store, task } = await setup();
    expect(screen.getByTestId('spark-form')).toBeInTheDocument();
    expect(section().getByLabelText('Type')).toHaveValue('Scala');
    expect(section().getByLabelText('Mode')).toHaveValue('cluster');
    expect(section().getByLabelText('Main class')).toHaveValue('org.apache.spark.examples.SparkPi');
    expect(section().getByLabelText('Arguments (one a line)')).toHaveValue('1000');
    expect(group('Executors').getByLabelText('Instances')).toHaveValue('1');
    expect(group('Driver').getByLabelText('Memory')).toHaveValue('512m');
    expect(section().getByLabelText('Success condition')).toHaveValue(
      'status.applicationState.state == COMPLETED',
    );
    expect(section().getByLabelText('Failure condition')).toHaveValue(
      'status.applicationState.state in (FAILED, SUBMISSION_FAILED, UNKNOWN)',
    );
    expect(screen.getByLabelText('Manifest (YAML)')).toHaveValue(manifestText(store, task));
  });

  it('writes each field into the manifest as one undo step, keeping the rest', async () => {
    const { store, user, task } = await setup();
    const before = spec(store, task);
    const instances = group('Executors').getByLabelText('Instances');
    await user.clear(instances);
    await user.type(instances, '3{Enter}');
    expect(spec(store, task).executor).toMatchObject({ instances: 3 });
    const mainClass = section().getByLabelText('Main class');
    await user.clear(mainClass);
    await user.type(mainClass, 'org.example.Etl');
    await user.tab();
    await user.selectOptions(section().getByLabelText('Type'), 'Java');
    const conf = section().getByLabelText('sparkConf (KEY=value a line)');
    await user.type(conf, 'spark.sql.shuffle.partitions=64');
    await user.tab();
    expect(spec(store, task)).toEqual({
      ...before,
      type: 'Java',
      mainClass: 'org.example.Etl',
      sparkConf: { 'spark.sql.shuffle.partitions': '64' },
      executor: { ...(before.executor as JsonObject), instances: 3 },
    });
    // The raw manifest follows the form.
    expect(screen.getByLabelText('Manifest (YAML)')).toHaveValue(manifestText(store, task));
    act(() => {
      for (let i = 0; i < 4; i++) store.getState().undo();
    });
    expect(spec(store, task)).toEqual(before);
  });

  it.each([
    ['Executors', 'Memory', '2 GB', /size like 512m or 2g/],
    ['Executors', 'Cores', '0', /at least 1/],
    ['Executors', 'Instances', 'three', /at least 1/],
    ['Driver', 'Cores', '4', /exceed driver\.coreLimit 1200m/],
    ['Driver', 'Service account', 'Spark SA', /Kubernetes name/],
  ])('%s %s %j: says why and commits nothing', async (legend, label, value, message) => {
    const { store, user } = await setup();
    const before = pipeline(store);
    const input = group(legend).getByLabelText(label);
    await user.clear(input);
    await user.type(input, value);
    await user.tab();
    expect(within(input.closest('.field') as HTMLElement).getByRole('alert')).toHaveTextContent(
      message,
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(pipeline(store)).toBe(before);
  });

  it('checks conditions as Argo reads them', async () => {
    const { store, user } = await setup();
    const before = pipeline(store);
    const failure = section().getByLabelText('Failure condition');
    await user.clear(failure);
    await user.type(failure, 'status.applicationState.state in (FAILED');
    await user.tab();
    expect(section().getByRole('alert')).toHaveTextContent(/not a requirement Argo reads/);
    expect(pipeline(store)).toBe(before);
  });

  it('gives a task that shares its Spark template its own copy on the first edit', async () => {
    const { store, user } = await setup(2);
    act(() => store.getState().select(['sparkk8sscala-2']));
    expect(await section().findByRole('note')).toHaveTextContent(
      /shared by 2 tasks: your first change here gives this task its own copy/,
    );
    const instances = group('Executors').getByLabelText('Instances');
    await user.clear(instances);
    await user.type(instances, '5{Enter}');
    const p = pipeline(store);
    expect(findTask(p, 'sparkk8sscala')!.template).toBe('sparkk8sscala');
    expect(findTask(p, 'sparkk8sscala-2')!.template).not.toBe('sparkk8sscala');
    expect(spec(store, 'sparkk8sscala-2').executor).toMatchObject({ instances: 5 });
    expect(spec(store, 'sparkk8sscala').executor).toMatchObject({ instances: 1 });
    expect(screen.getByTestId('notice')).toHaveTextContent(/now runs its own copy/);
    expect(screen.queryByText(/shared by 2 tasks/)).not.toBeInTheDocument();
  });
});

describe('Manifest editor', () => {
  const textarea = () => screen.getByLabelText('Manifest (YAML)');
  const apply = () =>
    within(screen.getByTestId('manifest-editor')).getByRole('button', { name: 'Apply' });

  it('applies nothing while the YAML is invalid and names the line', async () => {
    const { store, user } = await setup();
    const before = pipeline(store);
    await user.clear(textarea());
    await user.click(textarea());
    await user.paste('apiVersion: v1\nkind: ConfigMap\ndata:\n  a: [1\n');
    expect(apply()).toBeDisabled();
    expect(screen.getByTestId('manifest-editor')).toHaveTextContent(/line 4/);
    expect(textarea()).toHaveAttribute('aria-invalid', 'true');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(pipeline(store)).toBe(before);
    await user.clear(textarea());
    await user.paste('- not\n- an object\n');
    expect(apply()).toBeDisabled();
    expect(screen.getByTestId('manifest-editor')).toHaveTextContent(/Kubernetes object/);
  });

  it('applies valid text as written; the form goes when it is no longer Spark', async () => {
    const { store, user, task } = await setup();
    const text =
      '# made by hand\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: {{inputs.parameters.p}}-\n';
    await user.clear(textarea());
    await user.paste(text);
    await user.click(apply());
    expect(manifestText(store, task)).toBe(text);
    expect(screen.queryByTestId('spark-form')).not.toBeInTheDocument();
    expect(section().getByRole('heading')).toHaveTextContent('Resource: ConfigMap');
    expect(section().getByLabelText('Action')).toHaveValue('create');
    // The conditions stay editable without the Spark form.
    expect(section().getByLabelText('Success condition')).toBeInTheDocument();
    act(() => store.getState().undo());
    expect(screen.getByTestId('spark-form')).toBeInTheDocument();
  });

  it('is the whole editor for a resource entry of another kind', async () => {
    const config = `resources:
  - name: cm
    manifest:
      apiVersion: v1
      kind: ConfigMap
      metadata: {generateName: cm-}
      data: {a: "1"}
`;
    const { store, user, task } = await setup(2, config, 'cm');
    expect(screen.queryByTestId('spark-form')).not.toBeInTheDocument();
    expect(section().getByRole('note')).toHaveTextContent(/changes here apply to all of them/);
    await user.selectOptions(section().getByLabelText('Action'), 'apply');
    await user.click(section().getByLabelText(/setOwnerReference/));
    const p = pipeline(store);
    expect(findTemplate(p, findTask(p, task)!.template)!.resource).toMatchObject({
      action: 'apply',
      setOwnerReference: true,
    });
    // Shared, not Spark: both tasks still run the one template.
    expect(new Set(scopeTasks(p).map((t) => t.template)).size).toBe(1);
  });
});
