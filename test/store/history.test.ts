// Undo history: every edit undoes back to the exact starting document and
// redoes to the exact final one; beyond its bounds history merges its oldest
// intermediate steps, keeps the start within reach, and says so once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDocument, type Pipeline, type Template } from '../../src/core';
import { setMetadataField } from '../../src/core/model/fields';
import { HISTORY_FULL } from '../../src/store/documentSlice';
import { createEditorStore, type EditorStore } from '../../src/store/editorStore';
import {
  emptyHistory,
  HISTORY_SLOTS,
  HISTORY_STEPS,
  record,
  type History,
} from '../../src/store/history';
import { scopeLayout, scopeTasks } from '../../src/core/model/scope';
import { withTasks } from '../support/scope';
import { createPipeline } from '../../src/core/model/pipeline';

const echo: Template = { name: 'echo', container: { image: 'alpine:3.20' } };

type Edit =
  | { kind: 'add' | 'remove' | 'duplicate'; i: number }
  | { kind: 'rename'; i: number; to: number }
  | { kind: 'connect' | 'disconnect'; i: number; j: number }
  | { kind: 'move' | 'drag'; i: number; x: number; y: number }
  | { kind: 'when'; i: number; n: number }
  | { kind: 'label'; n: number };

const index = fc.nat(50);
const coord = fc.integer({ min: -2000, max: 2000 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('add' as const, 'remove' as const, 'duplicate' as const),
    i: index,
  }),
  fc.record({ kind: fc.constant('rename' as const), i: index, to: fc.nat(30) }),
  fc.record({
    kind: fc.constantFrom('connect' as const, 'disconnect' as const),
    i: index,
    j: index,
  }),
  fc.record({
    kind: fc.constantFrom('move' as const, 'drag' as const),
    i: index,
    x: coord,
    y: coord,
  }),
  fc.record({ kind: fc.constant('when' as const), i: index, n: fc.nat(100) }),
  fc.record({ kind: fc.constant('label' as const), n: fc.nat(100) }),
);

/** Applies one edit through the store's actions, as the UI does. Refused edits change nothing. */
function run(store: EditorStore, e: Edit): void {
  const s = store.getState();
  const names = scopeTasks(s.pipeline).map((t) => t.name);
  const at = (i: number) => names[i % Math.max(1, names.length)];
  const a = 'i' in e ? at(e.i) : undefined;
  switch (e.kind) {
    case 'add':
      s.addTask({ name: 'step', template: echo, position: { x: e.i * 10, y: e.i * 7 } });
      return;
    case 'label':
      s.apply((p) => setMetadataField(p, 'labels', { edit: String(e.n) }));
      return;
  }
  if (!a) return;
  switch (e.kind) {
    case 'remove':
      return s.removeTasks([a]);
    case 'duplicate':
      s.duplicate([a]);
      return;
    case 'rename':
      s.renameTask(a, `r${e.to}`);
      return;
    case 'connect':
      s.connect(a, at(e.j)!);
      return;
    case 'disconnect':
      return s.disconnect(a, at(e.j)!);
    case 'move':
      return s.placeTasks({ [a]: { x: e.x, y: e.y } });
    case 'drag':
      s.dragTasks({ [a]: { x: e.x, y: e.y } });
      s.dragTasks({ [a]: { x: e.y, y: e.x } });
      return s.endDrag();
    case 'when':
      return s.updateTask(a, (t) => ({ ...t, when: `{{workflow.parameters.n}} > ${e.n}` }));
  }
}

function started(): EditorStore {
  const store = createEditorStore();
  store.getState().addTask({ name: 'a', template: echo, position: { x: 0, y: 0 } });
  store.getState().addTask({ name: 'b', template: echo, position: { x: 200, y: 0 } });
  store.getState().setPipeline(store.getState().pipeline, { fresh: true });
  return store;
}

const text = (p: Pipeline) => exportDocument(p);

describe('undo and redo', () => {
  // Heavy by design (each run makes, undoes and redoes 200 validated edits): an explicit, generous timeout.
  it(
    '200 random edits: undo all gives the initial YAML exactly, redo all the final',
    { timeout: 120_000 },
    () => {
      fc.assert(
        fc.property(fc.array(edit, { minLength: 200, maxLength: 200 }), (edits) => {
          const store = started();
          const s = () => store.getState();
          const initial = text(s().pipeline);
          for (const e of edits) run(store, e);
          const final = text(s().pipeline);
          const steps = s().history.past.length;
          expect(steps).toBeLessThanOrEqual(200);
          for (let i = 0; i < steps; i++) s().undo();
          expect(s().history.past).toEqual([]);
          expect(text(s().pipeline)).toBe(initial);
          for (let i = 0; i < steps; i++) s().redo();
          expect(s().history.future).toEqual([]);
          expect(text(s().pipeline)).toBe(final);
        }),
        { numRuns: 8, seed: 20260803 },
      );
    },
  );

  it(
    `beyond ${HISTORY_STEPS} steps: merges the oldest, keeps the start in reach, says so once`,
    { timeout: 120_000 },
    () => {
      const store = started();
      const s = () => store.getState();
      const initial = text(s().pipeline);
      const edits = HISTORY_STEPS + 250;
      let told = 0;
      for (let i = 1; i <= edits; i++) {
        s().placeTasks({ a: { x: i, y: -i } });
        if (s().notice === HISTORY_FULL) told++;
      }
      expect(told).toBe(1);
      expect(s().history.past).toHaveLength(HISTORY_STEPS);
      expect(s().history.dropped).toBe(edits - HISTORY_STEPS);
      // The last steps undo one by one...
      s().undo();
      expect(scopeLayout(s().pipeline).a).toEqual({ x: edits - 1, y: -(edits - 1) });
      // ... and undoing everything reaches the document as it was opened.
      while (s().history.past.length > 0) s().undo();
      expect(text(s().pipeline)).toBe(initial);
    },
  );
});

describe('record', () => {
  /** A pipeline whose task list has `n` entries (what the memory estimate counts). */
  const sized = (n: number): Pipeline =>
    withTasks(
      createPipeline(),
      Array.from({ length: n }, (_, i) => ({ name: `t${i}` })),
    );

  it('bounds history by what its snapshots hold: a large workflow keeps fewer steps', () => {
    const big = sized(10_000);
    let h: History = emptyHistory();
    for (let i = 0; i < 400; i++) h = record(h, i === 0 ? sized(10) : big);
    const held = h.past.reduce((n, p) => n + scopeTasks(p).length + 16, 0);
    expect(held).toBeLessThanOrEqual(HISTORY_SLOTS);
    expect(h.past.length).toBe(Math.floor((HISTORY_SLOTS - 26) / 10_016) + 1);
    expect(scopeTasks(h.past[0]!)).toHaveLength(10); // the first is kept
    expect(h.dropped).toBe(400 - h.past.length);
  });

  it('keeps every step of a small workflow up to the step bound', () => {
    let h: History = emptyHistory();
    for (let i = 0; i < HISTORY_STEPS; i++) h = record(h, sized(20));
    expect(h.past).toHaveLength(HISTORY_STEPS);
    expect(h.dropped).toBe(0);
  });
});
