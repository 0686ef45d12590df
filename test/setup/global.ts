// Vitest global setup (runs once, before the first test worker starts): builds
// what every worker reads, so no worker pays for it and none races another to
// build it: the Ajv validators of Argo's JSON schema and of the
// SparkApplication CRD (test/support/precompiled.ts, cached across runs; only
// when ../shared is there), and the bundle of the CLI that the child-process
// tests run (test/support/childProcess.ts, rebuilt every run: about 0.1 s).
import { ARGO_SCHEMA } from '../support/argoSchema';
import { buildCliBundle } from '../support/childProcess';
import { ensureStandalone } from '../support/precompiled';
import { hasShared } from '../support/sharedData';
import { SPARK_SCHEMA } from '../support/sparkSchema';

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export default async function setup(): Promise<void> {
  if (hasShared) {
    for (const spec of [ARGO_SCHEMA, SPARK_SCHEMA]) {
      const { path, generatedMs } = ensureStandalone(spec);
      if (generatedMs !== undefined)
        console.log(`test setup: compiled ${spec.name} in ${secs(generatedMs)} -> ${path}`);
    }
  }
  await buildCliBundle();
}
