/**
 * The simulated run as a Workflow object, `status.nodes` keyed by node id as
 * the controller writes them, so code that reads a real run reads this one.
 * Times are not simulated: a node says in which reconciliation (`step`) it
 * started and finished instead (in `simulatedSteps`), and `startedAt` /
 * `finishedAt` stay null.
 */
import { isObject, type JsonObject } from '../model/types';
import type { PreparedWorkflow } from './prepare';
import type { SimNode, SimulationSnapshot } from './types';

function nodeStatus(n: SimNode, wf: PreparedWorkflow): JsonObject {
  const out: JsonObject = {
    id: n.id,
    name: n.name,
    displayName: n.displayName,
    type: n.type,
    phase: n.phase,
    startedAt: null,
    finishedAt: null,
    simulatedSteps: { started: n.startedStep, finished: n.finishedStep ?? null },
    templateScope: wf.ctx.scope,
  };
  if (n.templateName !== undefined) out.templateName = n.templateName;
  if (n.boundaryID !== undefined) out.boundaryID = n.boundaryID;
  if (n.children.length > 0) out.children = [...n.children];
  if (n.outboundNodes) out.outboundNodes = [...n.outboundNodes];
  if (n.message !== undefined) out.message = n.message;
  if (n.daemoned) out.daemoned = true;
  if (n.hooked) out.nodeFlag = { hooked: true };
  const params = Object.entries(n.outputs)
    .filter(([k]) => k.startsWith('parameters.'))
    .map(([k, value]) => ({ name: k.slice('parameters.'.length), value }));
  const outputs: JsonObject = {};
  if (params.length > 0) outputs.parameters = params;
  if (n.outputs.result !== undefined) outputs.result = n.outputs.result;
  if (n.outputs.exitCode !== undefined) outputs.exitCode = n.outputs.exitCode;
  if (Object.keys(outputs).length > 0) out.outputs = outputs;
  return out;
}

export function workflowObject(
  wf: PreparedWorkflow,
  snap: Omit<SimulationSnapshot, 'workflow'>,
): JsonObject {
  const meta = isObject(wf.manifest.metadata) ? wf.manifest.metadata : {};
  const pods = snap.nodes.filter((n) => n.type === 'Pod');
  const done = pods.filter((n) => ['Succeeded', 'Failed', 'Error'].includes(n.phase));
  const status: JsonObject = {
    phase: snap.phase,
    startedAt: null,
    finishedAt: null,
    progress: `${done.length}/${pods.length}`,
    nodes: Object.fromEntries(snap.nodes.map((n) => [n.id, nodeStatus(n, wf)])),
  };
  if (snap.message !== undefined) status.message = snap.message;
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      ...meta,
      name: wf.name,
      namespace: wf.namespace,
      labels: {
        ...(isObject(meta.labels) ? meta.labels : {}),
        'workflows.argoproj.io/phase': snap.phase,
      },
    },
    spec: {
      entrypoint: wf.entrypoint,
      arguments: wf.arguments,
      templates: [...wf.ctx.templates.values()],
    },
    status,
  };
}
