// parseConfig (config.yaml -> palette): the shipped palette, the seed's exact
// format, name normalisation, every error case with its code and line, and the
// input guards (alias bomb, oversized text). Table-driven, node environment.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  normaliseK8sName,
  parseConfig,
  sparkApplicationManifest,
  type PaletteEntry,
} from '../../src/core/config';
import { isObject, type JsonObject } from '../../src/core/model/types';
import { validateTemplate } from '../support/argoSchema';
import { sparkApplicationValidator } from '../support/sparkSchema';

const read = (rel: string): string => readFileSync(new URL(rel, import.meta.url), 'utf8');
const publicConfig = read('../../public/config.yaml');
const seedConfig = read('../fixtures/config/seed-config.yaml');
const RFC1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The manifest string of a resource entry, loaded back into an object. */
function manifestOf(entry: PaletteEntry | undefined): JsonObject {
  const resource = entry?.template.resource;
  if (!isObject(resource) || typeof resource.manifest !== 'string') throw new Error('no manifest');
  const obj = load(resource.manifest);
  if (!isObject(obj)) throw new Error('manifest is not a mapping');
  return obj;
}

function get(obj: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), obj);
}

describe('public/config.yaml', () => {
  const { value, diagnostics } = parseConfig(publicConfig, 'public/config.yaml');

  it('parses without diagnostics', () => {
    expect(diagnostics).toEqual([]);
  });

  it.each([
    // id,                kind,        category,        template name,       image
    ['jobprofilerclient', 'container', 'data quality', 'jobprofilerclient', 'pydeequ:0.1.7'],
    ['busybox-shell', 'container', 'utilities', 'busybox-shell', 'busybox:1.36'],
    ['python-script', 'script', 'scripts', 'python-script', 'python:3.12-alpine'],
    ['curl', 'container', 'http', 'curl', 'curlimages/curl:8.10.1'],
    ['http-request', 'http', 'http', 'http-request', undefined],
    ['sparkk8sScala', 'resource', 'spark', 'sparkk8sscala', 'docker.io/apache/spark:4.0.4'],
  ])('has %s (%s, %s)', (id, kind, category, templateName, image) => {
    const entry = value.find((e) => e.id === id);
    expect(entry).toMatchObject({ id, name: id, kind, category });
    expect(entry?.image).toBe(image);
    expect(entry?.template.name).toBe(templateName);
    expect(entry?.description).toBeTruthy();
    expect(entry?.line).toBeGreaterThan(0);
  });

  it('compiles the pydeequ profiler exactly like the seed did', () => {
    expect(value[0]?.template).toEqual({
      name: 'jobprofilerclient',
      container: { image: 'pydeequ:0.1.7', command: ['/bin/bash', '/home/pydeequ/sample.sh'] },
    });
  });

  it('builds the SparkPi SparkApplication with monitoring', () => {
    const spark = value.find((e) => e.id === 'sparkk8sScala');
    expect(spark?.resourceKind).toBe('SparkApplication');
    const m = manifestOf(spark);
    expect(get(m, 'spec', 'mainClass')).toBe('org.apache.spark.examples.SparkPi');
    expect(get(m, 'spec', 'arguments')).toEqual(['1000']);
    expect(get(m, 'spec', 'monitoring', 'prometheus')).toEqual({
      jmxExporterJar: '/prometheus/jmx_prometheus_javaagent-0.11.0.jar',
      port: 8090,
    });
    // mainApplicationFile is given, so no input parameter is added for it.
    expect(spark?.parameters).toEqual([]);
  });

  it('gives every template a lowercase RFC 1123 name of at most 63 characters', () => {
    for (const e of value) {
      expect(e.template.name).toMatch(RFC1123);
      expect(e.template.name.length).toBeLessThanOrEqual(63);
    }
  });
});

