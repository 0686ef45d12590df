// Test support for the validator's rule tables: a YAML snippet per case,
// validated as the CLI reads it (one parse, diagnostics located), and the
// expectation checked: the codes found, their severity, a message fragment
// and the line marked `# <-` in the snippet.
import { expect } from 'vitest';
import { locateWith } from '../../../src/core/argo/locate';
import { loadYamlDocuments } from '../../../src/core/argo/yamlText';
import type { Diagnostic, Severity } from '../../../src/core/diagnostics';
import {
  templateLibrary,
  validateManifest,
  type ValidateOptions,
} from '../../../src/core/validate';

/** Diagnostics for the first document of `text`, with lines; `library` texts resolve templateRefs. */
export function lint(
  text: string,
  options: ValidateOptions = {},
  library: string[] = [],
): Diagnostic[] {
  const loaded = loadYamlDocuments(text);
  expect(loaded.diagnostics).toEqual([]);
  const templates =
    library.length > 0
      ? templateLibrary(library.flatMap((t) => loadYamlDocuments(t).value))
      : options.templates;
  const found = validateManifest(loaded.value[0], {
    ...options,
    ...(templates ? { templates } : {}),
  });
  return locateWith(loaded.index, found, 0);
}

/** 1-based number of the line marked `# <-`, or undefined. */
export function markedLine(text: string): number | undefined {
  const at = text.split('\n').findIndex((l) => l.includes('# <-'));
  return at < 0 ? undefined : at + 1;
}

export interface Expect {
  code: string;
  severity?: Severity;
  /** A fragment of the message. */
  message?: string;
}

/**
 * A rule's case: `[argo source, label, snippet, expected]`. An invalid case
 * expects its one problem (notes aside) at the marked line; a valid case
 * (`[]`) expects no error and no warning.
 */
export type Row = [
  source: string,
  label: string,
  yaml: string,
  expected: Expect[],
  options?: ValidateOptions,
];

export function check(
  yaml: string,
  expected: Expect[],
  options: ValidateOptions = {},
): Diagnostic[] {
  const found = lint(yaml, options).filter((d) => d.severity !== 'info');
  const shown = found.map((d) => `${d.severity} ${d.code} (line ${d.line}): ${d.message}`);
  expect(
    found.map((d) => d.code),
    shown.join('\n'),
  ).toEqual(expected.map((e) => e.code));
  expected.forEach((e, i) => {
    const d = found[i]!;
    expect(d.severity, shown[i]).toBe(e.severity ?? 'error');
    if (e.message) expect(d.message).toContain(e.message);
  });
  const line = markedLine(yaml);
  if (expected.length > 0 && line !== undefined) expect(found[0]!.line, shown[0]).toBe(line);
  return found;
}

/** A Workflow named `wf` with entrypoint `main`: `templates` at template-list indent (two). */
export function workflow(templates: string, spec = '', kind = 'Workflow'): string {
  return `apiVersion: argoproj.io/v1alpha1
kind: ${kind}
metadata:
  name: wf
spec:
  entrypoint: main
${spec}  templates:
${templates}
`;
}

/** A Workflow whose `main` DAG holds `tasks` (at task-list indent, six), then `templates`. */
export function dag(tasks: string, templates = ECHO, spec = ''): string {
  return workflow(
    `  - name: main
    dag:
      tasks:
${tasks}
${templates}`,
    spec,
  );
}

/** A Workflow whose `main` steps template holds `steps` (at group indent, four), then `templates`. */
export function steps(groups: string, templates = ECHO, spec = ''): string {
  return workflow(
    `  - name: main
    steps:
${groups}
${templates}`,
    spec,
  );
}

export const ECHO = `  - name: echo
    container: {image: alpine}`;

/** `echo` plus `say` (input `message`) and `produce` (output parameter `size`, a result). */
export const TEMPLATES = `${ECHO}
  - name: say
    inputs: {parameters: [{name: message}]}
    container: {image: alpine, args: ["{{inputs.parameters.message}}"]}
  - name: produce
    outputs:
      parameters:
      - {name: size, valueFrom: {path: /tmp/size}}
      artifacts:
      - {name: data, path: /tmp/data}
    script: {image: python, source: 'print(1)'}`;
