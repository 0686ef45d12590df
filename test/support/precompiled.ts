// Ajv validators compiled once and kept as standalone code (Ajv's
// `ajv/dist/standalone`) in a git-ignored cache, node_modules/.cache/argoflow-test/,
// under a name that hashes everything that shapes the code (the schema text,
// the source of the file that generates it, Ajv's version).
//
// Why: compiling Argo's 610 kB JSON schema takes 1-2 s on a quiet machine and
// 15-20 s on the 2-core CI machine at load 20, and Vitest runs every test file
// in a fresh worker, so compiling once per worker still cost one compile per
// file (a 10 s hook timeout under load). Requiring the generated module takes
// about 50 ms. The unit tests' global setup (test/setup/global.ts) builds every
// cache before the first worker starts; a process that finds none (one file run
// from an editor, the browser tests' setup) builds it on first use.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'argoflow-test');
const require = createRequire(import.meta.url);
const AJV_VERSION = (require('ajv/package.json') as { version: string }).version;

export interface Standalone {
  /** File name prefix, e.g. `argo-schema`. */
  name: string;
  /** Everything the generated code depends on (file contents, options). */
  key: () => string[];
  /** Ajv standalone code for a CommonJS module. */
  generate: () => string;
}

/** The cache file of `spec`: `<name>-<hash of its key>.cjs`. */
export function standalonePath(spec: Standalone): string {
  const hash = createHash('sha256');
  for (const part of [`ajv ${AJV_VERSION}`, ...spec.key()]) hash.update(part).update('\0');
  return join(CACHE_DIR, `${spec.name}-${hash.digest('hex').slice(0, 16)}.cjs`);
}

/**
 * Generates the cache file unless it exists. Written to a temporary name and
 * renamed, so a process reading it concurrently sees all of it or nothing.
 * Returns the path and, when it was generated now, how long that took.
 */
export function ensureStandalone(spec: Standalone): { path: string; generatedMs?: number } {
  const path = standalonePath(spec);
  if (existsSync(path)) return { path };
  const start = performance.now();
  const code = spec.generate();
  mkdirSync(CACHE_DIR, { recursive: true });
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, code);
  renameSync(temporary, path);
  return { path, generatedMs: performance.now() - start };
}

/** The generated module of `spec` (generated first if it is not cached). */
export function loadStandalone<T>(spec: Standalone): T {
  return require(ensureStandalone(spec).path) as T;
}

/** The text of a file, for a cache key. */
export const fileText = (path: string): string => readFileSync(path, 'utf8');
