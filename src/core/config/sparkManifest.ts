/**
 * The SparkApplication (Spark operator, `sparkoperator.k8s.io/v1beta2`) that a
 * Spark resource entry creates. Follows the seed's `sparkTemplate` defaults
 * (driver 1 core / 1200m limit / 512m, one 512m executor, restart Never,
 * `version` labels, JMX exporter monitoring) and the operator's examples.
 */
import type { JsonObject } from '../model/types';
import { normaliseK8sName } from './k8sName';
import { SPARK_MAIN_FILE_PARAMETER, type SparkFields } from './paletteTypes';

/** Service account of the operator chart's Spark jobs; the driver needs rights to create executor pods. */
export const DEFAULT_SPARK_SERVICE_ACCOUNT = 'spark-operator-spark';

/**
 * Room left in a 63-character name for the API server's 5-character
 * `generateName` suffix and the operator's `-driver` / `-ui-svc` suffixes.
 */
const GENERATE_NAME_PREFIX = 40;

/**
 * The SparkApplication object for `fields`. Its metadata has `generateName`
 * (not `name`) so every run of the task creates its own object, and no
 * namespace, so Argo creates it in the workflow's namespace (required for
 * `setOwnerReference`). Without `mainApplicationFile` the manifest reads it
 * from the template input `{{inputs.parameters.mainApplicationFile}}`, as the
 * seed took the file per task.
 *
 * @example
 * sparkApplicationManifest({ name: 'sparkk8sScala', sparkVersion: '4.0.4', image: 'apache/spark:4.0.4',
 *   mainClass: 'org.apache.spark.examples.SparkPi',
 *   mainApplicationFile: 'local:///opt/spark/examples/jars/spark-examples.jar' })
 * // { apiVersion: 'sparkoperator.k8s.io/v1beta2', kind: 'SparkApplication',
 * //   metadata: { generateName: 'sparkk8sscala-' }, spec: { type: 'Scala', mode: 'cluster', ... } }
 */
export function sparkApplicationManifest(fields: SparkFields): JsonObject {
  const labels = { version: fields.sparkVersion };
  const spec: JsonObject = {
    type: fields.type ?? 'Scala',
    mode: fields.mode ?? 'cluster',
    image: fields.image,
  };
  if (fields.imagePullPolicy) spec.imagePullPolicy = fields.imagePullPolicy;
  if (fields.mainClass) spec.mainClass = fields.mainClass;
  spec.mainApplicationFile =
    fields.mainApplicationFile ?? `{{inputs.parameters.${SPARK_MAIN_FILE_PARAMETER}}}`;
  if (fields.arguments) spec.arguments = [...fields.arguments];
  spec.sparkVersion = fields.sparkVersion;
  spec.restartPolicy = { type: 'Never' };
  spec.driver = {
    cores: 1,
    coreLimit: '1200m',
    memory: '512m',
    labels,
    serviceAccount: fields.serviceAccount ?? DEFAULT_SPARK_SERVICE_ACCOUNT,
  };
  spec.executor = { cores: 1, instances: 1, memory: '512m', labels: { ...labels } };
  if (fields.prometheusJar) {
    const prometheus: JsonObject = { jmxExporterJar: fields.prometheusJar };
    if (fields.prometheusPort !== undefined) prometheus.port = fields.prometheusPort;
    // The CRD requires both expose flags whenever `monitoring` is present.
    spec.monitoring = { exposeDriverMetrics: true, exposeExecutorMetrics: true, prometheus };
  }
  const prefix =
    normaliseK8sName(fields.name).slice(0, GENERATE_NAME_PREFIX).replace(/-+$/, '') || 'spark';
  return {
    apiVersion: 'sparkoperator.k8s.io/v1beta2',
    kind: 'SparkApplication',
    metadata: { generateName: `${prefix}-` },
    spec,
  };
}
