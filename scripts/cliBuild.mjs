// Builds the CLI: src/cli.ts bundled by esbuild into one ES module that Node
// runs directly, so `argoflow` starts without compiling TypeScript (tsx) at
// run time. `npm run build:cli` (and `prepare`) writes dist-cli/argoflow.mjs
// with every dependency inside; the tests build the same entry with the same
// options once per run (test/support/childProcess.ts), leaving packages
// external. Plain JavaScript, so that Node runs it without a loader; the
// types are in cliBuild.d.mts.
import { chmodSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_ENTRY = join(REPO_ROOT, 'src', 'cli.ts');
export const CLI_OUTFILE = join(REPO_ROOT, 'dist-cli', 'argoflow.mjs');

/**
 * Bundles the CLI into `outfile` (written whole, then renamed into place, so
 * a concurrent reader never sees half a file). `packages: 'external'` leaves
 * dependencies to node_modules. Returns the milliseconds it took.
 */
export async function buildCli({ outfile = CLI_OUTFILE, packages = 'bundle' } = {}) {
  const start = performance.now();
  mkdirSync(dirname(outfile), { recursive: true });
  const temporary = `${outfile}.${process.pid}.tmp`;
  await build({
    entryPoints: [CLI_ENTRY],
    outfile: temporary,
    bundle: true,
    packages,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    // CommonJS dependencies inside an ES module still call require().
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __argoflowRequire } from 'node:module';\nconst require = __argoflowRequire(import.meta.url);",
    },
  });
  chmodSync(temporary, 0o755);
  renameSync(temporary, outfile);
  return performance.now() - start;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ms = await buildCli();
  if (!process.argv.includes('--quiet'))
    console.log(`built ${CLI_OUTFILE.slice(REPO_ROOT.length + 1)} in ${Math.round(ms)} ms`);
}
