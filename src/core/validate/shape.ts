/**
 * A template's own fields: exactly one template type (validateTemplateType),
 * the fields valid only for leaf or only for steps and DAG templates
 * (validateNonLeaf, validateLeaf), `timeout` and `retryStrategy.retryPolicy`
 * (validateTemplate, validateTemplateHolder), the container or script image
 * unless `templateDefaults` supplies it, a resource template's action and
 * manifest, and `archiveLocation` (validateArtifactLocation). All in
 * workflow/validate/validate.go.
 */
import { load, loadAll } from 'js-yaml';
import { isObject, type JsonObject } from '../model/types';
import { clip, shown } from '../util/describe';
import type { Ctx, TemplateEntry } from './context';
import { checkLocation } from './artifacts';
import { present, readMap, readString } from './read';
import { under } from './sink';
import { isLeaf, TYPE_FIELDS, type TemplateType } from './templateType';

const TYPE_CHOICES =
  'choose one of: container, containerSet, steps, script, resource, dag, suspend, template, template ref';

export function checkTemplateType(ctx: Ctx, entry: TemplateEntry, prefix: string): void {
  const set = TYPE_FIELDS.filter(([field]) => present(entry.t[field])).map(([field]) => field);
  if (set.length === 0)
    ctx.sink.error(
      'missing-template-type',
      `${prefix} template type unspecified. ${TYPE_CHOICES}`,
      entry.at,
    );
  else if (set.length > 1)
    ctx.sink.error(
      'multiple-template-types',
      `${prefix} multiple template types specified (${set.join(', ')}). ${TYPE_CHOICES}`,
      under(entry.at, set[1]!),
    );
  for (const [field, expect] of [
    ['steps', 'list'],
    ['dag', 'mapping'],
    ['container', 'mapping'],
    ['containerSet', 'mapping'],
    ['script', 'mapping'],
    ['resource', 'mapping'],
    ['suspend', 'mapping'],
    ['data', 'mapping'],
    ['http', 'mapping'],
  ] as const) {
    const v = entry.t[field];
    if (!present(v)) continue;
    if (expect === 'list' ? !Array.isArray(v) : !isObject(v))
      ctx.sink.error(
        'invalid-field',
        `${prefix}.${field} must be a ${expect}`,
        under(entry.at, field),
      );
  }
}

const RETRY_POLICIES = ['Always', 'OnError', 'OnFailure', 'OnTransientError', ''];

/** Rules on fields every template has, by type. */
export function checkTemplateFields(
  ctx: Ctx,
  entry: TemplateEntry,
  prefix: string,
  type: TemplateType,
): void {
  const { t, at } = entry;
  const nonLeaf = type === 'Steps' || type === 'DAG';
  const timeout = t.timeout;
  if (present(timeout)) {
    if (typeof timeout !== 'string')
      ctx.sink.error(
        'invalid-field',
        `${prefix}.timeout must be a string such as "30s", not ${shown(timeout)}`,
        under(at, 'timeout'),
      );
    else if (!isLeaf(t))
      ctx.sink.error(
        'invalid-timeout',
        `${type} template doesn't support timeout field (${prefix}.timeout)`,
        under(at, 'timeout'),
      );
    else if (/^[+-]?\d+$/.test(timeout))
      ctx.sink.error(
        'invalid-timeout',
        `${clip(entry.name)} has invalid duration format in timeout: '${clip(timeout)}' needs a unit, e.g. ${timeout}s`,
        under(at, 'timeout'),
      );
  }
  const retry = readMap(ctx.sink, t, 'retryStrategy', at);
  if (retry) {
    const policy = readString(ctx.sink, retry, 'retryPolicy', under(at, 'retryStrategy'));
    if (policy !== undefined && !RETRY_POLICIES.includes(policy))
      ctx.sink.error(
        'invalid-retry-policy',
        `${clip(policy)} is not a valid RetryPolicy (${prefix}.retryStrategy.retryPolicy): use one of ${RETRY_POLICIES.filter(Boolean).join(', ')}`,
        under(at, 'retryStrategy', 'retryPolicy'),
      );
  }
  const deadline = t.activeDeadlineSeconds;
  if (present(deadline)) {
    if (nonLeaf)
      ctx.sink.error(
        'deadline-not-allowed',
        `${prefix}.activeDeadlineSeconds is only valid for leaf templates`,
        under(at, 'activeDeadlineSeconds'),
      );
    else if (!validDeadline(deadline))
      ctx.sink.error(
        'invalid-deadline',
        `${prefix}.activeDeadlineSeconds must be a positive integer > 0 or an argo variable, not ${shown(deadline)}`,
        under(at, 'activeDeadlineSeconds'),
      );
  }
  if (!nonLeaf && present(t.parallelism))
    ctx.sink.error(
      'parallelism-not-allowed',
      `${prefix}.parallelism is only valid for steps and dag templates`,
      under(at, 'parallelism'),
    );
  checkImage(ctx, entry, prefix, 'container');
  checkImage(ctx, entry, prefix, 'script');
  if (type === 'Resource' && isObject(t.resource)) checkResource(ctx, entry, prefix, t.resource);
  const archive = readMap(ctx.sink, t, 'archiveLocation', at);
  if (archive)
    checkLocation(ctx, archive, under(at, 'archiveLocation'), `${prefix}.archiveLocation`);
}

