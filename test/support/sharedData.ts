// Locates the reference data folder `../shared` beside the repository (the
// repo may be cloned anywhere; CI puts `shared/` next to the clone), so paths
// are resolved from this file, never from the process's working directory.
// Tests that need the data use `describe.skipIf(!hasShared)` with SKIP_REASON.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root: this file lives in `<repo>/test/support/`. */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `<repo>/../shared`: design notes, Argo and Spark reference data. */
export const SHARED_DIR = resolve(REPO_ROOT, '..', 'shared');
/** Argo reference data: `schema.json`, `swagger.json`, `examples/`. */
export const ARGO_DIR = join(SHARED_DIR, 'argo');
/** Spark-on-Kubernetes reference data. */
export const SPARK_DIR = join(SHARED_DIR, 'spark');

/** True when the reference folder is present (it is absent in some checkouts). */
export const hasShared: boolean = existsSync(SHARED_DIR);
export const SKIP_REASON = 'reference data ../shared is absent';

const ARGO_EXAMPLES_DIR = join(ARGO_DIR, 'examples');

/**
 * All `*.yaml` / `*.yml` files under `../shared/argo/examples`, recursively,
 * sorted, as paths relative to that folder (e.g. `workflow-template/dag.yaml`).
 * Returns [] when the folder is absent.
 */
export function listArgoExamples(): string[] {
  if (!existsSync(ARGO_EXAMPLES_DIR)) return [];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
        out.push(relative(ARGO_EXAMPLES_DIR, full).split('\\').join('/'));
      }
    }
  };
  walk(ARGO_EXAMPLES_DIR);
  return out.sort();
}

/** Absolute path of an example returned by {@link listArgoExamples}. */
export function argoExamplePath(rel: string): string {
  return join(ARGO_EXAMPLES_DIR, rel);
}
