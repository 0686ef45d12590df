/**
 * The runs of the workflow being edited (core runHistory): loaded a page at
 * a time, filtered by phase on the server, live and archived together; one
 * opens on the canvas (a live one is watched, an archived one shown as it
 * ended); two compare task by task.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { RunComparison, RunsCursor, RunsQuery, RunSummary } from '../core/argo/client';
import { runState } from '../core/argo/client/runStatus';
import { pipelineLabelValue } from '../core/argo/pipelineLabel';
import type { JsonObject } from '../core/model/types';
import { explainArgoError, loadArgoClient } from './argoClient';
import type { EditorState } from './editorStore';

export interface RunsState {
  status: 'idle' | 'loading' | 'loaded' | 'failed';
  items: RunSummary[];
  cursor?: RunsCursor;
  more: boolean;
  /** Only runs in these phases; empty: all. */
  phases: string[];
  error?: string;
  /** The query the list is for (pipeline label and prefix): a new document starts over. */
  for?: string;
}

export interface CompareState {
  a: RunSummary;
  b: RunSummary;
  result?: RunComparison;
  error?: string;
}

export interface RunsSlice {
  runs: RunsState;
  compare: CompareState | undefined;
  /** Loads the first page (`reset`) or the next one. */
  loadRuns(options?: { reset?: boolean }): Promise<void>;
  setRunPhases(phases: string[]): Promise<void>;
  /** Shows a run on the canvas: watched when live, as it ended when archived. */
  openRunFromHistory(run: RunSummary): Promise<void>;
  compareRuns(a: RunSummary, b: RunSummary): Promise<void>;
  closeCompare(): void;
}

const PAGE = 25;

export const createRunsSlice: StateCreator<EditorState, [], [], RunsSlice> = (set, get) => {
  const query = (): RunsQuery => {
    const meta = get().pipeline.metadata;
    const q: RunsQuery = { pageSize: PAGE, phases: get().runs.phases };
    const pipeline = pipelineLabelValue(meta);
    if (pipeline) q.pipeline = pipeline;
    if (typeof meta.generateName === 'string' && meta.generateName)
      q.namePrefix = meta.generateName;
    else if (typeof meta.name === 'string' && meta.name) q.namePrefix = meta.name;
    return q;
  };
  const explain = (e: unknown) =>
    explainArgoError(e, {
      server: get().connection.server,
      namespace: get().namespace(),
      token: get().token,
    });
  const fetchWorkflow = async (run: RunSummary): Promise<JsonObject> => {
    const { getArchivedWorkflow } = await loadArgoClient();
    const client = await get().client();
    return run.archived && run.uid
      ? getArchivedWorkflow(client, run.uid)
      : client.getWorkflow(run.name);
  };

  return {
    runs: { status: 'idle', items: [], more: false, phases: [] },
    compare: undefined,

    async loadRuns(options) {
      const q = query();
      const key = JSON.stringify([q.pipeline, q.namePrefix, q.phases, get().namespace()]);
      const current = get().runs;
      const reset = options?.reset || current.for !== key || !current.cursor;
      if (!reset && !current.more) return;
      set({ runs: { ...current, status: 'loading', for: key, ...(reset ? { items: [] } : {}) } });
      try {
        const m = await loadArgoClient();
        const cursor = reset ? m.firstCursor(q) : current.cursor!;
        const page = await m.nextRuns(await get().client(), q, cursor);
        if (get().runs.for !== key) return;
        const items = reset ? page.runs : m.mergeRuns(get().runs.items, page.runs);
        const runs: RunsState = {
          status: 'loaded',
          items,
          cursor: page.cursor,
          more: page.more,
          phases: q.phases ?? [],
          for: key,
        };
        if (page.cursor.archive === 'unavailable')
          runs.error =
            'The server’s workflow archive could not be read: only live runs are listed.';
        set({ runs });
      } catch (e) {
        if (get().runs.for === key)
          set({ runs: { ...get().runs, status: 'failed', error: await explain(e) } });
      }
    },

    async setRunPhases(phases) {
      set({ runs: { ...get().runs, phases } });
      await get().loadRuns({ reset: true });
    },

    async openRunFromHistory(run) {
      if (!run.archived) return get().openRun(run.name);
      try {
        const wf = await fetchWorkflow(run);
        get().closeRun();
        const p = get().pipeline;
        set({
          run: {
            state: runState(wf),
            workflow: wf,
            watch: 'finished',
            submitted: p,
          },
        });
      } catch (e) {
        set({ runs: { ...get().runs, error: await explain(e) } });
      }
    },

    async compareRuns(a, b) {
      set({ compare: { a, b } });
      try {
        const [wa, wb] = await Promise.all([fetchWorkflow(a), fetchWorkflow(b)]);
        const { compareRuns } = await loadArgoClient();
        if (get().compare?.a !== a || get().compare?.b !== b) return;
        set({ compare: { a, b, result: compareRuns(wa, wb) } });
      } catch (e) {
        const error = await explain(e);
        if (get().compare?.a === a) set({ compare: { a, b, error } });
      }
    },

    closeCompare: () => set({ compare: undefined }),
  };
};
