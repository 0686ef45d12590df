// Validation runs after the edit, not inside it (issue 11): the edit returns
// with the previous diagnostics, and the store gets those of the newest
// document in one update once the validator ran. A validator that throws
// becomes a diagnostic, and the edit stands.
import { describe, expect, it, vi } from 'vitest';
import { scopeTasks } from '../../src/core/model/scope';
import type { Template } from '../../src/core/model/types';
import { createEditorStore } from '../../src/store/editorStore';
import { isValidated, whenValidated } from '../../src/store/validationSlice';

vi.mock('../../src/core/argo/validate', async (original) => {
  const real = await original<typeof import('../../src/core/argo/validate')>();
  return {
    ...real,
    validate: (p: Parameters<typeof real.validate>[0]) => {
      if (scopeTasks(p).some((t) => t.name === 'boom'))
        throw new TypeError('boom is not a function');
      return real.validate(p);
    },
  };
});

const echo: Template = { name: 'echo', container: { image: 'alpine:3.20' } };
const codes = (s: ReturnType<ReturnType<typeof createEditorStore>['getState']>) =>
  s.diagnostics.map((d) => d.code);

describe('validation after the edit', () => {
  it('leaves the edit without validating, then brings the newest document’s diagnostics', async () => {
    const store = createEditorStore();
    await whenValidated(store);
    store.getState().addTask({ name: 'a', template: echo });
    await whenValidated(store);
    const clean = store.getState().diagnostics;

    store.getState().updateTask('a', (t) => ({ ...t, depends: 'ghost' }));
    // The edit has returned; the validator has not run yet.
    expect(isValidated(store.getState())).toBe(false);
    expect(store.getState().diagnostics).toBe(clean);
    await whenValidated(store);
    expect(codes(store.getState())).toContain('unknown-dependency');
  });

  it('validates a burst of edits once, as the last one left the document', async () => {
    const store = createEditorStore();
    await whenValidated(store);
    const updates = vi.fn();
    store.subscribe((s, prev) => {
      if (s.diagnostics !== prev.diagnostics) updates();
    });
    for (const name of ['a', 'b', 'c']) store.getState().addTask({ name, template: echo });
    store.getState().updateTask('c', (t) => ({ ...t, depends: 'ghost' }));
    await whenValidated(store);
    expect(updates).toHaveBeenCalledTimes(1);
    expect(store.getState().validated).toBe(store.getState().pipeline);
    expect(codes(store.getState())).toContain('unknown-dependency');
  });

  it('does not validate again when only positions or the selection change', async () => {
    const store = createEditorStore();
    store.getState().addTask({ name: 'a', template: echo, position: { x: 0, y: 0 } });
    await whenValidated(store);
    const before = store.getState().diagnostics;
    store.getState().placeTasks({ a: { x: 40, y: 40 } });
    store.getState().select(['a']);
    expect(isValidated(store.getState())).toBe(true);
    await Promise.resolve();
    expect(store.getState().diagnostics).toBe(before);
  });

  it('turns a validator that throws into a diagnostic; the edit stands', async () => {
    const store = createEditorStore();
    store.getState().addTask({ name: 'a', template: echo });
    expect(store.getState().renameTask('a', 'boom')).toBe(true);
    expect(scopeTasks(store.getState().pipeline).map((t) => t.name)).toEqual(['boom']);
    await whenValidated(store);
    expect(store.getState().diagnostics).toEqual([
      expect.objectContaining({
        code: 'validator-failed',
        severity: 'error',
        message: expect.stringContaining('boom is not a function'),
      }),
    ]);
  });
});
