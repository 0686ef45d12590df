/**
 * Reads one entry of the resources section into a checked resource
 * `EntrySpec`. A seed `Resources` entry is always a Spark job; a lowercase
 * entry has either a full `manifest` (a mapping, or a YAML string kept as
 * written so its comments and `{{...}}` placeholders survive) or the Spark
 * shorthand fields, never both.
 */
import { dump } from 'js-yaml';
import { isMap, isScalar } from 'yaml';
import {
  ENTRY_KEYS,
  PULL_POLICIES,
  RESOURCE_ACTIONS,
  SPARK_KEYS,
  SPARK_MODES,
  SPARK_TYPES,
  type ConfigForm,
} from './configKeys';
import type { EntrySpec, ResourceSpec } from './entrySpec';
import { manifestObjectProblem, parseManifestText, type ManifestObject } from './manifestText';
import {
  SPARK_FAILURE_CONDITION,
  SPARK_MAIN_FILE_PARAMETER,
  SPARK_SUCCESS_CONDITION,
  type SparkFields,
} from './paletteTypes';
import { readCommon } from './readFields';
import { sparkApplicationManifest } from './sparkManifest';
import { plain, type Field } from './yamlNodes';
import type { Reader } from './yamlReader';

/** One resources-section entry, or undefined when it has errors. */
export function readResourceEntry(
  r: Reader,
  entry: Field,
  form: ConfigForm,
): EntrySpec | undefined {
  const map = r.map(entry);
  if (!map) return undefined;
  const before = r.errors;
  const fields = r.fields(
    map,
    entry.path,
    form === 'seed' ? ENTRY_KEYS.seedResource : ENTRY_KEYS.resource,
  );
  const common = readCommon(r, fields, entry);
  const action = r.oneOf(fields.get('action'), RESOURCE_ACTIONS) ?? 'create';
  let success = r.string(fields.get('successCondition'));
  let failure = r.string(fields.get('failureCondition'));
  const owner = r.boolean(fields.get('setOwnerReference'));
  const sparkKeys = [...SPARK_KEYS, 'imagepullpolicy'].filter((k) => fields.has(k));
  const manifestField = fields.get('manifest');
  let manifest: { text: string; kind?: string; image?: string } | undefined;
  if (manifestField && sparkKeys.length > 0) {
    r.error(
      'conflicting-keys',
      `give either \`manifest\` or the Spark fields (${sparkKeys.join(', ')}), not both`,
      manifestField,
    );
  } else if (manifestField) {
    manifest = readManifest(r, manifestField);
  } else if (form === 'seed' || sparkKeys.length > 0) {
    const spark = readSpark(r, fields, entry, common?.name ?? '');
    if (spark) {
      manifest = {
        text: dump(sparkApplicationManifest(spark), { noRefs: true }),
        kind: 'SparkApplication',
        image: spark.image,
      };
      success ??= SPARK_SUCCESS_CONDITION;
      failure ??= SPARK_FAILURE_CONDITION;
      // The manifest then reads the file from this input (see sparkApplicationManifest).
      if (
        !spark.mainApplicationFile &&
        common &&
        !common.parameters.some((p) => p.name === SPARK_MAIN_FILE_PARAMETER)
      ) {
        common.parameters.push({
          name: SPARK_MAIN_FILE_PARAMETER,
          description: 'Application file, e.g. local:///opt/spark/examples/jars/spark-examples.jar',
        });
      }
    }
  } else {
    r.error(
      'missing-manifest',
      'resource entry needs a `manifest`, or the Spark fields (`sparkVersion`, `image`, ...)',
      entry,
    );
  }
  if (!common || !manifest || r.errors !== before) return undefined;
  const resource: ResourceSpec['resource'] = { action, manifest: manifest.text };
  if (owner !== undefined) resource.setOwnerReference = owner;
  if (success !== undefined) resource.successCondition = success;
  if (failure !== undefined) resource.failureCondition = failure;
  const spec: ResourceSpec = {
    ...common,
    category: common.category ?? 'resources',
    line: r.at(entry.value, []).line,
    kind: 'resource',
    resource,
  };
  if (manifest.kind !== undefined) spec.resourceKind = manifest.kind;
  if (manifest.image !== undefined) spec.image = manifest.image;
  return spec;
}

