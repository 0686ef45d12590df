// DAG templates: Argo's validateDAG, verifyNoCycles, validateDAGTargets and
// validateDAGTaskArgumentDependency (workflow/validate/validate.go), with
// ParseDepends / ValidateTaskResults (workflow/common/ancestry.go). Cases
// after validate_dag_test.go.
//
//   a --> b        the DAG most rows use: b waits for a
import { describe, expect, it } from 'vitest';
import { check, dag, lint, TEMPLATES, type Row } from './harness';

const D = 'validate.go validateDAG';

const rows: Row[] = [
  [
    D,
    'a DAG without tasks',
    dag('        []').replace('      tasks:\n        []', '      tasks: [] # <-'),
    [{ code: 'empty-dag', message: 'templates.main must have at least one task' }],
  ],
  [
    D,
    'an unknown dependency in depends',
    dag(`      - {name: a, template: echo}
      - name: b
        template: echo
        depends: a && ghost # <-`),
    [
      {
        code: 'unknown-dependency',
        message: "templates.main.tasks.b dependency 'ghost' not defined",
      },
    ],
  ],
  [
    D,
    'an unknown dependency in dependencies',
    dag(`      - {name: a, template: echo}
      - name: b
        template: echo
        dependencies: [a, ghost] # <-`),
    [{ code: 'unknown-dependency', message: "dependency 'ghost' not defined" }],
  ],
  [
    'validate.go verifyNoCycles',
    'a cycle',
    dag(`      - name: a # <-
        template: echo
        depends: b
      - {name: b, template: echo, depends: a}`),
    [{ code: 'cycle', message: 'templates.main.tasks dependency cycle detected: a->b->a' }],
  ],
  [
    D,
    'depends and dependencies in one DAG',
    dag(`      - {name: a, template: echo}
      - name: b
        template: echo
        dependencies: [a] # <-
      - {name: c, template: echo, depends: a}`),
    [
      {
        code: 'mixed-depends',
        message:
          "templates.main cannot use both 'depends' and 'dependencies' in the same DAG template",
      },
    ],
  ],
  [
    D,
    'continueOn in a DAG using depends',
    dag(`      - name: a
        template: echo
        continueOn: {failed: true} # <-
      - {name: b, template: echo, depends: a}`),
    [{ code: 'continue-on-with-depends', message: "cannot use 'continueOn' when using 'depends'" }],
  ],
  [
    D,
    'continueOn with dependencies',
    dag(`      - {name: a, template: echo, continueOn: {failed: true}}
      - {name: b, template: echo, dependencies: [a]}`),
    [],
  ],
  [
    'common/ancestry.go ParseDepends',
    'an unknown task result',
    dag(`      - {name: a, template: echo}
      - name: b
        template: echo
        depends: a.Succeded # <-`),
    [{ code: 'invalid-depends', message: "task result 'Succeded' for task 'a' is invalid" }],
  ],
  [
    'common/ancestry.go ParseDepends (the rest is parsed only when the DAG runs)',
    'a depends expression that does not parse',
    dag(`      - {name: a, template: echo}
      - name: b
        template: echo
        depends: "a &&" # <-`),
    [{ code: 'invalid-depends', severity: 'warning', message: "depends 'a &&' does not parse" }],
  ],
  [
    D,
    'AnySucceeded on a task without items',
    dag(`      - {name: a, template: echo}
      - name: b
        template: echo
        depends: a.AnySucceeded # <-`),
    [
      {
        code: 'items-condition',
        message:
          "dependency 'a' uses an items-based condition such as .AnySucceeded or .AllFailed but does not contain any items",
      },
    ],
  ],
  [
    D,
    'AllFailed on a looped task, and every result',
    dag(`      - {name: a, template: echo, withItems: [1, 2]}
      - {name: b, template: echo, depends: "a.AllFailed || (a.Succeeded && !a.Errored) || a.Skipped || a.Omitted || a.Daemoned || a.Failed"}`),
    [],
  ],
  [
    'validate.go validateDAGTargets',
    'a target that is not a task',
    dag(`      - {name: a, template: echo}`).replace(
      '    dag:\n',
      '    dag:\n      target: a ghost # <-\n',
    ),
    [{ code: 'unknown-target', message: "templates.main.targets: target 'ghost' is not defined" }],
  ],
  [
    'validate.go validateDAGTaskArgumentDependency',
    'an argument from a task that is not an ancestor',
    dag(
      `      - {name: a, template: produce}
      - name: b
        template: say
        arguments:
          parameters:
          - name: message
            value: "{{tasks.a.outputs.result}}" # <-`,
      TEMPLATES,
    ),
    [
      {
        code: 'reference-not-upstream',
        message: "templates.main.tasks.b missing dependency 'a' for parameter 'message'",
      },
    ],
  ],
  [
    'validate.go validateDAGTaskArgumentDependency',
    'an artifact from a task that is not an ancestor',
    dag(
      `      - {name: a, template: produce}
      - name: b
        template: take
        arguments:
          artifacts:
          - name: art
            from: "{{tasks.a.outputs.artifacts.data}}" # <-`,
      `${TEMPLATES}
  - name: take
    inputs: {artifacts: [{name: art, path: /tmp/art}]}
    container: {image: alpine}`,
    ),
    [{ code: 'reference-not-upstream', message: "missing dependency 'a' for artifact 'art'" }],
  ],
  [
    'validate.go validateDAGTaskArgumentDependency (ancestors through depends)',
    'an argument from an ancestor two levels up',
    dag(
      `      - {name: a, template: produce}
      - {name: m, template: echo, depends: a.Succeeded}
      - name: b
        template: say
        depends: m
        arguments: {parameters: [{name: message, value: "{{tasks.a.outputs.result}}"}]}`,
      TEMPLATES,
    ),
    [],
  ],
  [
    'validate.go validateTemplateHolder',
    'a task naming a template that does not exist',
    dag(`      - name: a
        template: ehco # <-`),
    [
      {
        code: 'unknown-template',
        message: "templates.main.tasks.a template name 'ehco' undefined",
      },
    ],
  ],
  [
    'validate.go validateTemplateHolder',
    'a task with both template and templateRef',
    dag(`      - name: a
        template: echo # <-
        templateRef: {name: lib, template: echo}`),
    [
      {
        code: 'multiple-templates',
        message: 'templates.main.tasks.a template name cannot be specified with templateRef',
      },
    ],
  ],
  [
    'validate.go validateTemplateHolder',
    'a templateRef without a template',
    dag(`      - name: a
        templateRef: {name: lib} # <-`),
    [{ code: 'invalid-template-ref', message: 'templates.main.tasks.a template name is required' }],
  ],
  [
    'templateresolution (a task runs template, templateRef or inline)',
    'a task with none',
    dag(`      - name: a # <-
        arguments: {}`),
    [
      {
        code: 'missing-template',
        message: 'templates.main.tasks.a must have one of template, templateRef or inline',
      },
    ],
  ],
  [
    'validate.go addItemsToScope',
    'withItems and withParam together',
    dag(`      - name: a
        template: echo
        withItems: [1]
        withParam: "[1]" # <-`),
    [
      {
        code: 'invalid-loop',
        message:
          'templates.main.tasks.a only one of withItems, withParam, withSequence can be specified',
      },
    ],
  ],
  [
    'validate.go addItemsToScope (TestSpecBadSequenceCountAndEnd)',
    'withSequence with count and end',
    dag(`      - name: a
        template: echo
        withSequence: {count: "10", end: "10"} # <-`),
    [{ code: 'invalid-loop', message: 'only one of count or end can be defined in withSequence' }],
  ],
  [
    'validate.go validateHooks is not run for DAG tasks: the hook never fires',
    'a task hook without an expression',
    dag(`      - name: a
        template: echo
        hooks:
          running: # <-
            template: echo`),
    [
      {
        code: 'missing-hook-expression',
        severity: 'warning',
        message: 'templates.main.tasks.a.running Expression required',
      },
    ],
  ],
];

describe('DAG templates', () => {
  it.each(rows)('%s: %s', (_source, _label, yaml, expected, options) => {
    check(yaml, expected, options);
  });
});

// Found by the fuzz run: an argument whose name is not a string printed
// "[object Object]" in validate.go validateDAGTaskArgumentDependency's message.
it('names an argument whose name is a mapping by its type, not [object Object]', () => {
  const found = lint(
    dag(`      - {name: a, template: produce}
      - name: b
        template: say
        arguments: {parameters: [{name: {x: 1}, value: "{{tasks.a.outputs.result}}"}]}`),
  ).find((d) => d.code === 'reference-not-upstream');
  expect(found?.message).toContain("missing dependency 'a' for parameter (a mapping)");
});
