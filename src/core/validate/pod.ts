/**
 * Rules on the pod a template runs. Argo's validator refuses init containers
 * without a name (validateInitContainers), a volume mount or input artifact
 * path mounted twice in a container (validateLeaf), a containerSet that
 * breaks ContainerSetTemplate.Validate (v1alpha1/container_set_template_types.go)
 * or has no `main` container when it has inputs or outputs, and a plugin
 * template that is not a mapping of exactly one key (Plugin.UnmarshalJSON).
 *
 * Argo's validator accepts the rest, which fail when the pod is made, so they
 * are warnings: a sidecar without a name, a container named like one of the
 * containers Argo adds (`main`, `wait`, `init`), a `podSpecPatch` that is not
 * a YAML or JSON mapping (the controller's PodSpecPatchMerge).
 */
import { isObject, type JsonObject } from '../model/types';
import { clip } from '../util/describe';
import type { Ctx, TemplateEntry } from './context';
import { fieldNameErrors } from './names';
import { readMaps, readString } from './read';
import { under, type At } from './sink';
import { containerNamed } from './templateType';
import { yamlMapping } from './shape';
import { findCycle } from './cycles';

/** The containers Argo puts in every pod. */
const RESERVED = {
  main: "the template's own container",
  wait: "Argo's wait container",
  init: "Argo's init container",
};

export function checkPod(ctx: Ctx, entry: TemplateEntry, prefix: string): void {
  const { t, at } = entry;
  const inits = readMaps(ctx.sink, t, 'initContainers', at);
  for (const { item, at: cAt } of inits) {
    const name = readString(ctx.sink, item, 'name', cAt);
    if (!name)
      ctx.sink.error('missing-name', `${prefix} initContainers must all have container name`, cAt);
    else reserved(ctx, name, under(cAt, 'name'), `${prefix}.initContainers`);
  }
  for (const { item, at: cAt } of readMaps(ctx.sink, t, 'sidecars', at)) {
    const name = readString(ctx.sink, item, 'name', cAt);
    if (!name)
      ctx.sink.warning(
        'missing-name',
        `${prefix} sidecars must all have container name: Kubernetes refuses the pod without one (Argo's validator lets it through)`,
        cAt,
      );
    else reserved(ctx, name, under(cAt, 'name'), `${prefix}.sidecars`);
  }
  if (isObject(t.container)) checkMounts(ctx, entry, prefix);
  if (isObject(t.containerSet)) checkContainerSet(ctx, entry, prefix, t.containerSet);
  if (t.plugin !== undefined && t.plugin !== null) {
    const keys = isObject(t.plugin) ? Object.keys(t.plugin).length : -1;
    if (keys !== 1)
      ctx.sink.error(
        'invalid-plugin',
        `${prefix}.plugin must be a mapping of exactly one key, the plugin's name: expected exactly one key, got ${keys < 0 ? 'no mapping' : keys}`,
        under(at, 'plugin'),
      );
  }
  checkPodSpecPatch(ctx, t, at, prefix);
}

export function checkPodSpecPatch(ctx: Ctx, holder: JsonObject, at: At, prefix: string): void {
  const patch = holder.podSpecPatch;
  if (typeof patch !== 'string' || patch.trim() === '') return;
  if (!yamlMapping(patch))
    ctx.sink.warning(
      'invalid-pod-spec-patch',
      `${prefix}.podSpecPatch is not a YAML or JSON mapping: the controller fails to merge it when it creates the pod ("Failed to merge the workflow PodSpecPatch with the template PodSpecPatch due to invalid format")`,
      under(at, 'podSpecPatch'),
    );
}

function reserved(ctx: Ctx, name: string, at: At, where: string): void {
  if (!Object.hasOwn(RESERVED, name)) return;
  ctx.sink.warning(
    'reserved-container-name',
    `${where}: container name '${name}' is taken by ${RESERVED[name as keyof typeof RESERVED]}; Kubernetes refuses a pod with two containers of one name (Argo's validator lets it through)`,
    at,
  );
}

/**
 * The mount paths of `holder.volumeMounts`, each with the mount that took it;
 * a path mounted twice is an error (validate.go validateLeaf: "already mounted").
 */
