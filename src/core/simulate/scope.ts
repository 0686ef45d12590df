/**
 * What a finished node offers to later tasks and steps, by the names Argo
 * puts in scope (workflow/controller operator.go `buildLocalScope`):
 * `<prefix>.status`, `.exitCode`, `.id`, `.outputs.result`,
 * `.outputs.parameters.X`; for a loop, the items' results and parameters as
 * JSON lists (`processAggregateNodeOutputs`).
 */
import type { SimNode } from './types';

export function addNodeToScope(scope: Map<string, string>, prefix: string, node: SimNode): void {
  scope.set(`${prefix}.id`, node.id);
  scope.set(`${prefix}.status`, node.phase);
  scope.set(`${prefix}.startedAt`, `step ${node.startedStep}`);
  if (node.finishedStep !== undefined)
    scope.set(`${prefix}.finishedAt`, `step ${node.finishedStep}`);
  for (const [name, value] of Object.entries(node.outputs)) {
    if (name === 'exitCode') scope.set(`${prefix}.exitCode`, value);
    scope.set(`${prefix}.outputs.${name}`, value);
  }
}

/** A loop's items in scope as one: results and each parameter as JSON lists. */
export function addAggregateToScope(
  scope: Map<string, string>,
  prefix: string,
  items: SimNode[],
): void {
  const results = items.map((n) => n.outputs.result).filter((r) => r !== undefined);
  if (results.length > 0) scope.set(`${prefix}.outputs.result`, JSON.stringify(results));
  const params = new Map<string, string[]>();
  for (const n of items)
    for (const [k, v] of Object.entries(n.outputs))
      if (k.startsWith('parameters.')) params.set(k, [...(params.get(k) ?? []), v]);
  for (const [k, values] of params) scope.set(`${prefix}.outputs.${k}`, JSON.stringify(values));
  const objects = items.map((n) =>
    Object.fromEntries(
      Object.entries(n.outputs)
        .filter(([k]) => k.startsWith('parameters.'))
        .map(([k, v]) => [k.slice('parameters.'.length), v]),
    ),
  );
  if (params.size > 0) scope.set(`${prefix}.outputs.parameters`, JSON.stringify(objects));
}
