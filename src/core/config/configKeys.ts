/**
 * The keys each part of config.yaml may have, per form. The seed form
 * (`Containers:` / `Resources:`) accepts exactly the argoflow seed's keys;
 * the lowercase form (`containers:` / `resources:`) is the richer one.
 */
import type { KeySpec } from './yamlReader';

export type ConfigForm = 'seed' | 'lowercase';

/** Top-level section names per form. */
export const SECTIONS = {
  seed: { containers: 'Containers', resources: 'Resources' },
  lowercase: { containers: 'containers', resources: 'resources' },
} as const;

const COMMON = ['name', 'description', 'category', 'parameters'] as const;
const CONTAINER = [...COMMON, 'image', 'imagePullPolicy', 'command', 'args', 'env', 'resources'];
const SCRIPT = [...CONTAINER, 'script'];
const HTTP = [...COMMON, 'http'];
/** The Spark-operator shorthand of a lowercase resource entry. */
export const SPARK_KEYS = [
  'sparkVersion',
  'mode',
  'image',
  'imagePullPolicy',
  'type',
  'mainClass',
  'mainApplicationFile',
  'arguments',
  'prometheusJar',
  'prometheusPort',
  'serviceAccount',
] as const;
const RESOURCE = [
  ...COMMON,
  'action',
  'successCondition',
  'failureCondition',
  'setOwnerReference',
  'manifest',
  ...SPARK_KEYS,
];
const SEED_CONTAINER = ['name', 'image', 'command', 'parameters'];
const SEED_RESOURCE = [
  'name',
  'action',
  'successCondition',
  'failureCondition',
  'sparkVersion',
  'mode',
  'image',
  'imagepullpolicy',
  'prometheusJar',
  'prometheusPort',
];
const ALL_CONTAINER_SECTION = [...new Set([...SCRIPT, ...HTTP])];

const TO_LOWERCASE = {
  keys: [...ALL_CONTAINER_SECTION, ...RESOURCE],
  hint: 'that key exists only in the lowercase form (`containers:` / `resources:`)',
};
const TO_SEED = { keys: [...SEED_CONTAINER, ...SEED_RESOURCE], hint: 'that is a seed-form key' };

/** Key specs for entries, by form and kind. */
export const ENTRY_KEYS = {
  seedContainer: {
    allowed: SEED_CONTAINER,
    what: 'a seed `Containers` entry',
    otherForm: TO_LOWERCASE,
  },
  seedResource: {
    allowed: SEED_RESOURCE,
    what: 'a seed `Resources` entry',
    otherForm: TO_LOWERCASE,
  },
  container: {
    allowed: CONTAINER,
    what: 'a container entry',
    elsewhere: ALL_CONTAINER_SECTION,
    otherForm: TO_SEED,
  },
  script: {
    allowed: SCRIPT,
    what: 'a script entry',
    elsewhere: ALL_CONTAINER_SECTION,
    otherForm: TO_SEED,
  },
  http: {
    allowed: HTTP,
    what: 'an http entry',
    elsewhere: ALL_CONTAINER_SECTION,
    otherForm: TO_SEED,
  },
  resource: { allowed: RESOURCE, what: 'a resource entry', otherForm: TO_SEED },
} satisfies Record<string, KeySpec>;

/** Key specs for the nested mappings. */
export const NESTED_KEYS = {
  parameter: { allowed: ['name', 'default', 'value', 'description', 'enum'], what: 'a parameter' },
  nameValue: { allowed: ['name', 'value', 'valueFrom'], what: 'a name/value item' },
  resources: { allowed: ['requests', 'limits'], what: '`resources` (requests/limits)' },
  script: { allowed: ['image', 'command', 'source'], what: '`script`' },
  http: {
    allowed: [
      'url',
      'method',
      'headers',
      'body',
      'successCondition',
      'timeoutSeconds',
      'insecureSkipVerify',
    ],
    what: '`http`',
  },
} satisfies Record<string, KeySpec>;

export const RESOURCE_ACTIONS = ['get', 'create', 'apply', 'delete', 'replace', 'patch'] as const;
export const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;
export const SPARK_MODES = ['cluster', 'client'] as const;
export const SPARK_TYPES = ['Scala', 'Java', 'Python', 'R'] as const;
