/**
 * Kubernetes-safe names for palette templates. Since Argo 3.4 pod names embed
 * the template name, so an upper-case name (the seed's `sparkk8sScala`) breaks
 * pods: template names are lowercase RFC 1123 labels.
 */

/** RFC 1123 label length limit, which Argo also applies to template names of objects. */
export const MAX_K8S_NAME = 63;

/**
 * Lowercase RFC 1123 label derived from `name`: lowercase, accents dropped,
 * every run of other characters turned into one `-`, no leading or trailing
 * `-`, at most 63 characters. Returns `''` when nothing usable is left.
 *
 * @example normaliseK8sName('sparkk8sScala') // 'sparkk8sscala'
 * @example normaliseK8sName('My Step_1')     // 'my-step-1'
 */
export function normaliseK8sName(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_K8S_NAME)
    .replace(/-+$/, '');
}
