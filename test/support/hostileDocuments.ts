// Malformed Argo documents that took the whole editor down (issue 8, "Crash
// and lock-out"), shared by the store, component and browser tests. Each one
// must leave the editor running, whether or not the core still fails on it.

const HEAD = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: hostile-
spec:
  entrypoint: main
  templates:
`;

/** `templates` (default: an `echo` container), then a DAG `main` with `tasks` at task-list indent. */
const dag = (tasks: string, templates = '  - name: echo\n    container: {image: alpine}\n') =>
  `${HEAD}${templates}  - name: main
    dag:
      tasks:
${tasks}
`;

/** The text of a good document whose task `a` has `arguments.parameters:` ending at the last line. */
export const PARAMETERS_OPEN = dag(
  `      - name: a
        template: echo
        arguments:
          parameters:`,
).trimEnd();

export const HOSTILE_DOCUMENTS: Record<string, string> = {
  'a template without name': dag(
    '      - {name: a, template: echo}',
    '  - container: {image: alpine}\n  - name: echo\n    container: {image: alpine}\n',
  ),
  'a null argument': dag(
    '      - name: a\n        template: echo\n        arguments:\n          parameters:\n          - null',
  ),
  'a numeric template name': dag(
    '      - {name: a, template: 42}',
    '  - name: 42\n    container: {image: alpine}\n',
  ),
  'arguments.parameters as a map': dag(
    '      - name: a\n        template: echo\n        arguments:\n          parameters:\n            x: 1',
  ),
  'a deeply nested depends': dag(
    `      - {name: a, template: echo}\n      - {name: b, template: echo, depends: "${'('.repeat(3000)}a${')'.repeat(3000)}"}`,
  ),
  // One keystroke in the YAML panel: `- ` under `parameters:`.
  'an empty "- " under arguments.parameters': `${PARAMETERS_OPEN}\n          - \n`,
};
