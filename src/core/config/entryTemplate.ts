/**
 * Compiles a checked entry into its Argo template and palette entry. The
 * template is named with the entry's lowercase RFC 1123 name (Argo >= 3.4 puts
 * template names in pod names); its `inputs.parameters` are the entry's
 * parameters and nothing is invented in `args`: a task passes values with
 * `arguments.parameters`, and the entry's own `args` decide where they go.
 */
import type { Template } from '../model/types';
import type { EntrySpec } from './entrySpec';
import { normaliseK8sName } from './k8sName';
import type { PaletteEntry, PaletteParameter } from './paletteTypes';

/**
 * The Argo template an entry stands for.
 *
 * @example
 * // containers: [{ name: 'My Step_1', image: 'alpine', parameters: [{ name: 'n', default: '3' }] }]
 * // -> { name: 'my-step-1', inputs: { parameters: [{ name: 'n', default: '3' }] },
 * //      container: { image: 'alpine' } }
 */
export function entryTemplate(spec: EntrySpec): Template {
  const template: Template = { name: normaliseK8sName(spec.name) };
  if (spec.parameters.length > 0)
    template.inputs = { parameters: spec.parameters.map(inputParameter) };
  switch (spec.kind) {
    case 'container':
      template.container = structuredClone(spec.container);
      break;
    case 'script':
      template.script = structuredClone(spec.script);
      break;
    case 'http':
      template.http = structuredClone(spec.http);
      break;
    case 'resource':
      template.resource = structuredClone(spec.resource);
      break;
  }
  return template;
}

/** The palette entry for a checked entry. */
export function paletteEntry(spec: EntrySpec): PaletteEntry {
  const entry: PaletteEntry = {
    id: spec.name,
    name: spec.name,
    kind: spec.kind,
    category: spec.category,
    parameters: spec.parameters.map((p) => ({ ...p, ...(p.enum ? { enum: [...p.enum] } : {}) })),
    template: entryTemplate(spec),
  };
  if (spec.description !== undefined) entry.description = spec.description;
  const image = entryImage(spec);
  if (image !== undefined) entry.image = image;
  if (spec.kind === 'resource' && spec.resourceKind !== undefined)
    entry.resourceKind = spec.resourceKind;
  if (spec.line !== undefined) entry.line = spec.line;
  return entry;
}

function entryImage(spec: EntrySpec): string | undefined {
  if (spec.kind === 'container') return spec.container.image as string;
  if (spec.kind === 'script') return spec.script.image as string;
  if (spec.kind === 'resource') return spec.image;
  return undefined;
}

/** Argo `inputs.parameters[]` item; Argo's Parameter has the same optional fields. */
function inputParameter(p: PaletteParameter): PaletteParameter {
  const out: PaletteParameter = { name: p.name };
  if (p.default !== undefined) out.default = p.default;
  if (p.description !== undefined) out.description = p.description;
  if (p.enum) out.enum = [...p.enum];
  return out;
}