function mountPaths(
  ctx: Ctx,
  holder: JsonObject,
  at: At,
  prefix: string,
  shownAs: string,
): Map<string, string> {
  const mounted = new Map<string, string>();
  readMaps(ctx.sink, holder, 'volumeMounts', at).forEach(({ item, index, at: mAt }) => {
    const path = item.mountPath;
    if (typeof path !== 'string') return;
    const prev = mounted.get(path);
    if (prev !== undefined)
      ctx.sink.error(
        'duplicate-mount',
        `${prefix}.volumeMounts[${index}].mountPath '${clip(path)}' already mounted in ${prev}`,
        under(mAt, 'mountPath'),
      );
    else mounted.set(path, `${shownAs}volumeMounts.${String(item.name ?? '')}`);
  });
  return mounted;
}

function checkMounts(ctx: Ctx, entry: TemplateEntry, prefix: string): void {
  const { t, at } = entry;
  const container = t.container as JsonObject;
  const mounted = mountPaths(
    ctx,
    container,
    under(at, 'container'),
    `${prefix}.container`,
    'container.',
  );
  const inputs = isObject(t.inputs) && Array.isArray(t.inputs.artifacts) ? t.inputs.artifacts : [];
  inputs.forEach((a, i) => {
    if (!isObject(a) || typeof a.path !== 'string') return;
    const prev = mounted.get(a.path);
    if (prev !== undefined)
      ctx.sink.error(
        'duplicate-mount',
        `${prefix}.inputs.artifacts[${i}].path '${clip(a.path)}' already mounted in ${prev}`,
        under(at, 'inputs', 'artifacts', i, 'path'),
      );
    else mounted.set(a.path, `inputs.artifacts.${String(a.name ?? '')}`);
  });
}

function checkContainerSet(ctx: Ctx, entry: TemplateEntry, prefix: string, set: JsonObject): void {
  const at = under(entry.at, 'containerSet');
  const p = `${prefix}.containerSet`;
  const containers = readMaps(ctx.sink, set, 'containers', at);
  if (containers.length === 0) {
    ctx.sink.error('invalid-container-set', `${p}.containers must have at least one container`, at);
    return;
  }
  const names = new Set<string>();
  for (const { item, index, at: cAt } of containers) {
    const name = item.name;
    if (typeof name !== 'string' || name === '') {
      ctx.sink.error('invalid-container-set', `${p}.containers[${index}].name is required`, cAt);
      continue;
    }
    const errs = fieldNameErrors(name);
    if (errs.length > 0)
      ctx.sink.error(
        'invalid-container-set',
        `${p}.containers[${index}].name: '${clip(name)}' is invalid: ${errs.join(';')}`,
        under(cAt, 'name'),
      );
    if (names.has(name))
      ctx.sink.error(
        'invalid-container-set',
        `${p}.containers[${index}].name '${clip(name)}' is not unique`,
        under(cAt, 'name'),
      );
    names.add(name);
    if (name === 'wait' || name === 'init')
      reserved(ctx, name, under(cAt, 'name'), `${p}.containers`);
  }
  mountPaths(ctx, set, at, p, '');
  const deps = new Map<string, string[]>();
  for (const { item, at: cAt } of containers) {
    if (typeof item.name !== 'string') continue;
    const list = Array.isArray(item.dependencies)
      ? item.dependencies.filter((d): d is string => typeof d === 'string')
      : [];
    deps.set(item.name, list);
    for (const d of list)
      if (!names.has(d))
        ctx.sink.error(
          'unknown-dependency',
          `${p}.containers.${clip(item.name)} dependency '${clip(d)}' not defined`,
          under(cAt, 'dependencies'),
        );
  }
  const cycle = findCycle(deps);
  if (cycle)
    ctx.sink.error('cycle', `${p}.containers dependency cycle detected: ${cycle.join('->')}`, at);
  const t = entry.t;
  const io =
    (isObject(t.inputs) && Array.isArray(t.inputs.artifacts) && t.inputs.artifacts.length > 0) ||
    (isObject(t.outputs) &&
      ((Array.isArray(t.outputs.parameters) && t.outputs.parameters.length > 0) ||
        (Array.isArray(t.outputs.artifacts) && t.outputs.artifacts.length > 0)));
  if (io && !containerNamed(set, 'main'))
    ctx.sink.error(
      'missing-main-container',
      `${p}.containers must have a container named "main" for input or output`,
      under(at, 'containers'),
    );
}
