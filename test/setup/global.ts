// Vitest global setup (runs once, before the first test worker starts): builds
// the caches every worker reads, so no worker pays for them and none races
// another to build them. Today: the Ajv validators of Argo's JSON schema and of
// the SparkApplication CRD (test/support/precompiled.ts), when ../shared is there.
import { ARGO_SCHEMA } from '../support/argoSchema';
import { ensureStandalone } from '../support/precompiled';
import { hasShared } from '../support/sharedData';
import { SPARK_SCHEMA } from '../support/sparkSchema';

export default function setup(): void {
  if (!hasShared) return;
  for (const spec of [ARGO_SCHEMA, SPARK_SCHEMA]) {
    const { path, generatedMs } = ensureStandalone(spec);
    if (generatedMs !== undefined)
      console.log(
        `test setup: compiled ${spec.name} in ${(generatedMs / 1000).toFixed(1)} s -> ${path}`,
      );
  }
}
