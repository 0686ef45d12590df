// The examples gallery's files: each one listed, valid for our validator (no
// error or warning) and for Argo's JSON schema, and opened by the importer.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { openWorkflowFile } from '../../src/core/argo/workflowFile';
import { validate } from '../../src/core/argo/validate';
import { validateManifest as lint } from '../../src/core/validate';
import { EXAMPLES, exampleText } from '../../src/examples';
import { validateManifest as schemaErrors } from '../support/argoSchema';
import { hasShared, SKIP_REASON } from '../support/sharedData';
import { TIMEOUT } from '../support/timeouts';

const DIR = join(import.meta.dirname, '../../src/examples');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

describe('examples', () => {
  it('lists every example file, and every listed example has a file', () => {
    expect(EXAMPLES.map((e) => `${e.id}.yaml`).sort()).toEqual([...files].sort());
  });

  it('covers the four starting points the gallery promises', () => {
    const kinds = EXAMPLES.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['Workflow', 'CronWorkflow', 'WorkflowTemplate']));
    const text = files.map((f) => readFileSync(join(DIR, f), 'utf8')).join('\n');
    expect(text).toContain('SparkApplication');
    expect(text).toContain('withParam');
    expect(text).toMatch(/enum:/);
  });

  for (const example of EXAMPLES) {
    describe(example.id, () => {
      const text = readFileSync(join(DIR, `${example.id}.yaml`), 'utf8');

      it('loads through the catalogue as the same text', async () => {
        await expect(exampleText(example.id)).resolves.toBe(text);
      });

      it('passes our validator without errors or warnings', () => {
        const manifest = load(text);
        expect((manifest as { kind: string }).kind).toBe(example.kind);
        const problems = lint(manifest).filter((d) => d.severity !== 'info');
        expect(problems).toEqual([]);
      });

      it('opens as a workflow with every task placed, and validates as opened', () => {
        const { opened } = openWorkflowFile(`${example.id}.yaml`, text);
        const pipeline = opened.documents[0]?.pipeline;
        expect(pipeline).toBeDefined();
        expect(
          validate(pipeline!).filter((d) => d.severity === 'error' || d.severity === 'warning'),
        ).toEqual([]);
      });

      it.skipIf(!hasShared)(
        `matches Argo's JSON schema (${hasShared ? 'schema present' : SKIP_REASON})`,
        () => {
          expect(schemaErrors(load(text))).toEqual([]);
        },
        TIMEOUT.cpu,
      );
    });
  }
});
