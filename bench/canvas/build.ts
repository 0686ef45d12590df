/**
 * Production builds for the canvas benchmark and the entry chunk report.
 * The app is built with the project's own vite.config.ts (exactly what ships)
 * into a temporary directory; the bare page is built with vite.bench.config.ts
 * into its `bare/` folder, so one `vite preview` serves both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';

export const REPO = join(import.meta.dirname, '..', '..');

type Output = Rolldown.RolldownOutput;

function outputOf(result: Awaited<ReturnType<typeof build>>): Output {
  if (Array.isArray(result)) return result[0]!;
  if ('output' in result) return result;
  throw new Error('vite build returned a watcher');
}

export interface ChunkReport {
  file: string;
  bytes: number;
  gzip: number;
  /** Loaded by index.html (entry or modulepreload), not on demand. */
  initial: boolean;
  /** What the chunk holds, for the lazy ones: CodeMirror, dagre. */
  holds: string[];
}

const gz = (code: string | Uint8Array): number => gzipSync(code, { level: 9 }).length;

/** Which of the heavy libraries a chunk's modules come from. */
function holds(moduleIds: readonly string[], code: string): string[] {
  const out = new Set<string>();
  for (const id of moduleIds) {
    if (/[\\/]@?codemirror[\\/]|[\\/]@lezer[\\/]/.test(id)) out.add('CodeMirror');
    if (/[\\/]@dagrejs[\\/]/.test(id)) out.add('dagre');
    if (/[\\/]@xyflow[\\/]/.test(id)) out.add('React Flow');
    if (/[\\/]react-dom[\\/]/.test(id)) out.add('React');
    if (/[\\/]js-yaml[\\/]/.test(id)) out.add('js-yaml');
    if (/[\\/]node_modules[\\/]yaml[\\/]/.test(id)) out.add('yaml');
    if (/[\\/]ajv[\\/]/.test(id)) out.add('ajv');
  }
  // A worker is emitted as an asset: look for dagre in its text.
  if (moduleIds.length === 0 && /rankdir|nodesep|ranksep/.test(code)) out.add('dagre');
  return [...out];
}

/** Builds the app and the bare page into `outDir`; returns the app's chunks. */
export async function buildAll(outDir: string): Promise<ChunkReport[]> {
  const chunks = await buildApp(outDir);
  await build({
    configFile: join(REPO, 'bench', 'canvas', 'vite.bench.config.ts'),
    build: { outDir: join(outDir, 'bare') },
  });
  return chunks;
}

/** Builds the app alone into `outDir` (what ships); returns its chunks. */
export async function buildApp(outDir: string): Promise<ChunkReport[]> {
  const app = outputOf(
    await build({
      root: REPO,
      configFile: join(REPO, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 2000 },
    }),
  );

  // The initial load is what index.html names: the entry script and its modulepreloads.
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const named = new Set(
    [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!),
  );
  if (named.size === 0) throw new Error('no script in the built index.html');
  const chunks: ChunkReport[] = [];
  for (const item of app.output) {
    if (!item.fileName.endsWith('.js')) continue;
    const code = item.type === 'chunk' ? item.code : item.source;
    const moduleIds = item.type === 'chunk' ? item.moduleIds : [];
    chunks.push({
      file: item.fileName,
      bytes: Buffer.byteLength(code),
      gzip: gz(code),
      initial: named.has(item.fileName),
      holds: holds(moduleIds, typeof code === 'string' ? code : Buffer.from(code).toString()),
    });
  }
  return chunks.sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
}
