/**
 * The `yaml` package (used where a CST with positions is needed: the palette
 * config, resource manifests) read as Kubernetes reads: parse with the
 * failsafe schema, so every scalar stays the text written, then resolve each
 * plain scalar value with go-yaml v2's rules (`resolve11.ts`): `0755` is 493,
 * `yes` true, an empty value null. Quoted and tagged scalars stay strings.
 * Keys are left as written: the config's keys are the editor's own, and the
 * CST readers report an odd key rather than reinterpret it.
 */
import { visit, type Document } from 'yaml';
import { resolvePlain } from './resolve11';

/** Parse options that keep every scalar's text for `resolveAsKubernetes`. */
export const KUBERNETES_PARSE = { schema: 'failsafe' } as const;

/** Resolves the plain scalar values of `doc` in place, as go-yaml v2 does. */
export function resolveAsKubernetes(doc: Document): void {
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || node.tag || node.type !== 'PLAIN') return;
      node.value = resolvePlain(String(node.source ?? node.value));
    },
  });
}
