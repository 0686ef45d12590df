/**
 * Node ids and pod names as Argo's controller gives them, so a simulated run
 * (src/core/simulate) and the Argo Server test double name nodes exactly as a
 * real workflow's `status.nodes` does.
 */

/** 32-bit FNV-1a over the UTF-8 bytes, as Go's hash/fnv New32a (Workflow.NodeID). */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

/**
 * `<wf>-<fnv32a(nodeName)>`; the root node (named after the workflow) has the
 * workflow's name as its id (pkg/apis/workflow/v1alpha1 Workflow.NodeID).
 */
export function argoNodeId(wfName: string, nodeName: string): string {
  return nodeName === wfName ? wfName : `${wfName}-${fnv32a(nodeName)}`;
}

/**
 * The v2 pod name Argo 3.4+ gives a pod node: `<wf>-<template>-<fnv32a(nodeName)>`, the
 * prefix cut to 242 characters (workflow/util/pod_name.go); the workflow name for the root.
 */
export function argoPodName(wfName: string, templateName: string, nodeName: string): string {
  if (nodeName === wfName) return wfName;
  return `${`${wfName}-${templateName}`.slice(0, 242)}-${fnv32a(nodeName)}`;
}
