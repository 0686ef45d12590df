// What the tests that talk to the in-process Argo Server TEST DOUBLE
// (./argoServerDouble.ts) share: starting it for a test file, the 3-task
// chain they submit, a server reply reworded as Argo words it, and a port
// nothing listens on.
//
//   chain:  a --> b --> c      (echo template, one input parameter)
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { FetchLike } from '../../src/core/argo/client';
import {
  startArgoServerDouble,
  type ArgoObject,
  type ArgoServerDouble,
  type ArgoServerDoubleOptions,
} from './argoServerDouble';
import { TIMEOUT } from './timeouts';

/**
 * Starts the double before the file's tests and closes it after them; after
 * each test, clears the injected fault and the failing tasks and restarts
 * the controller's clock. Returns the
 * double as soon as it is called (at module level): its members are looked
 * up when used, in a test or a hook, once it has started.
 */
export function useArgoServerDouble(options: ArgoServerDoubleOptions = {}): ArgoServerDouble {
  let started: ArgoServerDouble | undefined;
  // Starting loads the schema validators (a 1 MB module): seconds at load 20.
  beforeAll(async () => {
    started = await startArgoServerDouble(options);
  }, TIMEOUT.run);
  afterAll(() => started?.close());
  afterEach(() => {
    started?.fault(undefined);
    started?.setFailTasks([]);
    started?.resume(); // a test that paused the controller and failed midway
  });
  return new Proxy({} as ArgoServerDouble, {
    get(_target, key) {
      if (!started) throw new Error('the Argo Server double is used before it has started');
      return Reflect.get(started, key);
    },
  });
}

/** The `echo` template: echoes its input parameter `m`. */
export const echo = {
  name: 'echo',
  inputs: { parameters: [{ name: 'm' }] },
  container: { image: 'alpine:3.20', command: ['echo'], args: ['{{inputs.parameters.m}}'] },
};

/** A DAG task running `echo` with `m`, after `depends` when given. */
export const task = (name: string, m: string, depends?: string) => ({
  name,
  template: 'echo',
  ...(depends ? { depends } : {}),
  arguments: { parameters: [{ name: 'm', value: m }] },
});

/** The spec of the chain a --> b --> c (`a` echoes the workflow parameter `msg`). */
export function chainSpec(): ArgoObject {
  return {
    entrypoint: 'main',
    arguments: { parameters: [{ name: 'msg', value: 'hello' }] },
    templates: [
      {
        name: 'main',
        dag: {
          tasks: [
            task('a', '{{workflow.parameters.msg}}'),
            task('b', 'from-b', 'a'),
            task('c', 'from-c', 'b'),
          ],
        },
      },
      structuredClone(echo),
    ],
  };
}

/**
 * Passes the double's replies through, except a lint failure, whose message
 * is rewritten into Argo's own wording. The double checks bodies against the
 * JSON schema and says `/spec/templates/0/dag/tasks/1/continueOn: must be
 * object`; Argo names templates and tasks: `templates.main.tasks.load ...`.
 */
export const argoWording: FetchLike = async (url, init) => {
  const res = await globalThis.fetch(url, init);
  if (!url.endsWith('/lint') || res.status !== 500) return res;
  const { code, message } = (await res.json()) as { code: number; message: string };
  const body = JSON.parse(String(init?.body)) as { workflow: ArgoObject };
  const m = /^\/spec\/templates\/(\d+)\/dag\/tasks\/(\d+)\/(\w+): (.*)$/.exec(message);
  const tmpl = m ? body.workflow.spec.templates[Number(m[1])] : undefined;
  const reworded = m
    ? `templates.${tmpl.name}.tasks.${tmpl.dag.tasks[Number(m[2])].name}.${m[3]} ${m[4]}`
    : message;
  return new Response(JSON.stringify({ code, message: reworded }), {
    status: 500,
    headers: { 'Content-Type': 'application/json' },
  });
};

/** A local port that was free a moment ago: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}
