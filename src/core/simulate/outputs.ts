/**
 * A DAG's or steps template's output parameters once it succeeded
 * (operator.go `getTemplateOutputsFromScope`): `valueFrom.parameter` and
 * `value` are substituted, `valueFrom.expression` evaluated, over the names
 * its tasks or steps left in scope. One that cannot be told is left out.
 */
import { isObject, type JsonObject } from '../model/types';
import { evaluateExpr, text } from './expression';
import { scopeLookup, substitute } from './substitute';

export function templateOutputs(
  tmpl: JsonObject,
  scope: ReadonlyMap<string, string>,
  note: (message: string) => void,
): Record<string, string> {
  const out: Record<string, string> = {};
  const outputs = isObject(tmpl.outputs) ? tmpl.outputs : {};
  const params = Array.isArray(outputs.parameters) ? outputs.parameters.filter(isObject) : [];
  for (const p of params) {
    const name = String(p.name);
    const from = isObject(p.valueFrom) ? p.valueFrom : {};
    let value: string | undefined;
    if (typeof from.expression === 'string') {
      const r = evaluateExpr(from.expression, scopeLookup(scope));
      if (r.ok) value = text(r.value);
    } else {
      const source = typeof from.parameter === 'string' ? from.parameter : p.value;
      if (typeof source === 'string') {
        const r = substitute(source, scope);
        if (r.unresolved.length === 0) value = r.text;
      }
    }
    if (value === undefined && typeof from.default === 'string') value = from.default;
    if (value === undefined) note(`output parameter ${name} has no value in the simulation`);
    else out[`parameters.${name}`] = value;
  }
  return out;
}
