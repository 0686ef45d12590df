/**
 * Pure operations on a steps template's groups (`steps: [[...], [...]]`):
 * the steps of one group run in parallel, the groups one after another.
 * Each returns new groups and keeps untouched groups and steps as the same
 * objects; an emptied group is dropped (Argo would run an empty group as a
 * no-op, which no one means to write).
 */
import { isObject, type JsonObject } from './types';

export type Step = JsonObject & { name: string };
export type StepGroups = readonly (readonly Step[])[];

/** Where a step goes: into group `group` at `index` (runs beside it), or as a new group before `newGroup`. */
export type StepPlace = { group: number; index: number } | { newGroup: number };

/** The groups of a steps template as lists of named steps (other entries are kept but not addressed). */
export function stepGroups(template: unknown): StepGroups {
  if (!isObject(template) || !Array.isArray(template.steps)) return [];
  return template.steps.map((g) => (Array.isArray(g) ? (g as Step[]) : []));
}

/** Group and index of the step named `name`. */
export function findStep(
  groups: StepGroups,
  name: string,
): { group: number; index: number } | undefined {
  for (let g = 0; g < groups.length; g++) {
    const i = groups[g]!.findIndex((s) => isObject(s) && s.name === name);
    if (i >= 0) return { group: g, index: i };
  }
  return undefined;
}

/** Inserts `step` at `at` (indices are clamped to the groups that exist). */
export function insertStep(groups: StepGroups, step: Step, at: StepPlace): Step[][] {
  const next = groups.map((g) => g as Step[]);
  if ('newGroup' in at) {
    const g = clamp(at.newGroup, 0, next.length);
    next.splice(g, 0, [step]);
    return next;
  }
  if (next.length === 0) return [[step]];
  const g = clamp(at.group, 0, next.length - 1);
  const group = next[g]!.slice();
  group.splice(clamp(at.index, 0, group.length), 0, step);
  next[g] = group;
  return next;
}

/** Removes the step named `name`, and its group when that empties it. */
export function removeStep(groups: StepGroups, name: string): Step[][] {
  const at = findStep(groups, name);
  const next = groups.map((g) => g as Step[]);
  if (!at) return next;
  const group = next[at.group]!.filter((_, i) => i !== at.index);
  if (group.length === 0) next.splice(at.group, 1);
  else next[at.group] = group;
  return next;
}

/**
 * Moves the step named `name` to `to`, where `to` is given in the groups as
 * they are before the move (as a drop target on screen is).
 */
export function moveStep(groups: StepGroups, name: string, to: StepPlace): Step[][] {
  const from = findStep(groups, name);
  if (!from) return groups.map((g) => g as Step[]);
  const step = groups[from.group]![from.index]!;
  const emptied = groups[from.group]!.length === 1;
  const removed = removeStep(groups, name);
  let target: StepPlace = to;
  if ('newGroup' in to) {
    if (emptied && to.newGroup > from.group) target = { newGroup: to.newGroup - 1 };
  } else if (to.group === from.group) {
    if (emptied) target = { newGroup: from.group };
    else target = { group: to.group, index: to.index > from.index ? to.index - 1 : to.index };
  } else if (emptied && to.group > from.group) {
    target = { group: to.group - 1, index: to.index };
  }
  return insertStep(removed, step, target);
}

/** Replaces the step named `name` by `update(step)`. */
export function updateStep(
  groups: StepGroups,
  name: string,
  update: (step: Step) => Step,
): Step[][] {
  const at = findStep(groups, name);
  const next = groups.map((g) => g as Step[]);
  if (!at) return next;
  const group = next[at.group]!.slice();
  group[at.index] = update(group[at.index]!);
  next[at.group] = group;
  return next;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Math.trunc(n)));
}