describe('seed format (Containers: / Resources:)', () => {
  const { value, diagnostics } = parseConfig(seedConfig, 'seed-config.yaml');
  const spark = value.find((e) => e.id === 'sparkk8sScala');

  it('parses both seed entries without diagnostics', () => {
    expect(diagnostics).toEqual([]);
    expect(value.map((e) => [e.id, e.kind, e.category, e.template.name])).toEqual([
      ['jobprofilerclient', 'container', 'containers', 'jobprofilerclient'],
      ['sparkk8sScala', 'resource', 'resources', 'sparkk8sscala'],
    ]);
  });

  it('compiles the Spark resource with the seed action and conditions', () => {
    expect(spark?.template.resource).toMatchObject({
      action: 'create',
      successCondition: 'status.applicationState.state == COMPLETED',
      failureCondition: 'status.applicationState.state == FAILED',
    });
  });

  it.each([
    [['apiVersion'], 'sparkoperator.k8s.io/v1beta2'],
    [['kind'], 'SparkApplication'],
    [['metadata', 'generateName'], 'sparkk8sscala-'],
    [['metadata', 'name'], undefined],
    [['spec', 'type'], 'Scala'],
    [['spec', 'image'], 'gcr.io/spark-operator/spark:v3.0.0-gcs-prometheus'],
    [['spec', 'imagePullPolicy'], 'Always'],
    [['spec', 'sparkVersion'], '3.0.0'],
    [['spec', 'mode'], 'cluster'],
    [['spec', 'driver', 'labels', 'version'], '3.0.0'],
    [['spec', 'monitoring', 'prometheus', 'port'], 8090],
    [
      ['spec', 'monitoring', 'prometheus', 'jmxExporterJar'],
      '/prometheus/jmx_prometheus_javaagent-0.11.0.jar',
    ],
    // The seed took the application file per task: here it is a template input.
    [['spec', 'mainApplicationFile'], '{{inputs.parameters.mainApplicationFile}}'],
  ])('manifest %j is %j', (path, expected) => {
    expect(get(manifestOf(spark), ...path)).toEqual(expected);
  });

  it('takes mainApplicationFile as an input parameter', () => {
    expect(spark?.template.inputs).toMatchObject({ parameters: [{ name: 'mainApplicationFile' }] });
  });
});

describe('normaliseK8sName', () => {
  it.each([
    ['sparkk8sScala', 'sparkk8sscala'],
    ['My Step_1', 'my-step-1'],
    ['--a--b--', 'a-b'],
    ['Étape 2', 'etape-2'],
    ['a.b/c', 'a-b-c'],
    ['___', ''],
    ['a'.repeat(70), 'a'.repeat(63)],
    // Cut at 63 would end in '-': trimmed.
    [`${'x'.repeat(62)}_y`, 'x'.repeat(62)],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseK8sName(input)).toBe(expected);
  });
});

/**
 * Error cases. Each starts with `### <case> -> <code>` (optionally `~ <regex>`
 * for the message); the diagnostic must be on the line marked `# <-` (line 1
 * when none is marked). A `'` in a regex stands for a backtick.
 */
