/**
 * The workflow spec as Argo's Workflow() validates it (workflow/validate/
 * validate.go): template names, `workflowTemplateRef` (never with templates of
 * its own), the workflow arguments, the entrypoint and the exit handler with
 * the inputs they need, the workflow's hooks, `podGC`, then every template.
 */
import { reachableTemplates } from '../model/templateGraph';
import { isObject, type JsonObject, type Template } from '../model/types';
import { clip, shown } from '../util/describe';
import { checkArguments } from './arguments';
import type { Ctx, TemplateEntry } from './context';
import { collectGlobals } from './globals';
import { checkSupplied, defaultsOf, libraryHas, lookupTemplate } from './holders';
import { labelSelectorProblems } from './labelSelector';
import { checkHooks } from './loops';
import { checkNames } from './names';
import { checkPodSpecPatch } from './pod';
import { present, readBool, readMap, readMaps, readString } from './read';
import { under, type At } from './sink';
import { validateTemplate } from './template';
import { POD_GC_STRATEGIES } from '../model/workflowFields';

export function validateWorkflowSpec(ctx: Ctx, doc: JsonObject): void {
  const { sink, spec, specAt } = ctx;
  const templates = readMaps(sink, spec, 'templates', specAt);
  checkNames(sink, templates, {
    prefix: 'spec.templates',
    kind: 'field',
    duplicate: 'duplicate-template',
  });
  const entries: TemplateEntry[] = [];
  for (const { item, index, at } of templates) {
    const name = typeof item.name === 'string' ? item.name : '';
    const entry: TemplateEntry = {
      t: item,
      name,
      at: name ? { ...at, template: name } : at,
      defaults: defaultsOf(spec),
    };
    if (name && name !== name.toLowerCase())
      sink.warning(
        'uppercase-template',
        `template name '${clip(name)}' has upper-case letters; Argo 3.4+ puts template names in pod names, which must be lower case`,
        under(at, 'name'),
      );
    if (name && ctx.local.has(name)) continue;
    if (name) ctx.local.set(name, entry);
    entries.push({ ...entry, name: name || `[${index}]` });
  }
  const refSpec = workflowTemplateRef(ctx, templates.length > 0);
  const own =
    isObject(spec.arguments) && Array.isArray(spec.arguments.parameters)
      ? spec.arguments.parameters
      : [];
  const inherited =
    refSpec && isObject(refSpec.arguments) && Array.isArray(refSpec.arguments.parameters)
      ? refSpec.arguments.parameters
      : [];
  const ownNames = new Set(own.map((p) => (isObject(p) ? p.name : undefined)));
  const parameters = [...own, ...inherited.filter((p) => !(isObject(p) && ownNames.has(p.name)))];
  const allowEmpty = ctx.kind !== 'CronWorkflow' && (ctx.templateValidation || ctx.mode === 'lint');
  checkArguments(ctx, spec, specAt, 'spec.arguments.', allowEmpty);
  const refTemplates =
    refSpec && Array.isArray(refSpec.templates) ? refSpec.templates.filter(isObject) : [];
  const wfRef = isObject(spec.workflowTemplateRef);
  ctx.globals = collectGlobals({
    parameters,
    metadata: doc.metadata,
    workflowMetadata: [spec.workflowMetadata, refSpec?.workflowMetadata],
    priority: spec.priority,
    templates: [...entries.map((e) => e.t), ...refTemplates],
    anyParameter: wfRef && !refSpec,
  });
  const wfArgs = {
    parameters,
    artifacts:
      isObject(spec.arguments) && Array.isArray(spec.arguments.artifacts)
        ? spec.arguments.artifacts
        : [],
  };
  const entrypoint = readString(sink, spec, 'entrypoint', specAt);
  const effective =
    entrypoint || (typeof refSpec?.entrypoint === 'string' ? refSpec.entrypoint : '');
  const ignoreEntrypoint = ctx.templateValidation && !entrypoint;
  const argsAt = under(
    specAt,
    isObject(spec.arguments)
      ? 'arguments'
      : entrypoint || !wfRef
        ? 'entrypoint'
        : 'workflowTemplateRef',
  );
  // A field of the wrong type is reported once, by the reader: nothing is built on it.
  const badEntrypoint = present(spec.entrypoint) && typeof spec.entrypoint !== 'string';
  const badTemplates = present(spec.templates) && !Array.isArray(spec.templates);
  if (!ignoreEntrypoint && !effective && !(wfRef && !refSpec) && !badEntrypoint)
    sink.error(
      'missing-entrypoint',
      'spec.entrypoint is required',
      entrypoint === '' ? under(specAt, 'entrypoint') : specAt,
    );
  if (!ignoreEntrypoint && effective && !badTemplates) {
    const entry = holderTemplate(
      ctx,
      effective,
      under(specAt, entrypoint ? 'entrypoint' : 'workflowTemplateRef'),
      'spec.entrypoint',
      refSpec,
    );
    if (entry && !ctx.templateValidation)
      checkSupplied(ctx, entry, wfArgs, argsAt, 'spec.entrypoint:');
  }
  const onExit =
    readString(sink, spec, 'onExit', specAt) ||
    (typeof refSpec?.onExit === 'string' ? refSpec.onExit : '');
  ctx.hasExitHandler = onExit !== '';
  if (onExit && !badTemplates) {
    const entry = holderTemplate(
      ctx,
      onExit,
      under(specAt, spec.onExit ? 'onExit' : 'workflowTemplateRef'),
      'spec.onExit',
      refSpec,
    );
    if (entry) checkSupplied(ctx, entry, spec.arguments, argsAt, 'spec.onExit:');
  }
  checkHooks(ctx, spec, specAt, 'hooks', true);
  if (isObject(spec.hooks))
    for (const [name, hook] of Object.entries(spec.hooks)) {
      const t = isObject(hook) ? hook.template : undefined;
      if (typeof t === 'string' && t !== '' && !ctx.local.has(t) && !wfRef)
        sink.warning(
          'unknown-template',
          `hooks.${clip(name)}: template name '${clip(t)}' undefined; the hook fails when it runs`,
          under(specAt, 'hooks', name, 'template'),
        );
    }
  checkPodGC(ctx);
  checkPodSpecPatch(ctx, spec, specAt, 'spec');
  if (!ignoreEntrypoint && effective && !wfRef)
    for (const name of reachable(ctx, effective)) ctx.beforeExit.add(name);
  for (const entry of entries)
    validateTemplate(ctx, entry, {
      prefix: `templates.${clip(entry.name)}`,
      failures: ctx.hasExitHandler && !ctx.beforeExit.has(entry.name),
    });
  if ((ctx.kind === 'Workflow' || ctx.kind === 'CronWorkflow') && effective && !wfRef)
    checkReachable(ctx, entries, effective);
}

