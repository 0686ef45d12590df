// templateRefs in the editor resolve against the WorkflowTemplates it knows:
// the open file's other documents (as the CLI resolves files listed together,
// issue 10) and the server's, the file's winning. Argo resolves them with its
// template getters (workflow/templateresolution) and refuses an argument
// missing for an input without a default (workflow/common/util.go ProcessArgs).
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkflowFile } from '../../src/core/argo/workflowFile';
import { libraryOf } from '../../src/core/library/templateLibrary';
import { setFileTemplates, setServerTemplates } from '../../src/core/library/templateRefs';
import { loadYamlDocuments } from '../../src/core/argo/yamlText';
import { createEditorStore } from '../../src/store/editorStore';
import { whenValidated } from '../../src/store/validationSlice';
import type { Diagnostic } from '../../src/core/diagnostics';
import type { JsonObject } from '../../src/core/model/types';

const LIB = `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata:
  name: lib
spec:
  templates:
    - name: echo
      inputs:
        parameters:
          - name: msg
      container:
        image: alpine
`;

const WF = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: uses-lib-
spec:
  entrypoint: main
  templates:
    - name: main
      dag:
        tasks:
          - name: hello
            templateRef:
              name: lib
              template: echo
`;

function opened(text: string, active: number) {
  const store = createEditorStore();
  const { file, opened: result } = openWorkflowFile('f.yaml', text);
  store.getState().setPipeline(result.documents[active]!.pipeline!, { fresh: true });
  store.getState().setFile(file, active);
  return store;
}

/** The store's diagnostics once validation has caught up. */
async function diagnostics(store: ReturnType<typeof opened>): Promise<Diagnostic[]> {
  await whenValidated(store);
  return store.getState().diagnostics;
}

const codes = async (store: ReturnType<typeof opened>) =>
  (await diagnostics(store)).map((d) => `${d.severity} ${d.code}`);

afterEach(() => {
  setFileTemplates(undefined);
  setServerTemplates(undefined);
});

describe('templateRefs in the open file', () => {
  it('are checked against a WorkflowTemplate of the same file: the missing input is an error', async () => {
    const store = opened(`${LIB}---\n${WF}`, 1);
    const found = await diagnostics(store);
    expect(found.map((d) => `${d.severity} ${d.code}`)).toContain('error missing-input');
    expect(found.find((d) => d.code === 'missing-input')).toMatchObject({
      task: 'hello',
      template: 'main',
    });
  });

  it('are a note, not a failure, when the editor knows no WorkflowTemplate', async () => {
    const store = opened(WF, 0);
    expect((await codes(store)).filter((c) => c.startsWith('error'))).toEqual([]);
    expect((await codes(store)).some((c) => c.startsWith('info'))).toBe(true);
  });

  it('follow the server’s templates once they are loaded, and the file’s win', async () => {
    const store = opened(WF, 0);
    const before = await diagnostics(store);
    const server = loadYamlDocuments(
      LIB.replace('- name: msg', '- name: msg\n            value: hi'),
    ).value[0] as JsonObject;
    // As the library slice does: the templates, then a store update.
    setServerTemplates(libraryOf([server], []));
    store.setState({});
    const after = await diagnostics(store);
    expect(after).not.toBe(before);
    expect(after.filter((d) => d.severity !== 'warning')).toEqual([]);
    const withFile = opened(`${LIB}---\n${WF}`, 1);
    expect(await codes(withFile)).toContain('error missing-input');
  });
});
