/**
 * `retryStrategy` (operator.go `processNodeRetries`): a Retry node whose
 * attempts are children named `<node>(0)`, `<node>(1)`, ... A failed attempt
 * is retried at once (backoff is time, and a simulation has none) while the
 * policy allows its phase (OnFailure, the default without an expression:
 * Failed only; OnError: Error only; Always and OnTransientError: both) and
 * fewer than `limit` retries were made (`limit` + 1 attempts in all). The
 * Retry node ends with its last attempt's phase. Without `limit` Argo retries
 * for ever; the simulation stops after `unlimitedRetries` attempts and says so.
 */
import { isObject, type JsonObject } from '../model/types';
import { isFulfilled, type Call } from './context';
import type { Simulation } from './engine';
import { substitute } from './substitute';
import type { SimNode } from './types';

export function retryStrategyOf(
  tmpl: JsonObject,
  defaults: JsonObject | undefined,
): JsonObject | undefined {
  if (isObject(tmpl.retryStrategy)) return tmpl.retryStrategy;
  return defaults && isObject(defaults.retryStrategy) ? defaults.retryStrategy : undefined;
}

function policyAllows(strategy: JsonObject, phase: string): boolean {
  const policy =
    typeof strategy.retryPolicy === 'string' && strategy.retryPolicy
      ? strategy.retryPolicy
      : strategy.expression
        ? 'Always'
        : 'OnFailure';
  if (policy === 'Always' || policy === 'OnTransientError') return true;
  if (policy === 'OnError') return phase === 'Error';
  return phase === 'Failed';
}

export function runRetry(
  e: Simulation,
  call: Call,
  strategy: JsonObject,
  templateName: string,
  scope: ReadonlyMap<string, string>,
): SimNode {
  let node = e.node(call.nodeName);
  if (node && isFulfilled(node)) return node;
  node ??= e.create({
    name: call.nodeName,
    displayName: call.displayName,
    type: 'Retry',
    phase: 'Running',
    path: call.path,
    boundaryID: call.boundaryID,
    templateName,
    hooked: call.hooked,
  });
  const retry = node;
  const attempts = () =>
    retry.children.map((id) => e.byId(id)).filter((n): n is SimNode => !!n && !n.hooked);
  const attempt = (n: number) => {
    const child = e.execute({
      ...call,
      nodeName: `${call.nodeName}(${n})`,
      displayName: `${call.displayName}(${n})`,
      attempt: n,
    });
    e.addChild(retry, child);
    return child;
  };
  let last = attempts().at(-1) ?? attempt(0);
  if (!isFulfilled(last)) last = attempt(attempts().length - 1);
  if (!isFulfilled(last)) return retry;
  if (last.phase === 'Succeeded' || last.phase === 'Skipped' || last.phase === 'Omitted') {
    retry.outputs = { ...last.outputs };
    return e.finish(retry, last.phase);
  }
  const count = attempts().length;
  if (!policyAllows(strategy, last.phase)) return e.finish(retry, last.phase, last.message);
  const limitText =
    strategy.limit === undefined ? undefined : substitute(String(strategy.limit), scope).text;
  const limit = limitText === undefined ? undefined : Number.parseInt(limitText, 10);
  if (limit !== undefined && Number.isFinite(limit) && count > limit)
    return e.finish(retry, last.phase, 'No more retries left');
  if (limit === undefined || !Number.isFinite(limit)) {
    const cap = e.options.unlimitedRetries ?? 10;
    if (count >= cap) {
      e.note(
        call.path,
        `retryStrategy has no limit: Argo would keep retrying; stopped after ${cap} attempts`,
      );
      return e.finish(retry, last.phase, 'No more retries left (simulation)');
    }
  }
  if (typeof strategy.expression === 'string' && strategy.expression) {
    const go = e.evaluateRetryExpression(strategy.expression, last);
    if (go === false)
      return e.finish(retry, last.phase, 'retryStrategy.expression evaluated to false');
    if (go === undefined)
      e.note(
        call.path,
        `retryStrategy.expression '${strategy.expression}' cannot be evaluated here; retried`,
      );
  }
  attempt(count);
  return retry;
}
