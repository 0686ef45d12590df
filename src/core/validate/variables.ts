/**
 * Every `{{...}}` reference resolves in its scope: Argo's resolveAllVariables
 * (workflow/validate/validate.go). A simple tag that starts with one of
 * Argo's variable roots (`item.`, `steps.`, `inputs.`, `outputs.`, `pod.`,
 * `workflow.`, `tasks.`) must be in scope, or Argo refuses the workflow with
 * "failed to resolve {{tag}}"; other tags are left alone, as Argo does.
 *
 * Argo's scope is more generous than what holds at run time in three places,
 * and there the verdict stays Argo's but a warning says what fails later: a
 * step may read a step of its own group, a DAG task the outputs of a task that
 * is not its ancestor, and `{{item}}` outside a loop. Expressions (`{{=...}}`),
 * which Argo's validator skips, are checked for the same names, as warnings.
 */
import { clip } from '../util/describe';
import type { Ctx, TemplateEntry } from './context';
import { hasOutput, templateType } from './templateType';
import { isObject, type JsonObject } from '../model/types';
import { expressionReferences, forEachString, scanTags } from './tags';
import type { At, Path } from './sink';

const PREFIXES = ['item.', 'steps.', 'inputs.', 'outputs.', 'pod.', 'workflow.', 'tasks.'];

/** What a step or DAG task may read of another step or task. */
export interface NodeInfo {
  /** The template it runs; undefined when it could not be resolved (nothing is checked). */
  template: JsonObject | undefined;
  templateName: string;
  /** withItems or withParam: its outputs are aggregated. */
  looped: boolean;
  /** Argo has `.status` in scope (an ancestor, an earlier step, a task with hooks). */
  status: boolean;
  /** Why it is not available when the reference runs, though Argo's validator accepts it. */
  later?: string;
  /** The reference is to the step or task itself. */
  self?: boolean;
}

export interface NodeScope {
  root: 'steps' | 'tasks';
  /** `templates.main`: the template holding the steps or tasks, for reasons. */
  owner: string;
  get(name: string): NodeInfo | undefined;
  /** Why a name that `get` does not know is unknown: no such step, or it runs later. */
  unknown(name: string): string;
}

export interface ItemScope {
  keys: Set<string>;
  /** withParam: any `item.*` is accepted. */
  any: boolean;
  /** The loop is the step's or task's own (not one an earlier step leaked into Argo's scope). */
  own: boolean;
}

export interface VarScope {
  template: TemplateEntry;
  /** Template-local variables: inputs, `pod.name`, the inline template's inputs. */
  local: Set<string>;
  /** `workflow.failures` is defined (the exit handler). */
  failures: boolean;
  items?: ItemScope;
  nodes?: NodeScope;
}

type Verdict = { level: 'ok' } | { level: 'error' | 'warning'; code: string; reason: string };

const OK: Verdict = { level: 'ok' };

/** Template-local variables (validateInputs and validateTemplate's localParams). */
export function localScope(t: JsonObject, leaf: boolean, pod: boolean): Set<string> {
  const local = new Set<string>();
  const inputs = isObject(t.inputs) ? t.inputs : {};
  const params = Array.isArray(inputs.parameters) ? inputs.parameters : [];
  for (const p of params)
    if (isObject(p) && typeof p.name === 'string') local.add(`inputs.parameters.${p.name}`);
  if (params.length > 0) local.add('inputs.parameters');
  const arts = Array.isArray(inputs.artifacts) ? inputs.artifacts : [];
  for (const a of arts)
    if (isObject(a) && typeof a.name === 'string') {
      local.add(`inputs.artifacts.${a.name}`);
      if (leaf) local.add(`inputs.artifacts.${a.name}.path`);
    }
  if (pod) local.add('pod.name');
  return local;
}

