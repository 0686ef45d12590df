// Test support: validates objects against the SparkApplication CRD's
// openAPIV3Schema (v1beta2) from `../shared/spark/crds/`, compiled with Ajv
// into standalone code once per change of the CRD or of this file, kept in a
// git-ignored cache (./precompiled.ts): the 820 kB CRD takes about a second to
// parse and compile on a quiet machine, over ten under load.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ErrorObject } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { load } from 'js-yaml';
import { fileText, loadStandalone, type Standalone } from './precompiled';
import { SPARK_DIR } from './sharedData';

type Json = Record<string, unknown>;
const CRD_DIR = join(SPARK_DIR, 'crds');
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;

const crdFiles = (): string[] =>
  readdirSync(CRD_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(CRD_DIR, f));

/** The openAPIV3Schema of SparkApplication v1beta2, from whichever CRD file defines it. */
function sparkApplicationSchema(): Json {
  for (const file of crdFiles()) {
    const crd = load(readFileSync(file, 'utf8'));
    const spec = isObject(crd) ? crd.spec : undefined;
    if (!isObject(spec) || !isObject(spec.names) || spec.names.kind !== 'SparkApplication')
      continue;
    const versions = Array.isArray(spec.versions) ? spec.versions : [];
    const v1beta2 = versions.find((v) => isObject(v) && v.name === 'v1beta2') as Json | undefined;
    const schema = isObject(v1beta2?.schema) ? v1beta2.schema.openAPIV3Schema : undefined;
    if (isObject(schema)) return schema;
  }
  throw new Error(`sparkSchema: no SparkApplication v1beta2 schema under ${CRD_DIR}`);
}

export const SPARK_SCHEMA: Standalone = {
  name: 'spark-application',
  key: () => [...crdFiles().map(fileText), fileText(fileURLToPath(import.meta.url))],
  generate() {
    // Kubernetes structural schemas use x-kubernetes-* keywords and int32/int64 formats.
    const ajv = new Ajv({
      strict: false,
      validateFormats: false,
      allErrors: true,
      code: { source: true },
    });
    return standaloneCode(ajv, ajv.compile(sparkApplicationSchema()));
  },
};

/** A standalone Ajv validator: `errors` holds the last call's errors. */
export type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

let validator: Validator | undefined;

/** The SparkApplication validator (loaded from the cache on first use). */
export function sparkApplicationValidator(): Validator {
  validator ??= loadStandalone<Validator>(SPARK_SCHEMA);
  return validator;
}