const ERROR_CASES = `
### YAML syntax error -> yaml-syntax
containers:
  - name: a
    image: "x   # <- unclosed quote: reported at the last written line
### bad indentation -> yaml-syntax
containers:
  - name: a
    image: x
   command: [ls]  # <-
### two documents -> yaml-syntax
containers: []
---  # <-
resources: []
### duplicate key -> duplicate-key ~ 'image'
containers:
  - name: a
    image: x
    image: y  # <-
### unknown key with a typo -> unknown-key ~ 'imgae'.*did you mean 'image'
containers:
  - name: a
    imgae: x  # <-
### seed spelling in the lowercase form -> unknown-key ~ did you mean 'imagePullPolicy'
resources:
  - name: s
    sparkVersion: 3.5.1
    image: spark
    imagepullpolicy: Always  # <-
### Kubernetes spelling in the seed form -> unknown-key ~ did you mean 'imagepullpolicy'
Resources:
  - name: s
    sparkVersion: 3.0.0
    image: spark
    imagePullPolicy: Always  # <-
### lowercase-only key in the seed form -> unknown-key ~ lowercase form
Containers:
  - name: a
    image: x
    description: hi  # <-
### key of another entry kind -> unknown-key ~ 'image' does not apply to an http entry
containers:
  - name: h
    image: x  # <-
    http: {url: http://x}
### missing image -> missing-image
containers:
  - name: a  # <-
    command: [ls]
### script without any image -> missing-image ~ script\\.image
containers:
  - name: s  # <-
    script: {command: [python], source: print(1)}
### missing name -> missing-name
containers:
  - image: x  # <-
### duplicate name -> duplicate-name ~ already used on line 2
containers:
  - name: a
    image: x
  - name: a  # <-
    image: z
### duplicate name after normalisation -> duplicate-name ~ 'Foo' and 'foo' both become template name 'foo'
containers:
  - name: Foo
    image: x
resources:
  - name: foo  # <-
    manifest: {apiVersion: v1, kind: ConfigMap}
### name without letters -> invalid-name
containers:
  - name: ___  # <-
    image: x
### command not a list -> wrong-type ~ 'command' must be a list of strings, not a string
containers:
  - name: a
    image: x
    command: /bin/sh -c date  # <-
### command item not a string -> wrong-type ~ 'command\\[1\\]'
containers:
  - name: a
    image: x
    command: [sh, {c: 1}]  # <-
### image not a string -> wrong-type ~ quote it
containers:
  - name: a
    image: 12  # <-
### a name Kubernetes reads as a boolean (YAML 1.1) -> wrong-type ~ not a boolean ..n.. .quote it.
containers:
  - name: a
    image: x
    parameters:
      - name: n  # <-
### parameters not a list -> wrong-type
containers:
  - name: a
    image: x
    parameters: {n: 1}  # <-
### env item without name -> missing-name
containers:
  - name: a
    image: x
    env:
      - value: "1"  # <-
### section not a list -> wrong-type
containers:
  name: a  # <-
### entry not a mapping -> wrong-type
containers:
  - just-a-string  # <-
### top level not a mapping -> wrong-type
- name: a  # <-
### empty file -> empty-config
### only comments -> empty-config
# nothing here
### neither section -> no-sections
steps:
  - name: a
### section typo -> unknown-key ~ did you mean 'containers'
container:  # <-
  - name: a
### mixed casing -> mixed-casing ~ use one form per file
Containers: []
resources: []  # <-
### manifest not a mapping -> wrong-type ~ mapping or a YAML string
resources:
  - name: m
    manifest: [1, 2]  # <-
### manifest string not YAML -> invalid-manifest
resources:
  - name: m
    manifest: "a: [1"  # <-
### manifest string not a mapping -> invalid-manifest
resources:
  - name: m
    manifest: hello  # <-
### manifest without kind -> invalid-manifest
resources:
  - name: m
    manifest: {apiVersion: v1}  # <-
### manifest and Spark fields together -> conflicting-keys
resources:
  - name: m
    sparkVersion: 3.5.1
    manifest: {apiVersion: v1, kind: ConfigMap}  # <-
### resource with nothing to create -> missing-manifest
resources:
  - name: m  # <-
    action: create
### Spark entry without sparkVersion -> missing-field
resources:
  - name: s  # <-
    image: spark
### enum value with the wrong case -> invalid-value ~ did you mean 'cluster'
resources:
  - name: s
    sparkVersion: 3.5.1
    image: spark
    mode: Cluster  # <-
### unknown action -> invalid-value
resources:
  - name: m
    action: make  # <-
    manifest: {apiVersion: v1, kind: A}
### prometheusPort not a number -> wrong-type
resources:
  - {name: s, sparkVersion: 3.5.1, image: spark, prometheusJar: /j.jar,
     prometheusPort: high}  # <-
### prometheusPort outside the CRD range -> invalid-value
resources:
  - {name: s, sparkVersion: 3.5.1, image: spark, prometheusJar: /j.jar,
     prometheusPort: 80}  # <-
### setOwnerReference not a boolean -> wrong-type
resources:
  - name: m
    setOwnerReference: "yes"  # <-
    manifest: {apiVersion: v1, kind: A}
### invalid parameter name -> invalid-parameter-name
containers:
  - name: a
    image: x
    parameters:
      - name: my param  # <-
### duplicate parameter -> duplicate-parameter
containers:
  - name: a
    image: x
    parameters:
      - name: p
      - name: p  # <-
### default outside enum -> invalid-value ~ not in its enum
containers:
  - name: a
    image: x
    parameters:
      - name: p
        default: c  # <-
        enum: [a, b]
### http without url -> missing-field
containers:
  - name: h
    http:  # <-
      method: GET
### script and http together -> conflicting-keys
containers:
  - name: h  # <-
    script: {source: x}
    http: {url: x}
### YAML alias -> yaml-alias
containers:
  - name: a
    image: &i x
  - name: b
    image: *i  # <-
`;

