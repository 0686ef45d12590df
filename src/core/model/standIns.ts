/**
 * Parts a document leaves out. A pipeline always has `metadata` and `spec`,
 * so the importer stands in an empty mapping for a missing one; compile
 * leaves a stand-in out again while it is still empty, so a file without
 * `metadata` does not come back with `metadata: {}`. Identity marks a
 * stand-in: any edit makes a new object, which is then written.
 */
import type { JsonObject } from './types';

const standIns = new WeakSet<object>();

/** An empty mapping standing in for a part the document does not have. */
export function standIn(): JsonObject {
  const value: JsonObject = {};
  standIns.add(value);
  return value;
}

/** Whether `value` is a stand-in that nothing has filled. */
export function isUnfilledStandIn(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    standIns.has(value) &&
    Object.keys(value).length === 0
  );
}
