/**
 * A what-if run of a workflow without a cluster: the controller's
 * reconciliation loop (workflow/controller operator.go `operate`,
 * `executeTemplate`) over the manifest, with leaves that end as the user says.
 *
 * Each `step()` is one reconciliation: leaves started in an earlier step end
 * (Succeeded unless marked Failed or Error), then the templates are walked
 * from the entrypoint and every node that may start now starts. So A -> B
 * takes three steps: A runs; A ends and B runs; B ends and the workflow ends.
 * Nodes are named and linked as Argo names and links them, so `status.nodes`
 * reads like a real run's.
 */
import { argoNodeId, argoPodName } from '../argo/nodeIds';
import { isObject, type JsonObject } from '../model/types';
import { isFulfilled, type Call, type Engine, type NewNode } from './context';
import { executeDag } from './dag';
import { evaluateExpr, whenResult } from './expression';
import { runRetry, retryStrategyOf } from './retry';
import { executeSteps } from './steps';
import { scopeLookup, substitute, substituteDeep } from './substitute';
import type {
  LeafOutcome,
  NodePhase,
  SimNode,
  SimNote,
  SimulationOptions,
  SimulationSnapshot,
} from './types';
import { workflowObject } from './workflowObject';
import { prepareWorkflow, type PreparedWorkflow } from './prepare';
import { resolveCall, templateInputs } from './templates';

