/**
 * Kubernetes-safe names for palette templates: the model's rule, re-exported
 * where the config code looks for it.
 */
export { normaliseK8sName } from '../model/names';

/** RFC 1123 label length limit, which Argo also applies to template names of objects. */
export const MAX_K8S_NAME = 63;
