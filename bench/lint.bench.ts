/**
 * `argoflow lint` from the shipped bundle (`npm run bench:lint`): files per
 * second over Argo's examples (../shared/argo/examples) linted in one call
 * as a directory, against one process per file; and the start-up the issue
 * asks for: 200 small files in one call, and one small file (CPU time).
 * Wall and CPU times come from /usr/bin/time for each child; medians of a few
 * runs. Speed is measured here, never asserted in tests.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildCli, CLI_OUTFILE, REPO_ROOT } from '../scripts/cliBuild.mjs';

const EXAMPLES = resolve(REPO_ROOT, '..', 'shared', 'argo', 'examples');

interface Timed {
  wall: number;
  cpu: number;
  status: number | null;
}

/** Runs `argoflow ...args` once under /usr/bin/time: wall and user+sys seconds. */
function run(args: string[]): Timed {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', process.execPath, CLI_OUTFILE, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = r.stderr.trim().split('\n').at(-1) ?? '';
  const [wall, user, sys] = last.split(' ').map(Number);
  return { wall: wall ?? NaN, cpu: (user ?? NaN) + (sys ?? NaN), status: r.status };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) stack.push(full);
      else if (/\.ya?ml$/i.test(e.name)) out.push(full);
    }
  }
  return out.sort();
}

const SMALL = (i: number) => `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: small-${i}
spec:
  entrypoint: main
  templates:
  - name: main
    dag:
      tasks:
      - {name: a, template: echo}
      - {name: b, template: echo, depends: a}
  - name: echo
    container: {image: alpine, command: [echo, "{{workflow.name}}"]}
`;

async function main(): Promise<void> {
  const built = await buildCli();
  const size = statSync(CLI_OUTFILE).size;
  const files = yamlFiles(EXAMPLES);
  const scratch = mkdtempSync(join(tmpdir(), 'argoflow-bench-'));
  for (let i = 0; i < 200; i++) writeFileSync(join(scratch, `small-${i}.yaml`), SMALL(i));
  const one = join(scratch, 'small-0.yaml');
  try {
    const rows: string[] = [];
    const row = (what: string, t: Timed[], n: number) => {
      const wall = median(t.map((x) => x.wall));
      const cpu = median(t.map((x) => x.cpu));
      rows.push(
        `| ${what.padEnd(46)} | ${String(n).padStart(5)} | ${wall.toFixed(2).padStart(6)} s | ${cpu.toFixed(2).padStart(6)} s | ${(n / wall).toFixed(0).padStart(7)} |`,
      );
    };
    run(['lint', EXAMPLES]); // warm the file cache
    row(
      'examples, one call over the directory',
      [1, 2, 3, 4, 5].map(() => run(['lint', EXAMPLES])),
      files.length,
    );
    const perFile: Timed[] = files.map((f) => run(['lint', f]));
    const total: Timed = {
      wall: perFile.reduce((s, t) => s + t.wall, 0),
      cpu: perFile.reduce((s, t) => s + t.cpu, 0),
      status: 0,
    };
    row('examples, one process per file (sum)', [total], files.length);
    row(
      '200 small files, one call',
      [1, 2, 3, 4, 5].map(() => run(['lint', scratch])),
      201,
    );
    row(
      'one small file',
      Array.from({ length: 9 }, () => run(['lint', one])),
      1,
    );
    console.log(
      `argoflow lint from ${CLI_OUTFILE.slice(REPO_ROOT.length + 1)} (${(size / 1024).toFixed(0)} kB, built in ${built.toFixed(0)} ms)`,
    );
    console.log(
      `${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}, Node ${process.version}\n`,
    );
    console.log(
      '| what                                           | files |     wall |      CPU | files/s |',
    );
    console.log(
      '| ---------------------------------------------- | ----: | -------: | -------: | ------: |',
    );
    for (const r of rows) console.log(r);
    const perFileWall = median(perFile.map((t) => t.wall));
    const perFileCpu = median(perFile.map((t) => t.cpu));
    console.log(
      `\none process per file: median ${perFileWall.toFixed(2)} s wall, ${perFileCpu.toFixed(2)} s CPU per file`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
