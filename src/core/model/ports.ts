/**
 * Declaring a template's ports: adding and removing input and output
 * parameters and artifacts. Outputs of a container are read from a file
 * (`valueFrom.path` / `path`), which Argo requires.
 */
import { error, type Diagnostic } from '../diagnostics';
import { PARAM_NAME_PATTERN } from './names';
import { updateTemplate } from './operations';
import { findTemplate } from './spec';
import { isObject, type JsonObject, type Pipeline } from './types';

export interface PortSpec {
  direction: 'in' | 'out';
  kind: 'parameter' | 'artifact';
  name: string;
  /** Output file (outputs), or where an input artifact is placed; default `/tmp/<name>`. */
  path?: string;
  /** Default value of an input parameter. */
  default?: string;
}

function group(
  spec: Pick<PortSpec, 'direction' | 'kind'>,
): ['inputs' | 'outputs', 'parameters' | 'artifacts'] {
  return [
    spec.direction === 'in' ? 'inputs' : 'outputs',
    spec.kind === 'parameter' ? 'parameters' : 'artifacts',
  ];
}

function entry(spec: PortSpec): JsonObject {
  const path = spec.path || `/tmp/${spec.name}`;
  if (spec.kind === 'artifact') return { name: spec.name, path };
  if (spec.direction === 'out') return { name: spec.name, valueFrom: { path } };
  return spec.default !== undefined && spec.default !== ''
    ? { name: spec.name, default: spec.default }
    : { name: spec.name };
}

/** Adds a port to a template; refused when the name is invalid or taken. */
export function addPort(
  p: Pipeline,
  template: string,
  spec: PortSpec,
): { pipeline: Pipeline; diagnostics: Diagnostic[] } {
  if (!PARAM_NAME_PATTERN.test(spec.name)) {
    return {
      pipeline: p,
      diagnostics: [
        error('invalid-name', `'${spec.name}' may contain only letters, digits, '-' and '_'`),
      ],
    };
  }
  const t = findTemplate(p, template);
  if (!t)
    return {
      pipeline: p,
      diagnostics: [error('unknown-template', `template '${template}' not found`)],
    };
  const [side, list] = group(spec);
  const current = isObject(t[side]) ? (t[side] as JsonObject) : {};
  const items = Array.isArray(current[list]) ? (current[list] as JsonObject[]) : [];
  if (items.some((x) => x.name === spec.name)) {
    return {
      pipeline: p,
      diagnostics: [
        error('duplicate-port', `${template} already has ${side}.${list} '${spec.name}'`),
      ],
    };
  }
  const pipeline = updateTemplate(p, template, (tt) => ({
    ...tt,
    [side]: { ...current, [list]: [...items, entry(spec)] },
  }));
  return { pipeline, diagnostics: [] };
}

/** Removes a port; references to it are left for validation to report. */
export function removePort(
  p: Pipeline,
  template: string,
  spec: Pick<PortSpec, 'direction' | 'kind' | 'name'>,
): Pipeline {
  const [side, list] = group(spec);
  return updateTemplate(p, template, (t) => {
    const current = isObject(t[side]) ? (t[side] as JsonObject) : {};
    const items = (Array.isArray(current[list]) ? (current[list] as JsonObject[]) : []).filter(
      (x) => x.name !== spec.name,
    );
    const next: JsonObject = { ...current, [list]: items };
    if (items.length === 0) delete next[list];
    const out = { ...t, [side]: next };
    if (Object.keys(next).length === 0) delete (out as JsonObject)[side];
    return out;
  });
}
