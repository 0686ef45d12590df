// Multi-document files are written back whole: unchanged documents keep their
// bytes, and chunks line up with the documents a YAML loader reads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentChunks, joinDocuments, splitDocuments } from '../../src/core/argo/fileChunks';
import { loadYamlDocuments } from '../../src/core/argo/yamlText';
import { argoExamplePath, hasShared, listArgoExamples, SKIP_REASON } from '../support/sharedData';

const TEXT = `# a comment before everything
apiVersion: v1
kind: ConfigMap
metadata: {name: a}
---
# the second document
kind: B
--- {kind: C}
---
# an empty document
---   |
  literal
...
`;

describe('splitDocuments', () => {
  it('splits at --- lines, keeps comments with their document and joins back byte for byte', () => {
    const chunks = splitDocuments(TEXT);
    expect(chunks.map((c) => [c.lead, c.body, c.empty])).toEqual([
      [
        '# a comment before everything\n',
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n',
        false,
      ],
      ['---\n# the second document\n', 'kind: B\n', false],
      ['--- ', '{kind: C}\n', false],
      ['---\n# an empty document\n', '', true],
      ['---   ', '|\n  literal\n...\n', false],
    ]);
    expect(joinDocuments(chunks, new Map())).toBe(TEXT);
    expect(documentChunks(chunks)).toHaveLength(loadYamlDocuments(TEXT).value.length);
  });

  it('replaces only the edited document, keeping its lead', () => {
    const out = joinDocuments(splitDocuments(TEXT), new Map([[1, 'kind: B2\n']]));
    expect(out).toBe(TEXT.replace('kind: B\n', 'kind: B2\n'));
  });

  it('handles a file without a final line break and a lone document', () => {
    expect(joinDocuments(splitDocuments('a: 1'), new Map())).toBe('a: 1');
    expect(joinDocuments(splitDocuments('a: 1\n---\nb: 2'), new Map([[0, 'a: 3\n']]))).toBe(
      'a: 3\n---\nb: 2',
    );
    expect(splitDocuments('')).toEqual([]);
  });

  it.skipIf(!hasShared)(`lines up with the loader on every Argo example (${SKIP_REASON})`, () => {
    let multi = 0;
    for (const file of listArgoExamples()) {
      const text = readFileSync(argoExamplePath(file), 'utf8');
      const loaded = loadYamlDocuments(text);
      if (loaded.diagnostics.length > 0) continue;
      const chunks = splitDocuments(text);
      expect(joinDocuments(chunks, new Map()), file).toBe(text);
      const docs = documentChunks(chunks);
      expect(docs, file).toHaveLength(loaded.value.length);
      docs.forEach((c, i) =>
        expect(loadYamlDocuments(c.body).value, `${file}#${i}`).toEqual([loaded.value[i]]),
      );
      if (docs.length > 1) multi++;
    }
    expect(multi).toBeGreaterThanOrEqual(3);
  });
});
