// @vitest-environment jsdom
// The workflow inspector's sections against a real store: the kind switch to
// CronWorkflow with live next run times, schedule and zone errors, argument
// rows, execution fields, YAML lists and the exit handler.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { findTemplate, workflowSpec } from '../../src/core';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import { EditorProvider } from '../../src/ui/EditorContext';
import { Inspector } from '../../src/ui/inspector/Inspector';
import { TIMEOUT } from '../support/timeouts';

// React rendered in jsdom against the real store, typed into key by key: up to
// 1.3 s a test quiet, ten times that at load 20 (test/support/timeouts.ts).
vi.setConfig({ testTimeout: TIMEOUT.component });

function renderInspector(store: EditorStore = createEditorStore()) {
  const user = userEvent.setup();
  render(
    <EditorProvider store={store}>
      <Inspector />
    </EditorProvider>,
  );
  return { user, store };
}

const runs = () => within(screen.getByTestId('cron-next-runs')).queryAllByRole('listitem');
const spec = (store: EditorStore) => workflowSpec(store.getState().pipeline);

describe('WorkflowInspector: CronWorkflow', () => {
  it('switching the kind shows the schedules and the next 5 run times', async () => {
    const { user, store } = renderInspector();
    expect(screen.queryByTestId('cron-next-runs')).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Kind'), 'CronWorkflow');

    expect(store.getState().pipeline.kind).toBe('CronWorkflow');
    expect(screen.getByLabelText(/Schedules/)).toHaveValue('0 * * * *');
    expect(screen.getByTestId('cron-next-runs')).toHaveTextContent('Next 5 runs (UTC');
    expect(runs()).toHaveLength(5);
    // Hourly: every run is on the hour, in UTC.
    for (const li of runs()) expect(li.textContent).toMatch(/ \d\d:00 \(UTC\+00:00\)$/);
  });

  it('recomputes the run times as a schedule and a zone are typed, before committing', async () => {
    const { user, store } = renderInspector();
    await user.selectOptions(screen.getByLabelText('Kind'), 'CronWorkflow');
    const schedules = screen.getByLabelText(/Schedules/);
    await user.clear(schedules);
    await user.type(schedules, '0 9 * * 1-5');
    expect(store.getState().pipeline.spec.schedules).toEqual(['0 * * * *']); // not committed yet
    expect(runs()).toHaveLength(5);
    for (const li of runs()) expect(li.textContent).toMatch(/^(Mon|Tue|Wed|Thu|Fri) .* 09:00 /);

    await user.type(screen.getByLabelText('Time zone'), 'Asia/Kolkata');
    expect(screen.getByTestId('cron-next-runs')).toHaveTextContent('(Asia/Kolkata)');
    expect(runs()).toHaveLength(5);
    for (const li of runs()) expect(li.textContent).toMatch(/ 09:00 \(UTC\+05:30\)$/);
    await user.tab();
    expect(store.getState().pipeline.spec).toMatchObject({
      schedules: ['0 9 * * 1-5'],
      timezone: 'Asia/Kolkata',
    });
    // The <time> elements carry the ISO instant with the zone's offset.
    expect(runs()[0]!.querySelector('time')!.getAttribute('dateTime')).toMatch(/T09:00:00\+05:30$/);
  });

  it('shows an error for a bad schedule and does not commit it', async () => {
    const { user, store } = renderInspector();
    await user.selectOptions(screen.getByLabelText('Kind'), 'CronWorkflow');
    const schedules = screen.getByLabelText(/Schedules/);
    await user.clear(schedules);
    await user.type(schedules, '61 * * * *');
    expect(schedules).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent(
      "schedule '61 * * * *' is not a valid cron expression: Invalid value for minute: 61",
    );
    expect(screen.getByTestId('cron-next-runs')).toHaveTextContent('Invalid value for minute');
    await user.tab();
    expect(store.getState().pipeline.spec.schedules).toEqual(['0 * * * *']);
  });

  it('refuses an unknown time zone', async () => {
    const { user, store } = renderInspector();
    await user.selectOptions(screen.getByLabelText('Kind'), 'CronWorkflow');
    const zone = screen.getByLabelText('Time zone');
    await user.type(zone, 'Mars/Olympus{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent("unknown time zone 'Mars/Olympus'");
    expect(store.getState().pipeline.spec.timezone).toBeUndefined();
    expect(screen.queryByTestId('cron-next-runs')).not.toBeInTheDocument();
  });

  it('sets the concurrency policy, deadline, history limits and suspend', async () => {
    const { user, store } = renderInspector();
    await user.selectOptions(screen.getByLabelText('Kind'), 'CronWorkflow');
    await user.selectOptions(screen.getByLabelText('Concurrency policy'), 'Forbid');
    await user.type(screen.getByLabelText('Starting deadline (seconds)'), '120{Enter}');
    await user.type(screen.getByLabelText('Successful workflows kept'), '5{Enter}');
    await user.type(screen.getByLabelText('Failed workflows kept'), '-1{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'failedJobsHistoryLimit must be at least 0',
    );
    await user.click(screen.getByLabelText(/Suspended/));
    expect(store.getState().pipeline.spec).toMatchObject({
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 120,
      successfulJobsHistoryLimit: 5,
      suspend: true,
    });
    expect(store.getState().pipeline.spec.failedJobsHistoryLimit).toBeUndefined();
  });
});

describe('WorkflowInspector: workflow fields', () => {
  it('creates an exit handler and sets spec.onExit; picks none again', async () => {
    const { user, store } = renderInspector();
    await user.click(screen.getByRole('button', { name: 'Create exit handler' }));
    expect(spec(store).onExit).toBe('exit-handler');
    expect(findTemplate(store.getState().pipeline, 'exit-handler')).toBeDefined();
    const select = screen.getByLabelText('Exit handler (onExit)');
    expect(select).toHaveValue('exit-handler');
    // The canvas DAG is not offered as an exit handler.
    expect(within(select).queryByRole('option', { name: 'main' })).not.toBeInTheDocument();
    await user.selectOptions(select, '(none)');
    expect(spec(store).onExit).toBeUndefined();
  });

  it('adds a parameter row and edits its value, enum and description', async () => {
    const { user, store } = renderInspector();
    await user.click(screen.getByRole('button', { name: 'Add parameter' }));
    const row = within(screen.getByTestId('wf-parameter-0'));
    await user.clear(row.getByLabelText('Parameter name'));
    await user.type(row.getByLabelText('Parameter name'), 'env{Enter}');
    await user.type(row.getByLabelText('Enum (comma-separated)'), 'dev, prod{Enter}');
    await user.type(row.getByLabelText('Value'), 'staging');
    expect(row.getByRole('alert')).toHaveTextContent('must be one of: dev, prod');
    await user.clear(row.getByLabelText('Value'));
    await user.type(row.getByLabelText('Value'), 'prod{Enter}');
    await user.type(row.getByLabelText('Description'), 'target{Enter}');
    expect(spec(store).arguments).toEqual({
      parameters: [{ name: 'env', enum: ['dev', 'prod'], value: 'prod', description: 'target' }],
    });
    await user.click(screen.getByRole('button', { name: 'Remove parameter env' }));
    expect(spec(store).arguments).toBeUndefined();
  });

  it('edits execution settings', async () => {
    const { user, store } = renderInspector();
    await user.click(screen.getByText('Execution'));
    await user.type(screen.getByLabelText('Parallelism (pods at once)'), '4{Enter}');
    await user.type(screen.getByLabelText('Service account'), 'runner{Enter}');
    await user.type(screen.getByLabelText('Retry limit (every template)'), '3{Enter}');
    await user.selectOptions(screen.getByLabelText('Retry policy'), 'OnError');
    await user.selectOptions(screen.getByLabelText('Delete pods (podGC)'), 'OnPodSuccess');
    await user.type(screen.getByLabelText('Delete after completion (seconds)'), '3600{Enter}');
    expect(spec(store)).toMatchObject({
      parallelism: 4,
      serviceAccountName: 'runner',
      retryStrategy: { limit: 3, retryPolicy: 'OnError' },
      podGC: { strategy: 'OnPodSuccess' },
      ttlStrategy: { secondsAfterCompletion: 3600 },
    });
  });

  it('checks YAML lists and commits them as objects', async () => {
    const { user, store } = renderInspector();
    const volumes = screen.getByLabelText('Volumes (YAML list)');
    await user.click(volumes);
    await user.paste('name: scratch');
    expect(screen.getByRole('alert')).toHaveTextContent('volumes must be a YAML list');
    await user.clear(volumes);
    await user.paste('- emptyDir: {}');
    expect(screen.getByRole('alert')).toHaveTextContent('volumes[0]: each volume needs a name');
    await user.clear(volumes);
    await user.paste('- name: scratch\n  emptyDir: {}');
    await user.tab();
    expect(spec(store).volumes).toEqual([{ name: 'scratch', emptyDir: {} }]);
  });

  it('shows labels and annotations, refusing the layout annotation key', async () => {
    const { user, store } = renderInspector();
    const annotations = screen.getByLabelText(/Annotations/);
    await user.type(annotations, 'studio.argoflow.io/layout=x');
    expect(screen.getByRole('alert')).toHaveTextContent('reserved');
    await user.clear(annotations);
    await user.type(annotations, 'owner=data-team');
    await user.tab();
    expect(store.getState().pipeline.metadata.annotations).toEqual({ owner: 'data-team' });
  });
});
