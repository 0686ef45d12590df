/**
 * Debian's nginx serving the built app with deploy/nginx.conf, proxying /api/
 * to `argoServer` (the Argo Server test double): the setup users deploy.
 * Returns its URL and a stop function.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LIMITS } from './browser';

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

export async function startNginx(argoServer: string): Promise<{ url: string; stop(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'argoflow-nginx-'));
  const temps = ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'];
  for (const d of temps) mkdirSync(join(dir, d));
  const port = await freePort();
  const server = readFileSync('deploy/nginx.conf', 'utf8')
    .replaceAll('${LISTEN}', `127.0.0.1:${port}`)
    .replaceAll('${APP_ROOT}', resolve('dist'))
    .replaceAll('${ARGO_SERVER}', argoServer);
  writeFileSync(join(dir, 'server.conf'), server);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nuser root;\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n  access_log off;\n` +
      temps.map((d) => `  ${d === 'body' ? 'client_body' : d}_temp_path ${dir}/${d};\n`).join('') +
      `  include ${dir}/server.conf;\n}\n`,
  );
  const nginx = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => void nginx.kill('SIGTERM');
  // A loaded machine may take its time to start nginx: wait as long as for a page.
  const until = Date.now() + LIMITS.navigationMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch {
      // starting
    }
    if (nginx.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error(
    `nginx did not start (${nginx.exitCode === null ? 'still running' : `exit ${nginx.exitCode}`}); see ${dir}/error.log`,
  );
}
