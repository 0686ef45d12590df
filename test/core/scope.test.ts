// Every Argo workflow on the canvas: the template in scope as nodes (DAG
// tasks, steps in groups, or one leaf), drilling into the DAG and steps
// templates a node calls, and the whole call tree of every Argo example
// reachable that way.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDocuments, type Pipeline } from '../../src/core';
import { scopeView } from '../../src/core/model/scopeView';
import { withScope } from '../../src/core/model/scope';
import { findTemplate, workflowSpec } from '../../src/core/model/spec';
import {
  callPath,
  handlerCalls,
  invocations,
  reachableTemplates,
} from '../../src/core/model/templateGraph';
import { argoExamplePath, hasShared, listArgoExamples, SKIP_REASON } from '../support/sharedData';

const openExample = (file: string): Pipeline[] =>
  openDocuments(readFileSync(argoExamplePath(file), 'utf8'), file)
    .documents.map((d) => d.pipeline)
    .filter((p): p is Pipeline => p !== undefined);

const HELLO = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {generateName: hello-}
spec:
  entrypoint: main
  onExit: bye
  templates:
  - {name: main, container: {image: alpine}}
  - {name: bye, container: {image: alpine}}
`;

describe('scopeView', () => {
  it('draws a leaf entrypoint as one node for the template', () => {
    const p = openDocuments(HELLO).documents[0]!.pipeline!;
    expect(p.scope).toBe('main');
    const view = scopeView(p);
    expect(view.type).toBe('container');
    expect(view.nodes.map((n) => [n.id, n.kind])).toEqual([['main', 'template']]);
  });

  it.skipIf(!hasShared)(
    `draws steps.yaml as groups: hello1, then hello2a beside hello2b (${SKIP_REASON})`,
    () => {
      const [p] = openExample('steps.yaml');
      expect(p!.scope).toBe('hello-hello-hello');
      const view = scopeView(p!);
      expect(view.type).toBe('steps');
      expect(view.groups).toEqual([1, 2]);
      expect(view.nodes.map((n) => [n.id, n.kind, n.group, n.index])).toEqual([
        ['hello1', 'step', 0, 0],
        ['hello2a', 'step', 1, 0],
        ['hello2b', 'step', 1, 1],
      ]);
    },
  );

  it.skipIf(!hasShared)(
    `opens nested-diamond from dag-nested.yaml's tasks (${SKIP_REASON})`,
    () => {
      const [p] = openExample('dag-nested.yaml');
      const outer = scopeView(p!);
      expect(outer.nodes.map((n) => [n.id, n.opens])).toEqual([
        ['A', 'nested-diamond'],
        ['B', 'nested-diamond'],
        ['C', 'nested-diamond'],
        ['D', 'nested-diamond'],
      ]);
      const inner = scopeView(withScope(p!, 'nested-diamond'));
      expect(inner.nodes.map((n) => [n.id, n.opens])).toEqual([
        ['A', undefined],
        ['B', undefined],
        ['C', undefined],
        ['D', undefined],
      ]);
      expect(callPath('diamond', 'nested-diamond', (n) => findTemplate(p!, n))).toEqual([
        { template: 'diamond' },
        { template: 'nested-diamond', via: 'A' },
      ]);
    },
  );
});

describe('the call tree of every Argo example on the canvas (drill-down)', () => {
  /**
   * Walks the canvas as a user can: from the scope a document opens on, into
   * every template a node opens, and into exit handlers and hooks (shown as
   * badges that open their template). Counts the invocations reachable from
   * the entry points and those shown as a node at some level.
   */
  function visibility(p: Pipeline): { reachable: number; shown: number } {
    const lookup = (n: string) => findTemplate(p, n);
    const reachable = [...reachableTemplates(workflowSpec(p), lookup)].reduce(
      (n, t) => n + invocations(lookup(t)).length,
      0,
    );
    const seen = new Set<string>();
    const queue = [p.scope!, ...handlerCalls(workflowSpec(p)).map((h) => h.template)];
    let shown = 0;
    while (queue.length > 0) {
      const name = queue.shift()!;
      if (seen.has(name) || !lookup(name)) continue;
      seen.add(name);
      const view = scopeView(withScope(p, name));
      for (const node of view.nodes) {
        if (node.kind !== 'template') shown++;
        if (node.opens) queue.push(node.opens);
        for (const h of handlerCalls(node.task)) queue.push(h.template);
      }
    }
    return { reachable, shown };
  }

  it.skipIf(!hasShared)(`shows every reachable invocation as a node (${SKIP_REASON})`, () => {
    let documents = 0;
    let whole = 0;
    let reachableTotal = 0;
    let shownTotal = 0;
    const partial: string[] = [];
    for (const file of listArgoExamples()) {
      let pipelines: Pipeline[];
      try {
        pipelines = openExample(file);
      } catch {
        continue;
      }
      for (const p of pipelines) {
        if (p.kind !== 'Workflow' || p.scope === undefined) continue;
        documents++;
        const { reachable, shown } = visibility(p);
        reachableTotal += reachable;
        shownTotal += shown;
        if (shown >= reachable) whole++;
        else partial.push(`${file}: ${shown}/${reachable}`);
      }
    }
    console.log(
      `drill-down: ${whole} of ${documents} workflow documents show their whole call tree; ${shownTotal} of ${reachableTotal} reachable invocations shown`,
    );
    expect(partial).toEqual([]);
    expect(documents).toBeGreaterThan(150);
  });
});
