// Multi-document files stay whole (issue 9): every document in its order,
// byte for byte for the ones nobody edited, other kinds (a ConfigMap beside a
// Workflow) included; each document keeps its edits and its undo history.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openWorkflowFile, writeFile } from '../../src/core/argo/workflowFile';
import { splitDocuments } from '../../src/core/argo/fileChunks';
import { createEditorStore } from '../../src/store/editorStore';
import { saveTextOf } from '../../src/store/fileSlice';
import { scopeTasks } from '../../src/core/model/scope';
import { CONFIG_MAP, dagWorkflow, A_THEN_B } from '../support/fixtures';
import { argoExamplePath, hasShared, listArgoExamples, SKIP_REASON } from '../support/sharedData';

/** A store showing document `active` of `text`, as Open leaves it. */
function opened(name: string, text: string, active = 0) {
  const store = createEditorStore();
  const { file, opened: result } = openWorkflowFile(name, text);
  store.getState().setPipeline(result.documents[active]!.pipeline!, { fresh: true });
  store.getState().setFile(file, active);
  return store;
}

const WF = (name: string) => dagWorkflow({ metadata: `  name: ${name}`, tasks: A_THEN_B });

describe('a file of several documents', () => {
  it('writes every document back unchanged when nothing was edited, a ConfigMap included', () => {
    const text = `# leading comment\n${WF('one')}---\n${CONFIG_MAP}---\n${WF('two')}`;
    const store = opened('f.yaml', text);
    expect(saveTextOf(store.getState())).toBe(text);
  });

  it('rewrites only the edited document, in place', () => {
    const text = `${WF('one')}---\n${CONFIG_MAP}---\n${WF('two')}`;
    const store = opened('f.yaml', text);
    expect(store.getState().switchDocument(1)).toBe(false); // the ConfigMap is not a workflow
    expect(store.getState().switchDocument(2)).toBe(true);
    store.getState().removeTasks(['b']);
    const out = saveTextOf(store.getState());
    const [first, config, last] = splitDocuments(out);
    const [was1, wasConfig] = splitDocuments(text);
    expect(first).toEqual(was1);
    expect(config).toEqual(wasConfig);
    expect(last!.body).not.toContain('name: b');
    expect(last!.body).toContain('name: two');
  });

  it('keeps each document’s edits and undo history across switches', () => {
    const store = opened('f.yaml', `${WF('one')}---\n${WF('two')}`);
    store.getState().removeTasks(['a']);
    store.getState().switchDocument(1);
    expect(scopeTasks(store.getState().pipeline).map((t) => t.name)).toEqual(['a', 'b']);
    expect(store.getState().history.past).toHaveLength(0);
    store.getState().switchDocument(0);
    expect(scopeTasks(store.getState().pipeline).map((t) => t.name)).toEqual(['b']);
    store.getState().undo();
    expect(scopeTasks(store.getState().pipeline).map((t) => t.name)).toEqual(['a', 'b']);
  });

  it.skipIf(!hasShared)(
    `edits the second document of workflow-template/templates.yaml: the other four stay byte for byte (${SKIP_REASON})`,
    () => {
      const text = readFileSync(argoExamplePath('workflow-template/templates.yaml'), 'utf8');
      const store = opened('templates.yaml', text);
      expect(store.getState().file?.documents).toHaveLength(5);
      store.getState().switchDocument(1);
      store.getState().apply((p) => ({
        ...p,
        metadata: { ...p.metadata, labels: { team: 'data' } },
      }));
      const before = splitDocuments(text);
      const after = splitDocuments(saveTextOf(store.getState()));
      expect(after).toHaveLength(5);
      after.forEach((chunk, i) => {
        if (i === 1) expect(chunk.body).toContain('team: data');
        else expect(chunk, `document ${i + 1}`).toEqual(before[i]);
      });
    },
  );

  it.skipIf(!hasShared)(
    `writes every Argo example back byte for byte when nothing changed (${SKIP_REASON})`,
    () => {
      let files = 0;
      for (const name of listArgoExamples()) {
        const text = readFileSync(argoExamplePath(name), 'utf8');
        const { file, opened: result } = openWorkflowFile(name, text);
        if (result.diagnostics.length > 0) continue;
        expect(writeFile(file, []), name).toBe(text);
        files++;
      }
      expect(files).toBeGreaterThan(200);
    },
  );
});