/** The Spark shorthand; `sparkVersion` and `image` are required. */
function readSpark(
  r: Reader,
  fields: Map<string, Field>,
  entry: Field,
  name: string,
): SparkFields | undefined {
  const before = r.errors;
  const sparkVersion = r.text(fields.get('sparkVersion'));
  if (!fields.has('sparkVersion'))
    r.error('missing-field', 'Spark entry has no `sparkVersion`', entry);
  const image = r.string(fields.get('image'));
  if (!fields.has('image')) r.error('missing-image', 'Spark entry has no `image`', entry);
  const out: Partial<SparkFields> = { name, sparkVersion, image };
  const set = <K extends keyof SparkFields>(key: K, value: SparkFields[K] | undefined): void => {
    if (value !== undefined) out[key] = value;
  };
  set('mode', r.oneOf(fields.get('mode'), SPARK_MODES));
  set(
    'imagePullPolicy',
    r.oneOf(fields.get('imagePullPolicy') ?? fields.get('imagepullpolicy'), PULL_POLICIES),
  );
  set('type', r.oneOf(fields.get('type'), SPARK_TYPES));
  set('mainClass', r.string(fields.get('mainClass')));
  set('mainApplicationFile', r.string(fields.get('mainApplicationFile')));
  set('arguments', r.stringList(fields.get('arguments')));
  set('prometheusJar', r.string(fields.get('prometheusJar')));
  set('serviceAccount', r.string(fields.get('serviceAccount')));
  const port = r.integer(fields.get('prometheusPort'));
  // The CRD bounds the exporter port to 1024..49151 (monitoring.prometheus.port).
  if (port !== undefined && (port < 1024 || port > 49151)) {
    r.error(
      'invalid-value',
      `\`prometheusPort\` must be between 1024 and 49151, not ${port}`,
      fields.get('prometheusPort'),
    );
  }
  set('prometheusPort', port);
  if (port !== undefined && out.prometheusJar === undefined) {
    r.warn(
      'ignored-key',
      '`prometheusPort` has no effect without `prometheusJar`',
      fields.get('prometheusPort'),
    );
  }
  return r.errors === before ? (out as SparkFields) : undefined;
}

/** A manifest mapping (dumped to YAML) or YAML string (kept verbatim); it must have apiVersion and kind. */
function readManifest(r: Reader, f: Field): { text: string; kind: string } | undefined {
  let object: unknown;
  let text: string;
  const v = f.value;
  if (isMap(v)) {
    object = plain(v);
    text = dump(object, { noRefs: true });
  } else if (isScalar(v) && typeof v.value === 'string') {
    text = v.value;
    // Argo substitutes `{{...}}` before it parses the manifest, so `name: {{x}}-job`
    // is fine there though not YAML as written: parseManifestText checks it filled.
    const parsed = parseManifestText(text);
    if (!parsed.ok) {
      r.error(
        'invalid-manifest',
        parsed.reason === 'alias'
          ? // A manifest string gets the same no-alias rule as the file.
            '`manifest` may not use YAML aliases'
          : parsed.reason === 'too-large'
            ? '`manifest` is too large'
            : `\`manifest\` is not valid YAML (its line ${parsed.line ?? 1}): ${parsed.message}`,
        f,
      );
      return undefined;
    }
    object = parsed.value;
  } else {
    r.wrongType(f, 'a mapping or a YAML string');
    return undefined;
  }
  const problem = manifestObjectProblem(object);
  if (problem) {
    r.error('invalid-manifest', `\`manifest\` ${problem}`, f);
    return undefined;
  }
  return { text, kind: (object as ManifestObject).kind };
}