function judge(tag: string, scope: VarScope, ctx: Ctx): Verdict {
  const t = tag.trim();
  if (!PREFIXES.some((p) => t.startsWith(p))) {
    if (t === 'item' && !scope.items?.own)
      return warn(
        'item-outside-loop',
        '{{item}} is set only in a step or task with withItems, withParam or withSequence',
      );
    return OK;
  }
  if (scope.local.has(t)) return OK;
  const g = ctx.globals;
  if (g.names.has(t)) return OK;
  if (t === 'workflow.failures' && scope.failures) return OK;
  if (t.startsWith('tasks.name') || t.startsWith('steps.name')) return OK;
  if (t.startsWith('steps.') || t.startsWith('tasks.')) return nodeVerdict(t, scope);
  if (t.startsWith('item.')) return itemVerdict(t, scope);
  if (t.startsWith('outputs.')) return OK;
  if (/^workflow\.(creationTimestamp|scheduledTime|duration)/.test(t)) return OK;
  const out = /^workflow\.outputs\.(parameters|artifacts)\.(.+)$/.exec(t);
  if (out) {
    const params = out[1] === 'parameters';
    if ((params ? g.outputParameters : g.outputArtifacts).has(out[2]!)) return OK;
    if (params ? g.anyOutputParameter : g.anyOutputArtifact) return OK;
  }
  if (t.startsWith('workflow.parameters') && (ctx.templateValidation || g.anyParameter)) return OK;
  return fail('unresolved-variable', reasonFor(t, scope, ctx));
}

const fail = (code: string, reason: string): Verdict => ({ level: 'error', code, reason });
const warn = (code: string, reason: string): Verdict => ({ level: 'warning', code, reason });

function reasonFor(t: string, scope: VarScope, ctx: Ctx): string {
  const where = scope.template.name
    ? `templates.${clip(scope.template.name)}`
    : 'the inline template';
  let m = /^inputs\.(parameters|artifacts)\.([^.]+)/.exec(t);
  if (m) return `${where} declares no input ${m[1]!.slice(0, -1)} '${clip(m[2]!)}'`;
  m = /^workflow\.parameters\.(.+)/.exec(t);
  if (m) return `spec.arguments.parameters has no '${clip(m[1]!)}'`;
  if (t === 'workflow.failures')
    return ctx.hasExitHandler
      ? `workflow.failures is set only in the exit handler (spec.onExit) and templates it calls`
      : 'workflow.failures is set only in the exit handler, and the workflow has no spec.onExit';
  m = /^workflow\.outputs\.(parameters|artifacts)\.(.+)/.exec(t);
  if (m)
    return `no template exports an output ${m[1]!.slice(0, -1)} with globalName '${clip(m[2]!)}'`;
  if (t === 'pod.name') return 'pod.name is set only in templates that run a pod';
  if (t.startsWith('inputs.artifacts.') && t.endsWith('.path'))
    return 'inputs.artifacts.<name>.path is set only in container, script and other leaf templates';
  return `${clip(t)} is not a variable Argo sets here`;
}

function nodeVerdict(t: string, scope: VarScope): Verdict {
  const root = t.startsWith('steps.') ? 'steps' : 'tasks';
  const rest = t.slice(root.length + 1);
  const dot = rest.indexOf('.');
  const name = dot < 0 ? rest : rest.slice(0, dot);
  const key = dot < 0 ? '' : rest.slice(dot + 1);
  const nodes = scope.nodes;
  if (!nodes || nodes.root !== root)
    return fail(
      'unresolved-variable',
      root === 'steps'
        ? 'steps.* is set only in the steps of a steps template'
        : 'tasks.* is set only in the tasks of a DAG template',
    );
  const info = nodes.get(name);
  if (!info) return fail('unknown-reference', nodes.unknown(name));
  const missing = missingKey(info, key);
  if (missing) return fail(missing.code, info.self && info.later ? info.later : missing.reason);
  return info.later
    ? warn(root === 'tasks' ? 'reference-not-upstream' : 'step-not-earlier', info.later)
    : OK;
}

function missingKey(info: NodeInfo, key: string): { code: string; reason: string } | undefined {
  if (['id', 'startedAt', 'finishedAt', 'hostNodeName'].includes(key)) return undefined;
  if (key === 'status')
    return info.status
      ? undefined
      : {
          code: 'reference-not-upstream',
          reason: info.later ?? 'its status is set only for ancestors',
        };
  const t = info.template;
  if (!t) return undefined;
  const name = clip(info.templateName);
  const aggregated = info.looped && ['Script', 'ContainerSet'].includes(templateType(t));
  if (key === 'outputs.result' || key === 'exitCode')
    return hasOutput(t) || aggregated
      ? undefined
      : {
          code: 'unknown-output',
          reason: `template ${name} produces no result (only container, script, containerSet with a main container, data, http and plugin templates do)`,
        };
  if (key === 'ip')
    return t.daemon === true
      ? undefined
      : { code: 'unknown-output', reason: `template ${name} is not a daemon` };
  if (key === 'outputs.parameters' && info.looped) return undefined;
  const m = /^outputs\.(parameters|artifacts)\.(.+)$/.exec(key);
  if (m) {
    const outputs = isObject(t.outputs) ? t.outputs : {};
    const list = Array.isArray(outputs[m[1]!]) ? (outputs[m[1]!] as unknown[]) : [];
    if (list.some((o) => isObject(o) && o.name === m[2])) return undefined;
    return {
      code: 'unknown-output',
      reason: `template ${name} has no output ${m[1]!.slice(0, -1)} '${clip(m[2]!)}'`,
    };
  }
  return {
    code: 'unknown-output',
    reason: `'${clip(key)}' is not something a ${'step or task'} sets`,
  };
}

