// A template's own rules (workflow/validate/validate.go): validateTemplateType
// (exactly one type), validateNonLeaf and validateLeaf (activeDeadlineSeconds,
// parallelism, the image unless templateDefaults supplies it, a resource's
// action and manifest), validateTemplate (timeout), validateTemplateHolder
// (retryPolicy). Cases after validate_test.go: TestMultipleTemplateTypes,
// TestValidActiveDeadlineSeconds, TestLeafWithParallelism,
// TestInvalidWfNoImageField(Script), TestValidWf*InTemplateDefault,
// TestValidResourceWorkflow, TestInvalidResourceWorkflow,
// TestWorkflowTemplateWithResourceManifest, TestValidActiveDeadlineSecondsArgoVariable.
import { describe, it } from 'vitest';
import { check, ECHO, workflow, type Row } from './harness';

const L = 'validate.go validateLeaf';

const rows: Row[] = [
  [
    'validate.go validateTemplateType (TestMultipleTemplateTypes)',
    'a container and a script',
    workflow(`  - name: main
    container: {image: alpine}
    script: {image: python, source: x} # <-`),
    [
      {
        code: 'multiple-template-types',
        message: 'templates.main multiple template types specified (container, script)',
      },
    ],
  ],
  [
    'validate.go validateTemplateType',
    'no type at all',
    workflow(`  - name: main # <-
    inputs: {}`),
    [{ code: 'missing-template-type', message: 'templates.main template type unspecified' }],
  ],
  [
    'validate.go validateTemplateType',
    'every template type on its own',
    workflow(`  - name: main
    steps: [[{name: a, template: suspend}, {name: b, template: data}, {name: c, template: http}, {name: d, template: plugin}, {name: e, template: set}]]
  - {name: suspend, suspend: {}}
  - {name: data, data: {source: {artifactPaths: {name: x, s3: {key: k}}}, transformation: [{expression: x}]}}
  - {name: http, http: {url: "https://example.com"}}
  - {name: plugin, plugin: {hello: {text: hi}}}
  - {name: set, containerSet: {containers: [{name: a, image: alpine}]}}`),
    [],
  ],
  [
    `${L} (TestValidActiveDeadlineSeconds)`,
    'a negative activeDeadlineSeconds',
    workflow(`  - name: main
    activeDeadlineSeconds: -1 # <-
    container: {image: alpine}`),
    [
      {
        code: 'invalid-deadline',
        message:
          'templates.main.activeDeadlineSeconds must be a positive integer > 0 or an argo variable',
      },
    ],
  ],
  [
    `${L} (TestValidActiveDeadlineSecondsArgoVariable)`,
    'activeDeadlineSeconds from an input',
    workflow(`  - name: main
    inputs: {parameters: [{name: t, value: "5"}]}
    activeDeadlineSeconds: "{{inputs.parameters.t}}"
    container: {image: alpine}`),
    [],
  ],
  [
    'validate.go validateNonLeaf',
    'activeDeadlineSeconds on a steps template',
    workflow(`  - name: main
    activeDeadlineSeconds: 10 # <-
    steps: [[{name: a, template: echo}]]
${ECHO}`),
    [
      {
        code: 'deadline-not-allowed',
        message: 'templates.main.activeDeadlineSeconds is only valid for leaf templates',
      },
    ],
  ],
  [
    `${L} (TestLeafWithParallelism)`,
    'parallelism on a container template',
    workflow(`  - name: main
    parallelism: 2 # <-
    container: {image: alpine}`),
    [
      {
        code: 'parallelism-not-allowed',
        message: 'templates.main.parallelism is only valid for steps and dag templates',
      },
    ],
  ],
  [
    'validate.go validateTemplate (timeout)',
    'a timeout on a steps template',
    workflow(`  - name: main
    timeout: 10s # <-
    steps: [[{name: a, template: echo}]]
${ECHO}`),
    [{ code: 'invalid-timeout', message: "Steps template doesn't support timeout field" }],
  ],
  [
    'validate.go validateTemplate (timeout)',
    'a timeout without a unit',
    workflow(`  - name: main
    timeout: "30" # <-
    container: {image: alpine}`),
    [{ code: 'invalid-timeout', message: 'main has invalid duration format in timeout' }],
  ],
  [
    'validate.go validateTemplateHolder (retryStrategy)',
    'an unknown retry policy',
    workflow(`  - name: main
    retryStrategy:
      retryPolicy: Sometimes # <-
    container: {image: alpine}`),
    [{ code: 'invalid-retry-policy', message: 'Sometimes is not a valid RetryPolicy' }],
  ],
  [
    `${L} (TestInvalidWfNoImageField)`,
    'a container without an image',
    workflow(`  - name: main
    container: # <-
      command: [cowsay]`),
    [{ code: 'missing-image', message: 'templates.main.container.image may not be empty' }],
  ],
  [
    `${L} (TestIinvalidWfNoImageScriptInTemplateDefault)`,
    'a script without an image, templateDefaults without one',
    workflow(
      `  - name: main
    script: {source: x} # <-`,
      '  templateDefaults: {script: {command: [sh]}}\n',
    ),
    [{ code: 'missing-image', message: 'templates.main.script.image may not be empty' }],
  ],
  [
    `${L} (TestValidWfImageContainerInTemplateDefault)`,
    'the image from templateDefaults',
    workflow(
      `  - name: main
    container: {command: [cowsay]}`,
      '  templateDefaults: {container: {image: alpine}}\n',
    ),
    [],
  ],
  [
    `${L} (TestInvalidResourceWorkflow)`,
    'a resource manifest that is not YAML',
    workflow(`  - name: main
    resource:
      action: apply
      manifest: | # <-
        invalid-yaml-line
        kind: ConfigMap`),
    [
      {
        code: 'invalid-manifest',
        message: 'templates.main.resource.manifest must be a valid yaml',
      },
    ],
  ],
  [
    `${L} (TestInvalidResourceWorkflow)`,
    'an unknown resource action',
    workflow(`  - name: main
    resource:
      action: foo # <-
      manifest: "kind: ConfigMap"`),
    [
      {
        code: 'invalid-resource-action',
        message:
          'templates.main.resource.action must be one of: get, create, apply, delete, replace, patch',
      },
    ],
  ],
  [
    `${L} (TestWorkflowTemplateWithResourceManifest, SubstituteResourceManifestExpressions)`,
    'a manifest with {{...}} and {{=...}} where YAML values go, and an action from an input',
    workflow(`  - name: main
    inputs: {parameters: [{name: size, value: "20"}, {name: act, value: create}]}
    resource:
      action: "{{inputs.parameters.act}}"
      manifest: |
        kind: Pod
        spec:
          containers:
          - name: foo
            args: ["{{=sprig.replace('bar', 'baz', inputs.parameters.size)}}"]
            ports:
            - containerPort: {{=asInt(inputs.parameters.size)}}`),
    [],
  ],
  [
    L,
    'a create without manifest or manifestFrom',
    workflow(`  - name: main
    resource: # <-
      action: create`),
    [
      {
        code: 'missing-manifest',
        message:
          'either templates.main.resource.manifest or templates.main.resource.manifestFrom must be specified',
      },
    ],
  ],
  [
    L,
    'manifestFrom an artifact the template does not have',
    workflow(`  - name: main
    resource:
      action: apply
      manifestFrom:
        artifact:
          name: other # <-`),
    [
      {
        code: 'unknown-artifact',
        message: "artifact 'other' in `manifestFrom` refer to a non-exist artifact",
      },
    ],
  ],
  [
    L,
    'delete needs no manifest',
    workflow(`  - name: main
    resource: {action: delete, flags: [pod, x]}`),
    [],
  ],
  [
    'v1alpha1 Plugin.UnmarshalJSON (exactly one key)',
    'a plugin with two keys',
    workflow(`  - name: main
    plugin: {a: {}, b: {}} # <-`),
    [{ code: 'invalid-plugin', message: 'expected exactly one key, got 2' }],
  ],
];

describe('template rules', () => {
  it.each(rows)('%s: %s', (_source, _label, yaml, expected, options) => {
    check(yaml, expected, options);
  });
});
