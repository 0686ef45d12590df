/**
 * The runs of one workflow, newest first: the live workflows and the archived
 * ones (when the server has an archive), found by the label the editor puts on
 * what it submits (`argoflow.dev/pipeline=<name>`) and by the generateName
 * prefix (runs submitted some other way). Each source is paged on its own;
 * `nextRuns` fetches one page of each that has more, and runs are told apart
 * by uid, so a run the server lists both live and archived shows once.
 */
import { isObject, type JsonObject } from '../../model/types';
import { PIPELINE_LABEL } from '../submitOptions';
import type { ArgoClient } from './argoClient';
import { ArgoApiError } from './errors';
import { listArchivedWorkflows, listWorkflows, RUN_LIST_FIELDS, type Page } from './lists';
import { durationSeconds } from './runStatus';

export interface RunSummary {
  name: string;
  uid?: string;
  namespace?: string;
  phase: string;
  createdAt?: string;
  startedAt?: string;
  finishedAt?: string;
  durationSeconds?: number;
  progress?: string;
  message?: string;
  /** From Argo's creator labels (SSO), when the server set them. */
  submitter?: string;
  archived: boolean;
  parameters: Record<string, string>;
}

export interface RunsQuery {
  /** Value of the pipeline label. */
  pipeline?: string;
  /** generateName of the workflow. */
  namePrefix?: string;
  /** Only these phases (the `workflows.argoproj.io/phase` label). */
  phases?: string[];
  pageSize?: number;
}

type Source = {
  archived: boolean;
  by: 'label' | 'prefix';
  continue?: string;
  done: boolean;
};

export interface RunsCursor {
  sources: Source[];
  /** 'unknown' until the archive answered; 'unavailable' when it failed (the list goes on without it). */
  archive: 'unknown' | 'available' | 'unavailable';
}

const L = 'workflows.argoproj.io/';
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

export function summarizeRun(wf: JsonObject, archived: boolean): RunSummary {
  const meta = isObject(wf.metadata) ? wf.metadata : {};
  const status = isObject(wf.status) ? wf.status : {};
  const labels = isObject(meta.labels) ? meta.labels : {};
  const spec = isObject(wf.spec) ? wf.spec : {};
  const args =
    isObject(spec.arguments) && Array.isArray(spec.arguments.parameters)
      ? spec.arguments.parameters
      : [];
  const run: RunSummary = {
    name: str(meta.name) ?? '',
    phase: str(status.phase) ?? 'Pending',
    archived,
    parameters: Object.fromEntries(
      args
        .filter(isObject)
        .map((p) => [String(p.name), p.value === undefined ? '' : String(p.value)]),
    ),
  };
  const set = <K extends keyof RunSummary>(k: K, v: RunSummary[K] | undefined) => {
    if (v !== undefined) run[k] = v;
  };
  set('uid', str(meta.uid));
  set('namespace', str(meta.namespace));
  set('createdAt', str(meta.creationTimestamp));
  set('startedAt', str(status.startedAt));
  set('finishedAt', str(status.finishedAt));
  set('progress', str(status.progress));
  set('message', str(status.message));
  set(
    'submitter',
    str(labels[`${L}creator-preferred-username`]) ??
      str(labels[`${L}creator-email`])?.replace('.at.', '@') ??
      str(labels[`${L}creator`]),
  );
  if (run.startedAt && run.finishedAt)
    set('durationSeconds', durationSeconds(run.startedAt, run.finishedAt));
  return run;
}

/** Newest first: by start (or creation) time, then name. */
export function sortRuns(runs: RunSummary[]): RunSummary[] {
  const when = (r: RunSummary) => r.startedAt ?? r.createdAt ?? '';
  return [...runs].sort((a, b) => when(b).localeCompare(when(a)) || b.name.localeCompare(a.name));
}

/** Runs from several pages as one list: a run listed twice (by uid, else name) shows once, live first. */
export function mergeRuns(...lists: RunSummary[][]): RunSummary[] {
  const seen = new Map<string, RunSummary>();
  for (const r of lists.flat()) {
    const key = r.uid ?? `name:${r.name}`;
    const had = seen.get(key);
    if (!had || (had.archived && !r.archived)) seen.set(key, r);
  }
  return sortRuns([...seen.values()]);
}

export function firstCursor(q: RunsQuery): RunsCursor {
  const sources: Source[] = [];
  for (const archived of [false, true]) {
    if (q.pipeline) sources.push({ archived, by: 'label', done: false });
    if (q.namePrefix) sources.push({ archived, by: 'prefix', done: false });
  }
  return { sources, archive: 'unknown' };
}

function selector(q: RunsQuery, by: Source['by']): string {
  const parts: string[] = [];
  if (by === 'label' && q.pipeline) parts.push(`${PIPELINE_LABEL}=${q.pipeline}`);
  if (q.phases && q.phases.length > 0) parts.push(`${L}phase in (${q.phases.join(',')})`);
  return parts.join(',');
}

/** The next page of every source that has more; the archive failing does not stop the list. */
export async function nextRuns(
  client: ArgoClient,
  q: RunsQuery,
  cursor: RunsCursor,
): Promise<{ runs: RunSummary[]; cursor: RunsCursor; more: boolean }> {
  let archive = cursor.archive;
  const runs: RunSummary[] = [];
  const sources = await Promise.all(
    cursor.sources.map(async (s): Promise<Source> => {
      if (s.done || (s.archived && archive === 'unavailable')) return { ...s, done: true };
      const list = s.archived ? listArchivedWorkflows : listWorkflows;
      let page: Page;
      try {
        page = await list(client, {
          limit: q.pageSize ?? 50,
          continue: s.continue,
          labelSelector: selector(q, s.by) || undefined,
          namePrefix: s.by === 'prefix' ? q.namePrefix : undefined,
          fields: s.archived ? undefined : RUN_LIST_FIELDS,
        });
      } catch (e) {
        if (!s.archived || !(e instanceof ArgoApiError)) throw e;
        archive = 'unavailable';
        return { ...s, done: true };
      }
      if (s.archived && archive === 'unknown') archive = 'available';
      runs.push(...page.items.map((wf) => summarizeRun(wf, s.archived)));
      const next: Source = { archived: s.archived, by: s.by, done: !page.continue };
      if (page.continue) next.continue = page.continue;
      return next;
    }),
  );
  return {
    runs: mergeRuns(runs),
    cursor: { sources, archive },
    more: sources.some((s) => !s.done),
  };
}