/** intstr.IsValidIntOrArgoVariable, and not negative. */
function validDeadline(v: unknown): boolean {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0;
  if (typeof v !== 'string') return false;
  if (v.includes('{{')) return true;
  return /^[+-]?\d+$/.test(v) && Number(v) >= 0;
}

function checkImage(
  ctx: Ctx,
  entry: TemplateEntry,
  prefix: string,
  field: 'container' | 'script',
): void {
  const c = entry.t[field];
  if (!isObject(c)) return;
  const image = c.image;
  if (present(image) && typeof image !== 'string') {
    ctx.sink.error(
      'invalid-field',
      `${prefix}.${field}.image must be a string`,
      under(entry.at, field, 'image'),
    );
    return;
  }
  if (image) return;
  const defaults = entry.defaults?.[field];
  if (isObject(defaults) && typeof defaults.image === 'string' && defaults.image !== '') return;
  ctx.sink.error(
    'missing-image',
    `${prefix}.${field}.image may not be empty${entry.ref?.length ? '' : ` (or set spec.templateDefaults.${field}.image)`}`,
    under(entry.at, field),
  );
}

const ACTIONS = ['get', 'create', 'apply', 'delete', 'replace', 'patch'];

function checkResource(ctx: Ctx, entry: TemplateEntry, prefix: string, resource: JsonObject): void {
  const at = under(entry.at, 'resource');
  const action = readString(ctx.sink, resource, 'action', at) ?? '';
  const manifest = readString(ctx.sink, resource, 'manifest', at) ?? '';
  const manifestFrom = readMap(ctx.sink, resource, 'manifestFrom', at);
  if (!action.includes('{{') && !ACTIONS.includes(action))
    ctx.sink.error(
      'invalid-resource-action',
      `${prefix}.resource.action must be one of: ${ACTIONS.join(', ')}${action ? `, not '${clip(action)}'` : ''}`,
      under(at, 'action'),
    );
  if (action === 'delete' || action === 'get') return;
  if (manifest === '' && !manifestFrom)
    ctx.sink.error(
      'missing-manifest',
      `either ${prefix}.resource.manifest or ${prefix}.resource.manifestFrom must be specified`,
      at,
    );
  if (manifest !== '' && manifestFrom)
    ctx.sink.error(
      'invalid-manifest',
      "shouldn't have both `manifest` and `manifestFrom` specified in `Manifest` for resource template",
      under(at, 'manifestFrom'),
    );
  const artifact =
    manifestFrom && isObject(manifestFrom.artifact) ? manifestFrom.artifact : undefined;
  if (artifact) {
    const inputs =
      isObject(entry.t.inputs) && Array.isArray(entry.t.inputs.artifacts)
        ? entry.t.inputs.artifacts
        : [];
    if (!inputs.some((a) => isObject(a) && a.name === artifact.name))
      ctx.sink.error(
        'unknown-artifact',
        `artifact ${shown(artifact.name)} in \`manifestFrom\` refer to a non-exist artifact (${prefix}.inputs.artifacts has none of that name)`,
        under(at, 'manifestFrom', 'artifact', 'name'),
      );
  }
  if (manifest !== '' && !/^\s*\{\{[^}]*\}\}\s*$/.test(manifest)) {
    const problem = yamlProblem(manifest);
    if (problem)
      ctx.sink.error(
        'invalid-manifest',
        `${prefix}.resource.manifest must be a valid yaml: ${problem}`,
        under(at, 'manifest'),
      );
  }
}

/**
 * Why `text` is not YAML once its `{{...}}` tags stand for values, as Argo
 * reads it after substituting them (SubstituteResourceManifestExpressions).
 */
export function yamlProblem(text: string): string | undefined {
  let n = 0;
  const replaced = text.replace(/\{\{[\s\S]*?\}\}/g, () => `placeholder-${n++}`);
  try {
    loadAll(replaced, undefined, { json: true });
    return undefined;
  } catch (e) {
    const err = e as { reason?: string; mark?: { line: number } };
    return `${err.reason ?? 'unreadable'}${err.mark ? ` (line ${err.mark.line + 1} of the manifest)` : ''}`;
  }
}

/** Whether `text` reads as a YAML (or JSON) mapping once its tags stand for values. */
export function yamlMapping(text: string): boolean {
  try {
    return isObject(load(text.replace(/\{\{[\s\S]*?\}\}/g, 'placeholder'), { json: true }));
  } catch {
    return false;
  }
}
