// Argo YAML snippets shared by the tests that open, lint, format or submit
// files. Snippets are plain text (line numbers matter to the tests), built so
// that a test still reads the lines it depends on:
//
//   1 apiVersion / 2 kind / 3 metadata: / 4.. metadata lines / spec: /
//   entrypoint: main / templates: / - name: main / dag: / tasks: / the tasks /
//   the other templates
//
// With one metadata line, the first task is on line 11.

/** Task lines at task-list indent: `a`, then `b` depending on `a`. */
export const A_THEN_B = `      - {name: a, template: echo}
      - {name: b, template: echo, depends: a}`;

/** The `echo` template (alpine container), block style, at template-list indent. */
export const ECHO_TEMPLATE = `  - name: echo
    container: {image: alpine}`;

/** The same `echo` template in flow style, on one line. */
export const ECHO_TEMPLATE_FLOW = '  - {name: echo, container: {image: alpine}}';

/** A Kubernetes object that is not an Argo manifest. */
export const CONFIG_MAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  key: value
`;

export interface DagWorkflowText {
  /** Default 'Workflow'. */
  kind?: string;
  /** The lines under `metadata:`, indented by two, e.g. `  name: wf`. */
  metadata: string;
  /** The lines of the `main` DAG's task list, at task-list indent (six). */
  tasks: string;
  /** The templates after `main`, at template-list indent (two); default {@link ECHO_TEMPLATE}. */
  templates?: string;
}

/** An Argo manifest whose entrypoint `main` is a DAG of `tasks`, followed by `templates`. */
export function dagWorkflow({
  kind = 'Workflow',
  metadata,
  tasks,
  templates = ECHO_TEMPLATE,
}: DagWorkflowText): string {
  return `apiVersion: argoproj.io/v1alpha1
kind: ${kind}
metadata:
${metadata}
spec:
  entrypoint: main
  templates:
  - name: main
    dag:
      tasks:
${tasks}
${templates}
`;
}
