/**
 * `npm test`: every part of the test suite, each run even when an earlier one
 * failed, then one line that sums them all up, e.g.
 *
 *   typecheck ok · lint ok · bundle ok · unit 1411 passed · e2e 25 passed  (412 s)
 *   typecheck ok · lint FAILED · bundle ok · unit 2 failed, 1409 passed · e2e 25 passed  (415 s)
 *
 * Exits 1 when any part failed. Parts run one after the other (CI has two
 * cores): typecheck (tsc), lint (eslint and prettier --check), bundle (the
 * production build's entry chunk within its gzipped budget, CodeMirror and
 * dagre out of it: scripts/bundleCheck.ts), unit (Vitest:
 * unit and component tests), e2e (Vitest driving Chromium against the built
 * app; knobs in README.md, "Tests").
 *   npm test -- unit e2e     runs only the parts named
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Part {
  name: string;
  /** npm script and its arguments. */
  run: string[];
  /** Vitest writes its JSON results here, for the counts. */
  json?: string;
}

const dir = mkdtempSync(join(tmpdir(), 'argoflow-test-'));
const vitestJson = (name: string) => {
  const file = join(dir, `${name}.json`);
  return {
    file,
    args: ['--', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
  };
};
const unit = vitestJson('unit');
const e2e = vitestJson('e2e');
const PARTS: Part[] = [
  { name: 'typecheck', run: ['typecheck'] },
  { name: 'lint', run: ['lint'] },
  { name: 'bundle', run: ['check:bundle'] },
  { name: 'unit', run: ['test:unit', ...unit.args], json: unit.file },
  { name: 'e2e', run: ['test:e2e', ...e2e.args], json: e2e.file },
];

/** Runs `npm run -s <script> [-- args]` with the terminal's output; resolves with its exit code. */
function npmRun(args: string[]): Promise<number> {
  return new Promise((done) => {
    const child = spawn('npm', ['run', '-s', ...args], { stdio: 'inherit' });
    child.on('error', () => done(127));
    child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

interface VitestJson {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

/** `1411 passed`, `2 failed, 1409 passed, 3 skipped`; undefined without a readable report. */
function counts(file: string): { text: string; failed: number } | undefined {
  let r: VitestJson;
  try {
    r = JSON.parse(readFileSync(file, 'utf8')) as VitestJson;
  } catch {
    return undefined;
  }
  const parts = [];
  if (r.numFailedTests > 0) parts.push(`${r.numFailedTests} failed`);
  parts.push(`${r.numPassedTests} passed`);
  const skipped = r.numPendingTests + r.numTodoTests;
  if (skipped > 0) parts.push(`${skipped} skipped`);
  return { text: parts.join(', '), failed: r.numFailedTests };
}

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const unknown = only.filter((n) => !PARTS.some((p) => p.name === n));
  if (unknown.length > 0) {
    console.error(
      `test-all: unknown part ${unknown.join(', ')} (parts: ${PARTS.map((p) => p.name).join(', ')})`,
    );
    return 2;
  }
  const start = performance.now();
  const results: { text: string; ok: boolean }[] = [];
  for (const part of PARTS) {
    if (only.length > 0 && !only.includes(part.name)) continue;
    console.log(`\n=== ${part.name}: npm run ${part.run.join(' ')}\n`);
    const partStart = performance.now();
    const code = await npmRun(part.run);
    const secs = Math.round((performance.now() - partStart) / 1000);
    const c = part.json ? counts(part.json) : undefined;
    const ok = code === 0;
    let text: string;
    if (c) text = `${part.name} ${c.text}${ok || c.failed > 0 ? '' : ` (FAILED, exit ${code})`}`;
    else if (part.json && !ok) text = `${part.name} FAILED (exit ${code}, no results)`;
    else text = `${part.name} ${ok ? 'ok' : `FAILED (exit ${code})`}`;
    console.log(`\n=== ${text} in ${secs} s`);
    results.push({ text, ok });
  }
  rmSync(dir, { recursive: true, force: true });
  const total = Math.round((performance.now() - start) / 1000);
  console.log(`\n${results.map((r) => r.text).join(' · ')}  (${total} s)`);
  return results.every((r) => r.ok) ? 0 : 1;
}

process.exitCode = await main();
