// Every example Argo ships (../shared/argo/examples) lints clean, linted in one
// call as `argoflow lint ../shared/argo/examples` does it: the
// WorkflowTemplates among them resolve each other's templateRefs. The
// exceptions are listed here, and in docs/validation.md, with their reasons.
// Warnings and notes are allowed: they are not Argo refusals.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintFiles, type LintedFile } from '../../../src/core/validate/lintFiles';
import {
  argoExamplePath,
  hasShared,
  listArgoExamples,
  SKIP_REASON,
} from '../../support/sharedData';
import { TIMEOUT } from '../../support/timeouts';

/** Examples that do not lint clean, and why. */
const EXCEPTIONS: Record<string, string> = {
  'k8s-patch-json-workflow.yaml':
    "`annotations` twice under metadata: a duplicated key, which `argo lint` (strict by default) and kubectl refuse; only Argo's non-strict decoder would keep the last",
};

/** Examples with warnings we expect, and why they are warnings. */
const WARNED: Record<string, string> = {
  'fun-with-gifs.yaml':
    "no metadata.name or generateName (indentation slip upstream): the API server refuses it, Argo's validator does not check it",
  'k8s-jobs.yaml': 'the same',
};

describe.skipIf(!hasShared)(
  `Argo's examples lint clean (skipped when ${SKIP_REASON})`,
  { timeout: TIMEOUT.cpu },
  () => {
    const files = listArgoExamples();
    let linted: LintedFile[] = [];
    const byName = () => new Map(linted.map((f) => [f.file, f]));

    it('in one call', () => {
      linted = lintFiles(
        files.map((name) => ({ name, text: readFileSync(argoExamplePath(name), 'utf8') })),
      );
      expect(linted).toHaveLength(files.length);
      expect(files.length).toBeGreaterThan(200);
    });

    it('every example but the exceptions has no error', () => {
      const failing = linted.filter(
        (f) => f.unreadable || f.diagnostics.some((d) => d.severity === 'error'),
      );
      const shown = failing.flatMap((f) =>
        f.diagnostics.map((d) => `${f.file}:${d.line}: ${d.message}`),
      );
      expect(
        failing.map((f) => f.file),
        shown.join('\n'),
      ).toEqual(Object.keys(EXCEPTIONS));
    });

    it('the exceptions fail for the reason given', () => {
      const f = byName().get('k8s-patch-json-workflow.yaml')!;
      expect(f.diagnostics.map((d) => d.message)).toEqual(["duplicated mapping key 'annotations'"]);
    });

    it('warnings only where expected: missing names and upper-case template names', () => {
      const warned = linted.filter((f) =>
        f.diagnostics.some((d) => d.severity === 'warning' && d.code !== 'uppercase-template'),
      );
      expect(warned.map((f) => f.file)).toEqual(Object.keys(WARNED));
      for (const f of warned) expect(f.diagnostics.map((d) => d.code)).toEqual(['missing-name']);
    });

    it('documents of other kinds get a note, and templateRefs resolve among the examples', () => {
      const notes = linted.flatMap((f) =>
        f.diagnostics.filter((d) => d.severity === 'info').map((d) => `${f.file}: ${d.message}`),
      );
      expect(notes).toEqual([
        'configmaps/simple-parameters-configmap.yaml: skipped: v1 ConfigMap is not an Argo workflow',
        "fibonacci-seq-conditional-param.yaml: template 'return-1' never runs: neither the entrypoint 'main' nor an exit handler or hook reaches it (Argo runs it only if submitted with --entrypoint return-1)",
        "http-success-condition.yaml: template 'http-headers-contains-cloudflare' never runs: neither the entrypoint 'main' nor an exit handler or hook reaches it (Argo runs it only if submitted with --entrypoint http-headers-contains-cloudflare)",
        'testvolume.yaml: skipped: v1 PersistentVolumeClaim is not an Argo workflow',
        'workflow-count-resourcequota.yaml: skipped: v1 ResourceQuota is not an Argo workflow',
        'workflow-event-binding/event-consumer-workfloweventbinding.yaml: skipped: argoproj.io/v1alpha1 WorkflowEventBinding is not linted (only Workflow, WorkflowTemplate, ClusterWorkflowTemplate, CronWorkflow are)',
        'workflow-event-binding/github-path-filter-workfloweventbinding.yaml: skipped: argoproj.io/v1alpha1 WorkflowEventBinding is not linted (only Workflow, WorkflowTemplate, ClusterWorkflowTemplate, CronWorkflow are)',
      ]);
    });

    it('linted one by one, the references to other files are noted, not failed', () => {
      const alone = lintFiles([
        {
          name: 'workflow-template/dag.yaml',
          text: readFileSync(argoExamplePath('workflow-template/dag.yaml'), 'utf8'),
        },
      ]);
      expect(alone[0]!.diagnostics.map((d) => [d.severity, d.code])).toEqual([
        ['info', 'unchecked-references'],
      ]);
    });
  },
);
