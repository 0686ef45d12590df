/**
 * Artifacts of a template: Argo's validateInputs and validateOutputs
 * (workflow/validate/validate.go). In a leaf template an artifact needs a path
 * that does not climb out with `..` (Artifact.CleanPath); elsewhere it may not
 * have one; an input artifact takes no `from`; a git location needs a repo,
 * an HDFS one addresses and an absolute path (validateArtifactLocation,
 * workflow/artifacts/hdfs ValidateArtifact); an exported `globalName` is a
 * valid name unless it is itself a `{{parameter}}`.
 */
import { isObject, type JsonObject } from '../model/types';
import { clip } from '../util/describe';
import type { Ctx, TemplateEntry } from './context';
import { checkNames, paramNameErrors, type NamedItem } from './names';
import { itemName, present, readMap, readMaps } from './read';
import { under, type At } from './sink';
import { isParameter } from './tags';

/** validateArtifactLocation: `prefix` is Argo's, e.g. `templates.t.inputs.artifacts.a`. */
export function checkLocation(ctx: Ctx, loc: JsonObject, at: At, prefix: string): void {
  const git = readMap(ctx.sink, loc, 'git', at);
  if (git && !(typeof git.repo === 'string' && git.repo !== ''))
    ctx.sink.error('invalid-artifact-location', `${prefix}.git.repo is required`, under(at, 'git'));
  const hdfs = readMap(ctx.sink, loc, 'hdfs', at);
  if (hdfs) checkHdfs(ctx, hdfs, under(at, 'hdfs'), `${prefix}.hdfs`);
}

function checkHdfs(ctx: Ctx, h: JsonObject, at: At, p: string): void {
  const report = (message: string) => ctx.sink.error('invalid-artifact-location', message, at);
  const path = typeof h.path === 'string' ? h.path : '';
  if (!Array.isArray(h.addresses) || h.addresses.length === 0)
    return report(`${p}.addresses is required`);
  if (path === '') return report(`${p}.path is required`);
  if (!path.startsWith('/')) return report(`${p}.path must be a absolute file path`);
  const ccache = present(h.krbCCacheSecret);
  const keytab = present(h.krbKeytabSecret);
  if (!h.hdfsUser && !ccache && !keytab)
    return report(`either ${p}.hdfsUser, ${p}.krbCCacheSecret or ${p}.krbKeytabSecret is required`);
  if (
    keytab &&
    (!h.krbServicePrincipalName || !present(h.krbConfigConfigMap) || !h.krbUsername || !h.krbRealm)
  )
    return report(
      `${p}.krbServicePrincipalName, ${p}.krbConfigConfigMap, ${p}.krbUsername and ${p}.krbRealm are required with ${p}.krbKeytabSecret`,
    );
  if (ccache && (!h.krbServicePrincipalName || !present(h.krbConfigConfigMap)))
    report(
      `${p}.krbServicePrincipalName and ${p}.krbConfigConfigMap are required with ${p}.krbCCacheSecret`,
    );
}

/** Artifact.CleanPath: why the path is refused, or undefined. */
function pathProblem(art: JsonObject, name: string): string | undefined {
  const path = typeof art.path === 'string' ? art.path : '';
  if (path === '') return `Artifact '${name}' did not specify a path`;
  const at = path.indexOf('/../');
  const safe = at >= 0 ? path.slice(0, at) : path.endsWith('/..') ? path.slice(0, -3) : '';
  if (safe === '') return undefined;
  const cleaned = cleanPath(path);
  if (!cleaned.startsWith(`${safe}/`) || cleaned.length <= safe.length + 1)
    return `Artifact '${name}' attempted to use a path containing '..'. Directory traversal is not permitted`;
  return undefined;
}

/** Go's filepath.Clean for slash-separated paths. */
function cleanPath(path: string): string {
  const abs = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else out.push(part);
  }
  const joined = out.join('/');
  return abs ? `/${joined}` : joined || '.';
}

export function checkInputArtifacts(
  ctx: Ctx,
  entry: TemplateEntry,
  prefix: string,
  leaf: boolean,
): NamedItem[] {
  const inputs = readMap(ctx.sink, entry.t, 'inputs', entry.at);
  if (!inputs) return [];
  const inAt = under(entry.at, 'inputs');
  const params = readMaps(ctx.sink, inputs, 'parameters', inAt);
  checkNames(ctx.sink, params, {
    prefix: `${prefix}.inputs.parameters`,
    kind: 'parameter',
    duplicate: 'duplicate-input',
  });
  const arts = readMaps(ctx.sink, inputs, 'artifacts', inAt);
  checkNames(ctx.sink, arts, {
    prefix: `${prefix}.inputs.artifacts`,
    kind: 'parameter',
    duplicate: 'duplicate-input',
  });
  for (const { item: a, index, at } of arts) {
    const name = itemName(a.name, index);
    const ref = `${prefix}.inputs.artifacts.${name}`;
    checkArtifactPath(ctx, a, name, at, ref, leaf);
    if (typeof a.from === 'string' && a.from !== '')
      ctx.sink.error(
        'invalid-artifact-source',
        `${ref}.from not valid in inputs`,
        under(at, 'from'),
      );
    checkLocation(ctx, a, at, ref);
  }
  return arts;
}

/** A leaf template's artifact needs a path (validate.go validateArtifactLocation); others may not have one. */
function checkArtifactPath(
  ctx: Ctx,
  a: JsonObject,
  name: string,
  at: At,
  ref: string,
  leaf: boolean,
): void {
  if (leaf) {
    const problem = pathProblem(a, name);
    if (problem)
      ctx.sink.error(
        'invalid-artifact-path',
        `error in ${ref}: ${problem}`,
        present(a.path) ? under(at, 'path') : at,
      );
  } else if (typeof a.path === 'string' && a.path !== '')
    ctx.sink.error(
      'invalid-artifact-path',
      `${ref}.path only valid in container/script templates`,
      under(at, 'path'),
    );
}

export function checkOutputArtifacts(
  ctx: Ctx,
  entry: TemplateEntry,
  prefix: string,
  leaf: boolean,
): void {
  const outputs = isObject(entry.t.outputs) ? entry.t.outputs : undefined;
  if (!outputs) return;
  const arts = readMaps(ctx.sink, outputs, 'artifacts', under(entry.at, 'outputs'));
  checkNames(ctx.sink, arts, {
    prefix: `${prefix}.outputs.artifacts`,
    kind: 'parameter',
    duplicate: 'duplicate-output',
  });
  for (const { item: a, index, at } of arts) {
    const name = itemName(a.name, index);
    const ref = `${prefix}.outputs.artifacts.${name}`;
    checkArtifactPath(ctx, a, name, at, ref, leaf);
    checkGlobalName(ctx, a, at, ref);
  }
}

/** An exported `globalName` must be a valid name, unless it is a `{{parameter}}`. */
export function checkGlobalName(ctx: Ctx, item: JsonObject, at: At, ref: string): void {
  const g = item.globalName;
  if (typeof g !== 'string' || g === '' || isParameter(g)) return;
  const errs = paramNameErrors(g);
  if (errs.length > 0)
    ctx.sink.error(
      'invalid-name',
      `${ref}.globalName: ${errs[0]} ('${clip(g)}')`,
      under(at, 'globalName'),
    );
}
