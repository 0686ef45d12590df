/**
 * Output parameters: Argo's validateOutputs and validateOutputParameter
 * (workflow/validate/validate.go). Each has `value` or `valueFrom`, not both;
 * `valueFrom` names exactly one source, and the one the template type can
 * give: a `path` for container, containerSet and script templates, `jqFilter`
 * or `jsonPath` for resource templates, `parameter` or `expression` for steps
 * and DAG templates.
 */
import { isObject } from '../model/types';
import type { Ctx, TemplateEntry } from './context';
import { checkGlobalName } from './artifacts';
import { checkNames } from './names';
import { anyString, itemName, present, readMaps } from './read';
import { under } from './sink';
import type { TemplateType } from './templateType';

const SOURCES = ['path', 'jqFilter', 'jsonPath', 'parameter', 'expression'];

export function checkOutputParameters(
  ctx: Ctx,
  entry: TemplateEntry,
  prefix: string,
  type: TemplateType,
): void {
  const outputs = isObject(entry.t.outputs) ? entry.t.outputs : undefined;
  if (!outputs) return;
  const params = readMaps(ctx.sink, outputs, 'parameters', under(entry.at, 'outputs'));
  checkNames(ctx.sink, params, {
    prefix: `${prefix}.outputs.parameters`,
    kind: 'parameter',
    duplicate: 'duplicate-output',
  });
  for (const { item: p, index, at } of params) {
    const ref = `${prefix}.outputs.parameters.${itemName(p.name, index)}`;
    const report = (message: string) =>
      ctx.sink.error('invalid-output', message, present(p.valueFrom) ? under(at, 'valueFrom') : at);
    const hasValue = anyString(p.value) !== undefined;
    const vf = isObject(p.valueFrom) ? p.valueFrom : undefined;
    checkGlobalName(ctx, p, at, ref);
    if (vf && hasValue) {
      report(`${ref} has both valueFrom and value specified, choose one`);
      continue;
    }
    if (hasValue) continue;
    if (!vf) {
      ctx.sink.error(
        'missing-output-value',
        `${ref} does not have valueFrom or value specified`,
        at,
      );
      continue;
    }
    const set = SOURCES.filter((k) => typeof vf[k] === 'string' && vf[k] !== '');
    const count = set.length + (present(vf.supplied) ? 1 : 0);
    if (count === 0) {
      report(
        `${ref}: valueFrom type unspecified. choose one of: path, jqFilter, jsonPath, parameter, raw, expression`,
      );
      continue;
    }
    if (count > 1) {
      report(
        `${ref}: multiple valueFrom types specified (${set.join(', ')}). choose one of: path, jqFilter, jsonPath, parameter, raw`,
      );
      continue;
    }
    const has = (k: string) => set.includes(k);
    if ((type === 'Container' || type === 'ContainerSet' || type === 'Script') && !has('path'))
      report(`${ref}.path must be specified for ${type} templates`);
    else if (type === 'Resource' && !has('jqFilter') && !has('jsonPath'))
      report(`${ref} .jqFilter or jsonPath must be specified for ${type} templates`);
    else if ((type === 'DAG' || type === 'Steps') && !has('parameter') && !has('expression'))
      report(`${ref}.parameter or expression must be specified for ${type} templates`);
  }
}