/**
 * A template of a Workflow that nothing runs: Argo accepts it (a submit may
 * name it with --entrypoint, and many keep spare templates), so a note;
 * it tells a user who added tasks to a template that is not the entrypoint
 * that they would never run.
 */
function checkReachable(ctx: Ctx, entries: TemplateEntry[], entrypoint: string): void {
  const reached = reachableTemplates(ctx.spec, (name) => ctx.local.get(name)?.t as Template);
  for (const entry of entries) {
    if (!ctx.local.has(entry.name) || reached.has(entry.name)) continue;
    ctx.sink.info(
      'unreachable-template',
      `template '${clip(entry.name)}' never runs: neither the entrypoint '${clip(entrypoint)}' nor an exit handler or hook reaches it (Argo runs it only if submitted with --entrypoint ${clip(entry.name)})`,
      under(entry.at, 'name'),
    );
  }
}

/** The WorkflowTemplate a `workflowTemplateRef` names: its spec, when it could be read. */
function workflowTemplateRef(ctx: Ctx, hasTemplates: boolean): JsonObject | undefined {
  const { sink, spec, specAt } = ctx;
  const ref = readMap(sink, spec, 'workflowTemplateRef', specAt);
  if (!ref) return undefined;
  const at = under(specAt, 'workflowTemplateRef');
  if (hasTemplates)
    sink.error(
      'templates-with-ref',
      'Templates is invalid field in spec if workflow referred WorkflowTemplate reference',
      under(specAt, 'templates'),
    );
  const name = readString(sink, ref, 'name', at);
  const cluster = readBool(sink, ref, 'clusterScope', at) === true;
  if (!name) {
    sink.error('invalid-template-ref', 'spec.workflowTemplateRef.name is required', at);
    return undefined;
  }
  const kind = cluster ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate';
  if (!ctx.library || !libraryHas(ctx, cluster)) {
    ctx.unchecked.push({ text: `workflowTemplateRef ${cluster ? 'cluster ' : ''}${name}`, at });
    return undefined;
  }
  const doc = ctx.library.find(name, cluster);
  if (!doc) {
    sink.warning(
      'unknown-workflow-template',
      `spec.workflowTemplateRef could not be checked: no ${kind} named '${clip(name)}' among the ${cluster ? ctx.library.size.cluster : ctx.library.size.namespaced} given; Argo refuses the workflow if the cluster has none either`,
      at,
    );
    return undefined;
  }
  return isObject(doc.spec) ? doc.spec : {};
}

