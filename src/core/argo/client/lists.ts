/**
 * Paged lists from the Argo Server (swagger.json): WorkflowTemplates,
 * ClusterWorkflowTemplates, Workflows and archived Workflows. A page is at
 * most `limit` items and an opaque `continue` for the next one (Kubernetes'
 * listOptions); every item is checked to be a named object before use.
 */
import { isObject, type JsonObject } from '../../model/types';
import type { ArgoClient } from './argoClient';
import { describeValue, type ReplyShape } from './replies';

export interface ListQuery {
  limit?: number;
  continue?: string;
  /** Kubernetes label selector: `argoflow.dev/pipeline=etl,workflows.argoproj.io/phase in (Failed)`. */
  labelSelector?: string;
  /** Names starting with this (fieldSelector metadata.name + nameFilter=Prefix, or the archive's namePrefix). */
  namePrefix?: string;
  /** Only these fields of each item (the server's `fields`), to keep large lists small. */
  fields?: string;
}

export interface Page {
  items: JsonObject[];
  continue?: string;
}

/** A list reply: `items` a list of named objects (or null when empty), `metadata.continue` text. */
const listOf = (what: string): ReplyShape => ({
  what: `a ${what} list`,
  problem(value) {
    if (!isObject(value)) return describeValue(value);
    const items = value.items;
    if (items !== undefined && items !== null && !Array.isArray(items))
      return `an object whose items is ${describeValue(items)}`;
    const bad = (Array.isArray(items) ? items : []).find(
      (i) => !isObject(i) || !isObject(i.metadata) || typeof i.metadata.name !== 'string',
    );
    if (bad !== undefined) return 'a list with an item that is not a named object';
    const meta = value.metadata;
    if (meta !== undefined && meta !== null && !isObject(meta))
      return 'a list whose metadata is not an object';
    return undefined;
  },
});

const TEMPLATE_LIST = listOf('WorkflowTemplate');
const CLUSTER_TEMPLATE_LIST = listOf('ClusterWorkflowTemplate');
const WORKFLOW_LIST = listOf('Workflow');

/** The fields a runs list needs: names, labels, times and phase, not the node tree. */
export const RUN_LIST_FIELDS = [
  'metadata',
  'items.metadata.name',
  'items.metadata.namespace',
  'items.metadata.uid',
  'items.metadata.labels',
  'items.metadata.annotations',
  'items.metadata.creationTimestamp',
  'items.spec.arguments',
  'items.status.phase',
  'items.status.startedAt',
  'items.status.finishedAt',
  'items.status.progress',
  'items.status.message',
].join(',');

function toPage(reply: JsonObject): Page {
  const items = (Array.isArray(reply.items) ? reply.items : []) as JsonObject[];
  const meta = isObject(reply.metadata) ? reply.metadata : {};
  const next = typeof meta.continue === 'string' && meta.continue ? meta.continue : undefined;
  return next ? { items, continue: next } : { items };
}

function query(q: ListQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (q.limit) params.set('listOptions.limit', String(q.limit));
  if (q.continue) params.set('listOptions.continue', q.continue);
  if (q.labelSelector) params.set('listOptions.labelSelector', q.labelSelector);
  if (q.fields) params.set('fields', q.fields);
  const text = params.toString();
  return text ? `?${text}` : '';
}

const ns = (client: ArgoClient) => encodeURIComponent(client.connection.namespace);

export async function listWorkflowTemplates(client: ArgoClient, q: ListQuery = {}): Promise<Page> {
  const path = `/api/v1/workflow-templates/${ns(client)}${query(q)}`;
  return toPage(await client.request('GET', path, TEMPLATE_LIST));
}

export async function listClusterWorkflowTemplates(
  client: ArgoClient,
  q: ListQuery = {},
): Promise<Page> {
  return toPage(
    await client.request(
      'GET',
      `/api/v1/cluster-workflow-templates${query(q)}`,
      CLUSTER_TEMPLATE_LIST,
    ),
  );
}

/** Live workflows of the namespace (newest first on Argo 3.5+). */
export async function listWorkflows(client: ArgoClient, q: ListQuery = {}): Promise<Page> {
  const extra: Record<string, string> = {};
  if (q.namePrefix) {
    extra['listOptions.fieldSelector'] = `metadata.name=${q.namePrefix}`;
    extra.nameFilter = 'Prefix';
  }
  return toPage(
    await client.request('GET', `/api/v1/workflows/${ns(client)}${query(q, extra)}`, WORKFLOW_LIST),
  );
}

/** Archived workflows of the namespace (empty when the server has no archive). */
export async function listArchivedWorkflows(client: ArgoClient, q: ListQuery = {}): Promise<Page> {
  const extra: Record<string, string> = { namespace: client.connection.namespace };
  if (q.namePrefix) extra.namePrefix = q.namePrefix;
  return toPage(
    await client.request('GET', `/api/v1/archived-workflows${query(q, extra)}`, WORKFLOW_LIST),
  );
}

/** One archived workflow, whole (nodes included). */
export function getArchivedWorkflow(client: ArgoClient, uid: string): Promise<JsonObject> {
  const q = new URLSearchParams({ namespace: client.connection.namespace });
  return client.request('GET', `/api/v1/archived-workflows/${encodeURIComponent(uid)}?${q}`, {
    what: 'an archived Workflow',
    problem: (v) =>
      isObject(v) && isObject(v.metadata) && typeof v.metadata.name === 'string'
        ? undefined
        : `${describeValue(v)} without metadata.name`,
  });
}
