/**
 * Starts the Argo Server TEST DOUBLE (test/support/argoServerDouble.ts) as its
 * own process, for browser tests and proxy tests:
 *
 *   npx tsx test/support/runArgoServerDouble.ts --port 2746 --step-ms 200 --fail-tasks b
 *
 * Prints `argo-server-double listening on http://127.0.0.1:N` once it accepts
 * requests (`--port 0` picks a free port; read N from that line). Stops on
 * SIGINT/SIGTERM. Flags win over environment variables:
 *   --port N            ARGO_DOUBLE_PORT        default 2746
 *   --token T           ARGO_DOUBLE_TOKEN       default test-token
 *   --namespaces a,b    ARGO_DOUBLE_NAMESPACES  default argo
 *   --step-ms N         ARGO_DOUBLE_STEP_MS     default 200
 *   --fail-tasks a,b    ARGO_DOUBLE_FAIL_TASKS  default none
 *   --version V         ARGO_DOUBLE_VERSION     default v4.1.2
 * Faults and failing tasks can be changed while it runs through
 * POST /__double/fault and POST /__double/fail-tasks (see the double's header).
 */
import { parseArgs } from 'node:util';
import { startArgoServerDouble, type ArgoServerDoubleOptions } from './argoServerDouble';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    token: { type: 'string' },
    namespaces: { type: 'string' },
    'step-ms': { type: 'string' },
    'fail-tasks': { type: 'string' },
    version: { type: 'string' },
  },
  strict: true,
});

const env = process.env;
const list = (text: string | undefined) =>
  text === undefined
    ? undefined
    : text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
const int = (text: string | undefined, name: string): number | undefined => {
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`);
  return n;
};

const options: ArgoServerDoubleOptions & { port?: number } = {
  port: int(values.port ?? env.ARGO_DOUBLE_PORT, '--port') ?? 2746,
};
const token = values.token ?? env.ARGO_DOUBLE_TOKEN;
if (token) options.token = token;
const namespaces = list(values.namespaces ?? env.ARGO_DOUBLE_NAMESPACES);
if (namespaces) options.namespaces = namespaces;
const stepMs = int(values['step-ms'] ?? env.ARGO_DOUBLE_STEP_MS, '--step-ms');
if (stepMs !== undefined) options.stepMs = stepMs;
const failTasks = list(values['fail-tasks'] ?? env.ARGO_DOUBLE_FAIL_TASKS);
if (failTasks) options.failTasks = failTasks;
const version = values.version ?? env.ARGO_DOUBLE_VERSION;
if (version) options.version = version;

const double = await startArgoServerDouble(options);
console.log(`argo-server-double listening on ${double.url}`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void double.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