function itemVerdict(t: string, scope: VarScope): Verdict {
  const items = scope.items;
  if (!items)
    return fail(
      'item-outside-loop',
      'item.* is set only in a step or task with withItems, withParam or withSequence',
    );
  if (!items.any && !items.keys.has(t))
    return fail(
      'unresolved-variable',
      items.keys.size > 0
        ? `the loop's items have no '${clip(t.slice(5))}' (they have ${[...items.keys].map((k) => k.slice(5)).join(', ')})`
        : "the loop's items are not mappings with keys",
    );
  return items.own
    ? OK
    : warn('item-outside-loop', 'item comes from the loop of an earlier step, not this one');
}

export interface CheckOptions {
  /** Argo's message prefix: `templates.main.tasks.b`, `templates.echo:`. */
  prefix: string;
  /** Subtrees not checked, by key and depth under the value (see forEachString). */
  skip?: (key: string | number, depth: number, parentPath: () => Path) => boolean;
  /** References whose warnings another rule already reports as an error. */
  quiet?: (path: Path) => boolean;
}

/** Checks every tag in `value` against `scope`; reports at the string that holds it. */
export function checkVariables(
  ctx: Ctx,
  value: unknown,
  at: At,
  scope: VarScope,
  opts: CheckOptions,
): void {
  forEachString(
    value,
    at.path,
    (text, path) => {
      if (!text.includes('{{')) return;
      const where = { ...at, path };
      const scanned = scanTags(text);
      if (scanned.unclosed !== undefined) {
        ctx.sink.error(
          'unclosed-tag',
          `${opts.prefix} Cannot find end tag="}}" in '${clip(text.slice(scanned.unclosed))}': '{{' is never closed with '}}'`,
          where,
        );
      }
      for (const tag of scanned.tags) {
        if (tag.expression) {
          checkExpression(ctx, tag.text, where, scope, opts);
          continue;
        }
        const v = judge(tag.text, scope, ctx);
        if (v.level === 'ok') continue;
        if (v.level === 'error')
          ctx.sink.error(
            v.code,
            `${opts.prefix} failed to resolve {{${clip(tag.text)}}}: ${v.reason}`,
            where,
          );
        else if (!opts.quiet?.(path))
          ctx.sink.warning(
            v.code,
            `${opts.prefix} {{${clip(tag.text)}}}: ${v.reason} (Argo's validator lets this through; it fails when the workflow runs)`,
            where,
          );
      }
    },
    opts.skip,
  );
}

function checkExpression(
  ctx: Ctx,
  text: string,
  at: At,
  scope: VarScope,
  opts: CheckOptions,
): void {
  for (const ref of expressionReferences(text.slice(1))) {
    const v = judgeExpressionRef(ref, scope, ctx);
    if (v.level === 'ok') continue;
    ctx.sink.warning(
      v.code,
      `${opts.prefix} {{${clip(text)}}} reads ${clip(ref)}: ${v.reason} (Argo checks expressions only when it runs them)`,
      at,
    );
  }
}

/** Only what an expression names for certain: the step or task, an input, a workflow parameter, an item key. */
function judgeExpressionRef(ref: string, scope: VarScope, ctx: Ctx): Verdict {
  const parts = ref.split('.');
  if (parts[0] === 'steps' || parts[0] === 'tasks') {
    const v = judge(parts.slice(0, 2).join('.') + '.id', scope, ctx);
    return v;
  }
  if (parts[0] === 'inputs' && parts.length >= 3)
    return judge(parts.slice(0, 3).join('.'), scope, ctx);
  if (parts[0] === 'workflow' && parts[1] === 'parameters' && parts.length >= 3)
    return judge(parts.slice(0, 3).join('.'), scope, ctx);
  if (parts[0] === 'item') return judge(parts.slice(0, 2).join('.'), scope, ctx);
  return OK;
}