const LEAF_KEYS = ['container', 'script', 'resource', 'http', 'plugin', 'data', 'containerSet'];
const asObj = (v: unknown): JsonObject => (isObject(v) ? v : {});
const list = (v: unknown): JsonObject[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** `B(0:foo)/A(1:x)` -> `B/A`: a loop task's mark covers every item. */
const baseKey = (path: string[]) => path.map((p) => p.replace(/\(\d+:.*\)$/s, '')).join('/');

/** An own property only: `constructor` is a task name like any other. */
function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

export class Simulation implements Engine {
  readonly options: SimulationOptions;
  private readonly nodes = new Map<string, SimNode>();
  private readonly ids = new Map<string, SimNode>();
  private readonly notes = new Map<string, SimNote>();
  private readonly wf: PreparedWorkflow;
  private readonly globals: Map<string, string>;
  private steps = 0;
  private phase: SimulationSnapshot['phase'] = 'Pending';
  private message: string | undefined;
  private finished = false;
  /** What a running leaf needs to end: its template (outputs), scope and attempt. */
  private readonly leaves = new Map<
    SimNode,
    { tmpl: JsonObject; scope: ReadonlyMap<string, string>; attempt: number }
  >();

  constructor(manifest: JsonObject, options: SimulationOptions = {}) {
    this.options = options;
    this.wf = prepareWorkflow(manifest, options);
    this.globals = this.wf.globals;
    for (const n of this.wf.notes) this.note([], n);
    if (this.wf.error) {
      this.phase = 'Error';
      this.message = this.wf.error;
      this.finished = true;
    }
  }

  get step(): number {
    return this.steps;
  }
  get global(): ReadonlyMap<string, string> {
    return this.globals;
  }
  get done(): boolean {
    return this.finished;
  }

  node(name: string): SimNode | undefined {
    return this.nodes.get(name);
  }
  byId(id: string): SimNode | undefined {
    return this.ids.get(id);
  }

  create(f: NewNode): SimNode {
    const node: SimNode = {
      id: argoNodeId(this.wf.name, f.name),
      name: f.name,
      displayName: f.displayName,
      type: f.type,
      phase: f.phase,
      children: [],
      path: f.path,
      startedStep: this.steps,
      outputs: {},
    };
    if (f.templateName !== undefined) node.templateName = f.templateName;
    if (f.boundaryID !== undefined) node.boundaryID = f.boundaryID;
    if (f.message !== undefined) node.message = f.message;
    if (f.hooked) node.hooked = true;
    if (isFulfilled(node)) node.finishedStep = this.steps;
    this.nodes.set(node.name, node);
    this.ids.set(node.id, node);
    return node;
  }

  addChild(parent: SimNode, child: SimNode): void {
    if (!parent.children.includes(child.id)) parent.children.push(child.id);
  }

  finish(node: SimNode, phase: NodePhase, message?: string): SimNode {
    node.phase = phase;
    if (message !== undefined) node.message = message;
    if (isFulfilled(node) && node.finishedStep === undefined) node.finishedStep = this.steps;
    return node;
  }

  note(path: string[], message: string): void {
    const key = `${path.join('/')}\n${message}`;
    if (!this.notes.has(key)) this.notes.set(key, { path: path.join('/'), message });
  }

  outcome(path: string[]): LeafOutcome | undefined {
    const o = this.options.outcomes;
    return own(o, path.join('/')) ?? own(o, baseKey(path));
  }

  private userOutputs(path: string[]): Record<string, string> {
    const o = this.options.outputs;
    return { ...own(o, baseKey(path)), ...own(o, path.join('/')) };
  }

  when(text: unknown, path: string[]): { value: boolean } | { error: string } {
    if (typeof text !== 'string' || text.trim() === '') return { value: true };
    const chosen = own(this.options.when, path.join('/')) ?? own(this.options.when, baseKey(path));
    if (chosen !== undefined) return { value: chosen };
    // Tags still in the text had no value (an output nobody set, an expression not simulated).
    const unresolved = [...text.matchAll(/\{\{(.*?)\}\}/gs)].map((m) => m[1]!.trim());
    if (unresolved.length > 0) {
      this.note(path, `when '${text}' needs ${unresolved.join(', ')}; simulated as true`);
      return { value: true };
    }
    return whenResult(text);
  }

  // ------------------------------------------------------------ templates

  /** executeTemplate: the node of one call, created or advanced. */
  execute(call: Call): SimNode {
    const existing = this.nodes.get(call.nodeName);
    if (existing && isFulfilled(existing)) return existing;
    const resolved = resolveCall(call, this.options.resolveTemplateRef);
    const base = {
      name: call.nodeName,
      displayName: call.displayName,
      path: call.path,
      boundaryID: call.boundaryID,
      hooked: call.hooked,
    };
    if ('error' in resolved) {
      this.note(call.path, resolved.error);
      return (
        existing ??
        this.create({ ...base, type: 'Skipped', phase: 'Error', message: resolved.error })
      );
    }
    const { tmpl, ctx } = resolved;
    const templateName = String(tmpl.name ?? call.displayName);
    const scope = templateInputs(tmpl, asObj(call.holder.arguments), this.globals);
    if (typeof scope === 'string')
      return (
        existing ??
        this.create({ ...base, templateName, type: 'Pod', phase: 'Error', message: scope })
      );
    const retry =
      call.attempt === undefined ? retryStrategyOf(tmpl, this.wf.templateDefaults) : undefined;
    if (retry) return runRetry(this, call, retry, templateName, scope);
    if (isObject(tmpl.dag)) return executeDag(this, call, tmpl, ctx, scope, templateName);
    if (Array.isArray(tmpl.steps)) return executeSteps(this, call, tmpl, ctx, scope, templateName);
    if (existing) return existing;
    if (isObject(tmpl.suspend)) {
      this.note(call.path, 'suspend: resumed at once in the simulation');
      return this.create({ ...base, templateName, type: 'Suspend', phase: 'Running' });
    }
    if (!LEAF_KEYS.some((k) => k in tmpl))
      return this.create({
        ...base,
        templateName,
        type: 'Pod',
        phase: 'Error',
        message: `template ${templateName} has nothing to run`,
      });
    const node = this.create({ ...base, templateName, type: 'Pod', phase: 'Running' });
    if (asObj(tmpl.container).image !== undefined && tmpl.daemon === true) node.daemoned = true;
    this.leaves.set(node, { tmpl, scope, attempt: call.attempt ?? 0 });
    return node;
  }

  /** Pods and suspends started in an earlier step end now (podReconciliation). */
  private endLeaves(): void {
    for (const node of this.nodes.values()) {
      if (node.phase !== 'Running' || node.startedStep >= this.steps) continue;
      if (node.type === 'Suspend') this.finish(node, 'Succeeded', 'resumed (simulated)');
      else if (node.type === 'Pod') {
        if (node.daemoned) {
          const boundary = node.boundaryID ? this.byId(node.boundaryID) : undefined;
          if (boundary && isFulfilled(boundary))
            this.finish(node, 'Succeeded', 'daemon stopped with its scope');
          continue;
        }
        this.endPod(node);
      }
    }
  }

  private endPod(node: SimNode): void {
    const leaf = this.leaves.get(node);
    const o = this.outcome(node.path);
    const attempt = leaf?.attempt ?? 0;
    const phase = o && (o.times === undefined || attempt < o.times) ? o.phase : 'Succeeded';
    node.outputs = { exitCode: phase === 'Succeeded' ? '0' : '1' };
    for (const p of list(asObj(leaf?.tmpl.outputs).parameters)) {
      const from = asObj(p.valueFrom);
      const fallback = p.value ?? from.default;
      if (typeof fallback === 'string' && leaf) {
        const r = substitute(fallback, leaf.scope);
        if (r.unresolved.length === 0) node.outputs[`parameters.${String(p.name)}`] = r.text;
      }
    }
    Object.assign(node.outputs, this.userOutputs(node.path));
    const message =
      phase === 'Failed'
        ? 'Error (exit code 1)'
        : phase === 'Error'
          ? 'simulated error'
          : undefined;
    this.finish(node, phase, message);
  }

  runExitHook(
    holder: JsonObject,
    parent: SimNode,
    call: Omit<Call, 'holder' | 'nodeName' | 'displayName' | 'path'>,
    scope: ReadonlyMap<string, string>,
  ): SimNode | undefined {
    const hooks = asObj(holder.hooks);
    const hook = isObject(hooks.exit)
      ? hooks.exit
      : typeof holder.onExit === 'string' && holder.onExit
        ? { template: holder.onExit }
        : undefined;
    if (!hook) return undefined;
    const exitScope = new Map(scope);
    for (const [k, v] of Object.entries(parent.outputs)) exitScope.set(`outputs.${k}`, v);
    const unresolved: string[] = [];
    const resolvedHook = substituteDeep(hook, exitScope, unresolved);
    const node = this.execute({
      ...call,
      holder: resolvedHook,
      nodeName: `${parent.name}.onExit`,
      displayName: `${parent.displayName}.onExit`,
      path: [...parent.path, 'onExit'],
      hooked: true,
    });
    this.addChild(parent, node);
    return node;
  }

  // ------------------------------------------------------------ the loop

  /** One reconciliation. */
  advance(): void {
    if (this.finished) return;
    this.steps++;
    this.phase = 'Running';
    this.endLeaves();
    const wf = this.wf;
    const root = this.execute({
      nodeName: wf.name,
      displayName: wf.name,
      holder: { template: wf.entrypoint, arguments: wf.arguments },
      path: [],
      ctx: wf.ctx,
    });
    if (!isFulfilled(root)) return;
    const status =
      root.phase === 'Failed' ? 'Failed' : root.phase === 'Error' ? 'Error' : 'Succeeded';
    this.globals.set('workflow.status', status);
    this.globals.set('workflow.failures', this.failures());
    let exit: SimNode | undefined;
    if (wf.exitHook) {
      exit = this.execute({
        nodeName: `${wf.name}.onExit`,
        displayName: `${wf.name}.onExit`,
        holder: wf.exitHook,
        path: ['onExit'],
        ctx: wf.ctx,
        hooked: true,
      });
      if (!isFulfilled(exit)) return;
    }
    if (status === 'Succeeded' && exit && (exit.phase === 'Failed' || exit.phase === 'Error')) {
      this.end(exit.phase, exit.message);
    } else this.end(status, root.message);
  }

  private end(phase: 'Succeeded' | 'Failed' | 'Error', message: string | undefined): void {
    this.phase = phase;
    this.message = message;
    this.finished = true;
  }

  private failures(): string {
    const failed = [...this.nodes.values()]
      .filter((n) => (n.phase === 'Failed' || n.phase === 'Error') && n.type === 'Pod')
      .map((n) => ({
        displayName: n.displayName,
        message: n.message ?? '',
        templateName: n.templateName ?? '',
        phase: n.phase,
        podName: argoPodName(this.wf.name, n.templateName ?? '', n.name),
      }));
    return JSON.stringify(failed);
  }

  /** Reconciles until the workflow ends (or `maxSteps`, default 1,000). */
  run(): this {
    const max = this.options.maxSteps ?? 1000;
    while (!this.finished && this.steps < max) this.advance();
    if (!this.finished) this.note([], `stopped after ${max} steps without the workflow ending`);
    return this;
  }

  snapshot(): SimulationSnapshot {
    const nodes = [...this.nodes.values()].map((n) => structuredClone(n));
    const snap: Omit<SimulationSnapshot, 'workflow'> = {
      step: this.steps,
      phase: this.phase,
      finished: this.finished,
      nodes,
      notes: [...this.notes.values()],
    };
    if (this.message !== undefined) snap.message = this.message;
    return { ...snap, workflow: workflowObject(this.wf, snap) };
  }

  /** For `retryStrategy.expression`: Argo's `lastRetry` names. */
  evaluateRetryExpression(expression: string, last: SimNode): boolean | undefined {
    const scope = new Map(this.globals);
    scope.set('lastRetry.exitCode', last.outputs.exitCode ?? '1');
    scope.set('lastRetry.status', last.phase);
    scope.set('lastRetry.duration', '0');
    scope.set('lastRetry.message', last.message ?? '');
    const r = evaluateExpr(expression, scopeLookup(scope));
    return r.ok && typeof r.value === 'boolean' ? r.value : undefined;
  }
}

/** Runs a manifest to its end. */
export function simulate(
  manifest: JsonObject,
  options: SimulationOptions = {},
): SimulationSnapshot {
  return new Simulation(manifest, options).run().snapshot();
}
