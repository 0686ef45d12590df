// The store never takes a document the editor cannot show (issue 8, "Crash
// and lock-out"): hostile documents typed into the YAML panel or opened stay
// out of the store, as a draft with its error or a notice, whether the core
// still fails on them or not. A failure inside the core is simulated too, so
// the guard is tested even once every known core crash is fixed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDocuments, previewDocument } from '../../src/core/argo/document';
import { validate } from '../../src/core/argo/validate';
import { createEditorStore } from '../../src/store/editorStore';
import { HOSTILE_DOCUMENTS, PARAMETERS_OPEN } from '../support/hostileDocuments';
import { scopeTasks } from '../../src/core/model/scope';

// `previewDocument` throws on any workflow with a task named `boom`, as a core defect would.
vi.mock('../../src/core/argo/document', async (original) => {
  const real = await original<typeof import('../../src/core/argo/document')>();
  return {
    ...real,
    previewDocument: (p: Parameters<typeof real.previewDocument>[0]) => {
      if (scopeTasks(p).some((t) => t.name === 'boom'))
        throw new TypeError('boom is not a function');
      return real.previewDocument(p);
    },
  };
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** What the panels compute from the store's document: none of it may throw. */
function renderable(p: ReturnType<ReturnType<typeof createEditorStore>['getState']>['pipeline']) {
  validate(p);
  previewDocument(p);
}

const BOOM = PARAMETERS_OPEN.replace('- name: a', '- name: boom');

describe('hostile documents typed into the YAML panel', () => {
  for (const [name, text] of Object.entries(HOSTILE_DOCUMENTS)) {
    it(`${name}: the store keeps a document the editor can show`, () => {
      const store = createEditorStore();
      store.getState().editYaml(PARAMETERS_OPEN);
      const before = store.getState().pipeline;
      expect(scopeTasks(before).map((t) => t.name)).toEqual(['a']);
      expect(() => store.getState().editYaml(text)).not.toThrow();
      const { pipeline, yamlDraft, yamlDiagnostics } = store.getState();
      expect(() => renderable(pipeline)).not.toThrow();
      // Whatever happened, the typed text is still there, and a refusal says why.
      expect(yamlDraft).toBe(text);
      if (pipeline === before)
        expect(yamlDiagnostics.some((d) => d.severity === 'error')).toBe(true);
    });
  }
});

describe('a document the core fails on', () => {
  it('stays a draft with its error; the canvas keeps the last document that worked', () => {
    const store = createEditorStore();
    store.getState().editYaml(PARAMETERS_OPEN);
    const before = store.getState().pipeline;
    store.getState().editYaml(BOOM);
    const s = store.getState();
    expect(s.pipeline).toBe(before);
    expect(s.yamlDraft).toBe(BOOM);
    expect(s.yamlDiagnostics).toContainEqual(
      expect.objectContaining({
        code: 'unshowable',
        severity: 'error',
        message: expect.stringContaining('writing the YAML preview (boom is not a function)'),
      }),
    );
    // Leaving the panel keeps the draft: it has errors.
    s.closeYamlDraft();
    expect(store.getState().yamlDraft).toBe(BOOM);
  });

  it('is refused when opened, with a notice, and nothing changes', () => {
    const store = createEditorStore();
    store.getState().editYaml(PARAMETERS_OPEN);
    const { pipeline, history } = store.getState();
    const boom = openDocuments(BOOM).documents[0]!.pipeline!;
    expect(store.getState().setPipeline(boom)).toBe(false);
    expect(store.getState().setPipeline(boom, { fresh: true })).toBe(false);
    expect(store.getState().pipeline).toBe(pipeline);
    expect(store.getState().history).toBe(history);
    expect(store.getState().notice?.message).toMatch(
      /^Not applied: the editor failed while writing the YAML preview \(boom is not a function\)\. The workflow is unchanged\.$/,
    );
  });

  it('refuses an edit whose result the core fails on', () => {
    const store = createEditorStore();
    store.getState().editYaml(PARAMETERS_OPEN);
    const before = store.getState().pipeline;
    expect(store.getState().renameTask('a', 'boom')).toBe(true);
    expect(store.getState().pipeline).toBe(before);
    expect(store.getState().notice?.kind).toBe('error');
  });

  it('turns an edit that throws into a notice and leaves the document as it was', () => {
    const store = createEditorStore();
    store.getState().editYaml(PARAMETERS_OPEN);
    const before = store.getState().pipeline;
    expect(() =>
      store.getState().apply(() => {
        throw new TypeError("Cannot read properties of null (reading 'value')");
      }),
    ).not.toThrow();
    expect(store.getState().pipeline).toBe(before);
    expect(store.getState().notice?.message).toContain("reading 'value'");
  });

  it('says so when the text cannot even be read', () => {
    const store = createEditorStore();
    const deep = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    expect(() => store.getState().editYaml(deep)).not.toThrow();
    expect(store.getState().yamlDiagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(store.getState().yamlDraft).toBe(deep);
  });
});