interface ErrorCase {
  name: string;
  code: string;
  message?: RegExp;
  text: string;
  line: number;
}

const errorCases: ErrorCase[] = ERROR_CASES.split(/^### /m)
  .slice(1)
  .map((block) => {
    const [header = '', ...body] = block.split('\n');
    const [, name = '', code = '', message] = /^(.*) -> (\S+)(?: ~ (.*))?$/.exec(header) ?? [];
    const marked = body.findIndex((l) => l.includes('# <-'));
    const text = body.join('\n');
    const regex = message === undefined ? undefined : new RegExp(message.replaceAll("'", '`'));
    return { name, code, message: regex, text, line: marked + 1 || 1 };
  });

describe('diagnostics', () => {
  it.each(errorCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    let result: ReturnType<typeof parseConfig> | undefined;
    expect(() => (result = parseConfig(c.text))).not.toThrow();
    const d = result?.diagnostics.find((x) => x.code === c.code);
    expect(d, JSON.stringify(result?.diagnostics, null, 1)).toBeDefined();
    expect(d).toMatchObject({ severity: 'error', line: c.line, source: 'config.yaml' });
    expect(d?.column).toBeGreaterThanOrEqual(1);
    expect(d?.path).toBeDefined();
    if (c.message) expect(d?.message).toMatch(c.message);
  });

  it.each([
    ['containers:\n  - name: a\n    imgae: x\n', ['containers', 0, 'imgae']],
    [
      'containers:\n  - name: a\n    image: x\n    command: [sh, 1, {c: 1}]\n',
      ['containers', 0, 'command', 2],
    ],
    ['resources:\n  - name: m\n    manifest: 5\n', ['resources', 0, 'manifest']],
  ])('points into the document: %j', (text, path) => {
    expect(parseConfig(text).diagnostics[0]?.path).toEqual(path);
  });

  it('keeps the good entries when one is bad', () => {
    const { value, diagnostics } = parseConfig(`containers:
  - {name: good1, image: a}
  - {name: bad, imgae: b}
  - {name: good2, image: c}
`);
    expect(value.map((e) => e.id)).toEqual(['good1', 'good2']);
    expect(diagnostics.map((d) => d.code)).toEqual(['unknown-key', 'missing-image']);
  });

  it('skips only the entry holding a duplicate key', () => {
    const { value, diagnostics } = parseConfig(`containers:
  - {name: a, image: x, image: y}
  - {name: b, image: z}
`);
    expect(value.map((e) => e.id)).toEqual(['b']);
    expect(diagnostics.map((d) => d.code)).toEqual(['duplicate-key']);
  });

  it('uses the given source name', () => {
    const d = parseConfig('', 'palettes/team.yaml').diagnostics[0];
    expect(d?.source).toBe('palettes/team.yaml');
  });

  it('never throws on odd input', () => {
    const odd = [
      '\t',
      '{',
      '[[[',
      'containers: 5',
      'containers: [5]',
      'resources: [{name: x, manifest: {}}]',
      '\u0000',
      '? [a]\n: b',
      'containers:\n  - ? [a]\n    : b',
      '%YAML 9.9\n---\na: 1',
    ];
    for (const text of odd) {
      const result = parseConfig(text);
      expect(Array.isArray(result.value)).toBe(true);
      expect(result.diagnostics.length).toBeGreaterThan(0);
    }
  });
});