/** The entrypoint's or exit handler's template, here or in the referenced WorkflowTemplate. */
function holderTemplate(
  ctx: Ctx,
  name: string,
  at: At,
  prefix: string,
  refSpec: JsonObject | undefined,
): TemplateEntry | undefined {
  const ref = isObject(ctx.spec.workflowTemplateRef) ? ctx.spec.workflowTemplateRef : undefined;
  if (ref) {
    if (!refSpec || typeof ref.name !== 'string') return undefined;
    return lookupTemplate(ctx, ref.name, name, ref.clusterScope === true, at, prefix) ?? undefined;
  }
  const entry = ctx.local.get(name);
  if (!entry)
    ctx.sink.error('unknown-template', `${prefix}: template name '${clip(name)}' undefined`, at);
  return entry;
}

function checkPodGC(ctx: Ctx): void {
  const { sink, spec, specAt } = ctx;
  const podGC = readMap(sink, spec, 'podGC', specAt);
  if (!podGC) return;
  const at = under(specAt, 'podGC');
  const strategy = readString(sink, podGC, 'strategy', at);
  if (strategy && !(POD_GC_STRATEGIES as readonly string[]).includes(strategy))
    sink.error(
      'invalid-pod-gc',
      `podGC.strategy unknown strategy ${shown(strategy)}: use one of ${POD_GC_STRATEGIES.join(', ')}`,
      under(at, 'strategy'),
    );
  if (podGC.labelSelector !== undefined && podGC.labelSelector !== null)
    for (const { problem, at: field } of labelSelectorProblems(podGC.labelSelector))
      sink.error(
        'invalid-pod-gc',
        `podGC.labelSelector invalid: ${problem}`,
        under(at, 'labelSelector', ...field),
      );
}

/** Templates the entrypoint reaches through steps, tasks and inline templates. */
function reachable(ctx: Ctx, start: string): Set<string> {
  const seen = new Set<string>();
  const stack: unknown[] = [];
  const visit = (name: unknown) => {
    if (typeof name !== 'string' || seen.has(name)) return;
    const entry = ctx.local.get(name);
    if (!entry) return;
    seen.add(name);
    stack.push(entry.t);
  };
  visit(start);
  while (stack.length > 0) {
    const t = stack.pop();
    if (!isObject(t)) continue;
    const holders: unknown[] = [];
    // Loops, not push(...list): a list may hold more items than a call takes arguments.
    if (Array.isArray(t.steps))
      for (const g of t.steps) if (Array.isArray(g)) for (const s of g) holders.push(s);
    if (isObject(t.dag) && Array.isArray(t.dag.tasks)) for (const s of t.dag.tasks) holders.push(s);
    for (const h of holders) {
      if (!isObject(h)) continue;
      visit(h.template);
      if (isObject(h.inline)) stack.push(h.inline);
    }
  }
  return seen;
}
