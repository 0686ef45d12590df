/**
 * The shape of every reply the client reads, as swagger.json promises it,
 * checked before anything is read from it: a server that answers
 * `/api/v1/version` with `[1,2,3]` (a wrong address, a proxy, another API)
 * is reported in words that name the endpoint, instead of showing
 * "Connected to Argo ?" or "Workflow  created".
 */
import { isObject, type JsonObject } from '../../model/types';

/** What a reply must look like; `problem` says what it is instead, or undefined when it fits. */
export interface ReplyShape {
  /** What the endpoint answers, for the message: "Argo's version object". */
  what: string;
  problem(value: unknown): string | undefined;
}

/** A value described in a few words: "a list", "a number", "an empty object". */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return `${value}`;
  if (isObject(value)) return Object.keys(value).length === 0 ? 'an empty object' : 'an object';
  return typeof value;
}

/** An object that has what `lacks` looks for; an empty one is called empty. */
const objectWhere =
  (lacks: (o: JsonObject) => string | undefined) =>
  (value: unknown): string | undefined => {
    if (!isObject(value)) return describeValue(value);
    const lack = lacks(value);
    return lack && Object.keys(value).length === 0 ? 'an empty object' : lack;
  };

const named = (o: JsonObject): string | undefined =>
  isObject(o.metadata) && typeof o.metadata.name === 'string' && o.metadata.name !== ''
    ? undefined
    : 'an object without metadata.name';

/** `/api/v1/version`: `io.argoproj.workflow.v1alpha1.Version`. */
export const VERSION: ReplyShape = {
  what: "Argo's version object",
  problem: objectWhere((o) =>
    typeof o.version === 'string' && o.version !== '' ? undefined : 'an object without a version',
  ),
};

/** `/api/v1/userinfo`: `GetUserInfoResponse`, every field optional. */
export const USER_INFO: ReplyShape = {
  what: 'a user info object',
  problem: objectWhere(() => undefined),
};

/** A list of workflows: `items` is a list, or null when empty. */
export const WORKFLOW_LIST: ReplyShape = {
  what: 'a workflow list',
  problem: objectWhere((o) =>
    o.items === undefined || o.items === null || Array.isArray(o.items)
      ? undefined
      : `an object whose items is ${describeValue(o.items)}`,
  ),
};

/** Lint answers the workflow as the server read it (a generateName has no name yet). */
export const LINTED: ReplyShape = {
  what: 'the linted object',
  problem: objectWhere(() => undefined),
};

/** An object the server stored: it has a name. */
export const stored = (kind: string): ReplyShape => ({
  what: `a ${kind} object`,
  problem: objectWhere(named),
});

/** Each `result` of `/api/v1/workflow-events/...`: `{type, object}`. */
export const WATCH_EVENT: ReplyShape = {
  what: 'a workflow event ({type, object})',
  problem: objectWhere((o) =>
    typeof o.type === 'string' && isObject(o.object)
      ? undefined
      : 'an object without a type and an object',
  ),
};

/** Each `result` of `.../log`: `{content, podName}`. */
export const LOG_ENTRY: ReplyShape = {
  what: 'a log entry ({content, podName})',
  // An empty line may come without `content`: absent is fine, another type is not.
  problem: objectWhere((o) =>
    (o.content === undefined || typeof o.content === 'string') &&
    (o.podName === undefined || typeof o.podName === 'string')
      ? undefined
      : 'an object whose content or podName is not text',
  ),
};