// Both guards are checked by construction rather than by a clock (speed is
// measured in bench/, never asserted in a unit test): a bomb of 9^20 values
// cannot be expanded in any test's time, so only a parser that never expands
// it returns; a big input whose first line is not YAML is refused for its
// size, not its syntax, so the size is checked before anything parses it.
describe('input guards', () => {
  it('rejects an alias bomb without expanding it', () => {
    const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 20; i++) {
      const prev = String.fromCharCode(96 + i);
      rows.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`,
      );
    }
    rows.push('containers:', '  - name: x', '    image: *t');
    const { value, diagnostics } = parseConfig(`${rows.join('\n')}\n`);
    expect(value).toEqual([]);
    expect(diagnostics.some((d) => d.code === 'yaml-alias' && d.line === 2)).toBe(true);
  });

  it.each([
    ['a 2 MiB input', ''],
    ['a 2 MiB input whose first line is not YAML', ': [\n'],
  ])('rejects %s before parsing it', (_label, head) => {
    const row = '  - {name: step, image: "alpine:3.20-padding-padding-padding"}\n';
    const big = `${head}containers:\n${row.repeat(40_000)}`;
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const { value, diagnostics } = parseConfig(big);
    expect(value).toEqual([]);
    expect(diagnostics).toMatchObject([{ code: 'config-too-large', line: 1 }]);
  });

  it('counts UTF-8 bytes, not characters', () => {
    // 400,000 three-byte characters: 1.2 MB of UTF-8 in 400 K UTF-16 units.
    const text = `# ${'€'.repeat(400_000)}\ncontainers: []\n`;
    expect(parseConfig(text).diagnostics[0]?.code).toBe('config-too-large');
  });
});

describe('compiled templates', () => {
  const only = (text: string): PaletteEntry => {
    const { value, diagnostics } = parseConfig(text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(value).toHaveLength(1);
    return value[0] as PaletteEntry;
  };

  it('compiles a container with env, resources, args and parameters, inventing nothing', () => {
    const e = only(`containers:
  - name: My Step_1
    image: alpine:3.20
    imagePullPolicy: IfNotPresent
    args: [--port, 8080, --ratio, 0.50]
    env: [{name: A, value: 1}, {name: S, valueFrom: {secretKeyRef: {name: s, key: k}}}]
    resources: {requests: {cpu: 1, memory: 64Mi}}
    parameters:
      - {name: count, default: 3, description: count, enum: [1, 2, 3]}
      - {name: seed_value, value: x}
`);
    expect(e.category).toBe('containers');
    expect(e.template).toEqual({
      name: 'my-step-1',
      inputs: {
        parameters: [
          { name: 'count', default: '3', description: 'count', enum: ['1', '2', '3'] },
          { name: 'seed_value', default: 'x' },
        ],
      },
      container: {
        image: 'alpine:3.20',
        imagePullPolicy: 'IfNotPresent',
        // Numbers keep the text written: 0.50 stays "0.50".
        args: ['--port', '8080', '--ratio', '0.50'],
        env: [
          { name: 'A', value: '1' },
          { name: 'S', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
        ],
        resources: { requests: { cpu: '1', memory: '64Mi' } },
      },
    });
  });

  it('compiles a script whose image and command are on the entry', () => {
    const e = only(`containers:
  - {name: s, image: 'python:3.12', command: [python], script: {source: print(1)}}
`);
    expect(e.kind).toBe('script');
    expect(e.template).toEqual({
      name: 's',
      script: { image: 'python:3.12', command: ['python'], source: 'print(1)' },
    });
  });

  it('warns about a script without a command but keeps it', () => {
    const { value, diagnostics } = parseConfig(`containers:
  - name: s
    script: {image: alpine, source: echo}
`);
    expect(value).toHaveLength(1);
    expect(diagnostics).toMatchObject([{ code: 'missing-command', severity: 'warning', line: 3 }]);
  });

  it('compiles an http step', () => {
    const e = only(`containers:
  - name: ping
    http:
      url: https://x
      headers: [{name: A, value: b}]
      body: "{}"
      timeoutSeconds: 5
      insecureSkipVerify: false
`);
    expect(e.kind).toBe('http');
    expect(e.template).toEqual({
      name: 'ping',
      http: {
        url: 'https://x',
        headers: [{ name: 'A', value: 'b' }],
        body: '{}',
        timeoutSeconds: 5,
        insecureSkipVerify: false,
      },
    });
  });

  it('dumps a manifest mapping to a string, without Spark default conditions', () => {
    const e = only(`resources:
  - name: cm
    action: apply
    setOwnerReference: true
    manifest:
      apiVersion: v1
      kind: ConfigMap
      metadata: {generateName: cm-}
      data: {a: "1"}
`);
    expect(e.resourceKind).toBe('ConfigMap');
    expect(e.template.resource).toEqual({
      action: 'apply',
      setOwnerReference: true,
      manifest: expect.any(String),
    });
    expect(manifestOf(e)).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { generateName: 'cm-' },
      data: { a: '1' },
    });
  });

  it('keeps a manifest string as written, placeholders and comments included', () => {
    // Not YAML as written (a flow mapping followed by `-`), but Argo substitutes first.
    const e = only(`resources:
  - name: job
    manifest: |
      apiVersion: batch/v1
      kind: Job # a comment
      metadata:
        generateName: {{inputs.parameters.prefix}}-
`);
    expect(e.template.resource).toEqual({
      action: 'create',
      manifest:
        'apiVersion: batch/v1\nkind: Job # a comment\nmetadata:\n  generateName: {{inputs.parameters.prefix}}-\n',
    });
    expect(e.resourceKind).toBe('Job');
  });

  it('warns that prometheusPort needs prometheusJar', () => {
    const { value, diagnostics } = parseConfig(`resources:
  - name: s
    sparkVersion: 3.5.1
    image: spark
    prometheusPort: 8090
`);
    expect(value).toHaveLength(1);
    expect(get(manifestOf(value[0]), 'spec', 'monitoring')).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: 'ignored-key', severity: 'warning', line: 5 }]);
  });

  it('warns about an empty section', () => {
    const { value, diagnostics } = parseConfig(`containers:
resources:
  - {name: a, manifest: {apiVersion: v1, kind: A}}
`);
    expect(value).toHaveLength(1);
    expect(diagnostics).toMatchObject([{ code: 'empty-section', severity: 'warning', line: 1 }]);
  });
});

