// The pod a template runs: Argo's validateInitContainers and validateLeaf's
// mount checks (workflow/validate/validate.go), ContainerSetTemplate.Validate
// (v1alpha1/container_set_template_types.go) and the containerSet `main`
// rule. Argo's validator lets the rest through and the pod fails when it is
// created (Kubernetes refuses nameless or duplicate containers; the
// controller's PodSpecPatchMerge refuses a patch it cannot read): warnings.
// Cases after validate_test.go TestInitContainerHasName,
// TestVolumeMountArtifactPathCollision, TestInvalidContainerSetDependencyNotFound,
// TestInvalidContainerSetNoMainContainer.
import { describe, it } from 'vitest';
import { check, workflow, type Row } from './harness';

const wt = (templates: string, spec = '') => workflow(templates, spec, 'WorkflowTemplate');

const rows: Row[] = [
  [
    'validate.go validateInitContainers (TestInitContainerHasName)',
    'an init container without a name',
    workflow(`  - name: main
    initContainers:
    - image: alpine # <-
      command: [sleep, "15"]
    container: {image: alpine}`),
    [
      {
        code: 'missing-name',
        message: 'templates.main initContainers must all have container name',
      },
    ],
  ],
  [
    'validate.go validateLeaf (TestVolumeMountArtifactPathCollision)',
    'an input artifact where a volume is mounted',
    wt(`  - name: main
    inputs:
      artifacts:
      - name: src
        path: /src # <-
        git: {repo: "https://github.com/argoproj/argo-workflows.git"}
    container:
      image: alpine
      volumeMounts: [{name: workdir, mountPath: /src}]`),
    [
      {
        code: 'duplicate-mount',
        message:
          "templates.main.inputs.artifacts[0].path '/src' already mounted in container.volumeMounts.workdir",
      },
    ],
  ],
  [
    'validate.go validateLeaf (TestVolumeMountArtifactPathCollision, tweaked)',
    'the artifact at another path',
    wt(`  - name: main
    inputs:
      artifacts:
      - {name: src, path: /src, git: {repo: "https://github.com/argoproj/argo-workflows.git"}}
    container:
      image: alpine
      volumeMounts: [{name: workdir, mountPath: /differentpath}]`),
    [],
  ],
  [
    'container_set_template_types.go Validate (TestInvalidContainerSetDependencyNotFound)',
    'a container depending on one that does not exist',
    workflow(`  - name: main
    containerSet:
      containers:
      - {name: a, image: alpine}
      - name: b
        image: alpine
        dependencies: [c] # <-`),
    [
      {
        code: 'unknown-dependency',
        message: "templates.main.containerSet.containers.b dependency 'c' not defined",
      },
    ],
  ],
  [
    'container_set_template_types.go Validate',
    'two containers depending on each other',
    workflow(`  - name: main
    containerSet: # <-
      containers:
      - {name: a, image: alpine, dependencies: [b]}
      - {name: b, image: alpine, dependencies: [a]}`),
    [
      {
        code: 'cycle',
        message: 'templates.main.containerSet.containers dependency cycle detected: a->b->a',
      },
    ],
  ],
  [
    'validate.go validateLeaf (TestInvalidContainerSetNoMainContainer)',
    'outputs without a main container',
    workflow(`  - name: main
    outputs:
      parameters: [{name: out, valueFrom: {path: /tmp/out}}]
    containerSet:
      containers: # <-
      - {name: a, image: alpine}`),
    [
      {
        code: 'missing-main-container',
        message:
          'templates.main.containerSet.containers must have a container named "main" for input or output',
      },
    ],
  ],
  [
    'validate.go validateLeaf (TestStepsOutputParametersForContainerSet)',
    'outputs from the main container',
    workflow(`  - name: main
    outputs:
      parameters: [{name: out, valueFrom: {path: /tmp/out}}]
    containerSet:
      containers:
      - {name: main, image: alpine}
      - {name: side, image: alpine, dependencies: [main]}`),
    [],
  ],
  [
    'Kubernetes: every container has a name (Argo does not check sidecars)',
    'a sidecar without a name',
    workflow(`  - name: main
    sidecars:
    - image: nginx # <-
    container: {image: alpine}`),
    [
      {
        code: 'missing-name',
        severity: 'warning',
        message: 'sidecars must all have container name',
      },
    ],
  ],
  [
    'Kubernetes: container names are unique in a pod (Argo adds main, wait, init)',
    'a sidecar named wait',
    workflow(`  - name: main
    sidecars:
    - name: wait # <-
      image: nginx
    container: {image: alpine}`),
    [
      {
        code: 'reserved-container-name',
        severity: 'warning',
        message: "container name 'wait' is taken by Argo's wait container",
      },
    ],
  ],
  [
    'controller PodSpecPatchMerge (run time)',
    'a podSpecPatch that is not YAML',
    workflow(`  - name: main
    podSpecPatch: "{containers: [" # <-
    container: {image: alpine}`),
    [
      {
        code: 'invalid-pod-spec-patch',
        severity: 'warning',
        message: 'templates.main.podSpecPatch is not a YAML or JSON mapping',
      },
    ],
  ],
  [
    'controller PodSpecPatchMerge (run time)',
    'a YAML podSpecPatch with a {{...}} value, and a JSON one on the workflow',
    workflow(
      `  - name: main
    inputs: {parameters: [{name: mem, value: 1Gi}]}
    podSpecPatch: |
      containers:
      - name: main
        resources: {limits: {memory: "{{inputs.parameters.mem}}"}}
    container: {image: alpine}`,
      `  podSpecPatch: '{"terminationGracePeriodSeconds": 5}'\n`,
    ),
    [],
  ],
];

describe('pod rules', () => {
  it.each(rows)('%s: %s', (_source, _label, yaml, expected, options) => {
    check(yaml, expected, options);
  });
});