describe('sparkApplicationManifest', () => {
  const base = { name: 'Nightly ETL', sparkVersion: '3.5.1', image: 'apache/spark:3.5.1' };

  it.each([
    [
      'defaults',
      base,
      {
        type: 'Scala',
        mode: 'cluster',
        mainApplicationFile: '{{inputs.parameters.mainApplicationFile}}',
      },
    ],
    [
      'Python',
      { ...base, type: 'Python' as const, mainApplicationFile: 'local:///app.py' },
      { type: 'Python', mainApplicationFile: 'local:///app.py' },
    ],
    [
      'service account',
      { ...base, serviceAccount: 'spark' },
      { driver: expect.objectContaining({ serviceAccount: 'spark' }) },
    ],
  ])('%s', (_name, fields, expected) => {
    const m = sparkApplicationManifest(fields);
    expect(m).toMatchObject({
      apiVersion: 'sparkoperator.k8s.io/v1beta2',
      kind: 'SparkApplication',
      metadata: { generateName: 'nightly-etl-' },
    });
    expect(m.spec).toMatchObject(expected);
    expect(get(m, 'spec', 'monitoring')).toBeUndefined();
  });

  it('keeps generateName short enough for the suffixes Kubernetes and the operator add', () => {
    const m = sparkApplicationManifest({ ...base, name: 'x'.repeat(100) });
    expect(get(m, 'metadata', 'generateName')).toBe(`${'x'.repeat(40)}-`);
  });
});

// Reference data beside the repository.
const schemaJson = fileURLToPath(new URL('../../../shared/argo/schema.json', import.meta.url));
const sparkCrd = fileURLToPath(
  new URL(
    '../../../shared/spark/crds/sparkoperator.k8s.io_sparkapplications.yaml',
    import.meta.url,
  ),
);
const allEntries = [...parseConfig(publicConfig).value, ...parseConfig(seedConfig).value];

describe.skipIf(!existsSync(schemaJson))('Argo JSON schema', () => {
  it('accepts every compiled template of the shipped palette and the seed', () => {
    for (const e of allEntries) expect([e.id, validateTemplate(e.template)]).toEqual([e.id, []]);
  });
});

describe.skipIf(!existsSync(sparkCrd))('SparkApplication CRD', () => {
  it('accepts every Spark manifest the palette builds', () => {
    // Compiled once into a cache the test files share (test/support/sparkSchema.ts).
    const validate = sparkApplicationValidator();
    const spark = allEntries.filter((e) => e.resourceKind === 'SparkApplication');
    expect(spark.length).toBe(2);
    for (const e of spark)
      expect([e.id, validate(manifestOf(e)), validate.errors ?? []]).toEqual([e.id, true, []]);
  });
});
