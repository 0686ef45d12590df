/**
 * Lint of many files at once, as `argo lint` does it: every document of every
 * file is validated, the WorkflowTemplates and ClusterWorkflowTemplates among
 * them (and any others given, e.g. from `--templates DIR`) resolve each
 * other's `templateRef`s, and documents of other kinds are passed over with a
 * note. Pure: the caller reads the files. Each diagnostic carries its file,
 * line and column.
 */
import { error, info, type Diagnostic } from '../diagnostics';
import { locateWith } from '../argo/locate';
import { loadYamlDocuments, type LoadedYaml } from '../argo/yamlText';
import type { Mode } from './context';
import { isWorkflowManifest, validateManifest } from './index';
import { templateLibrary } from '../library/templateLibrary';

export interface LintInput {
  /** The file name diagnostics carry. */
  name: string;
  text: string;
  /** Found by walking a directory rather than named: a file with no document is a note, not a failure. */
  found?: boolean;
}

export interface LintedFile {
  file: string;
  /** Documents that are Argo workflows of a kind the validator checks. */
  workflows: number;
  diagnostics: Diagnostic[];
  /** The file could not be read as YAML: the CLI exits 2. */
  unreadable: boolean;
}

export interface LintOptions {
  mode?: Mode;
  /** Texts of more WorkflowTemplates to resolve references against, not linted themselves. */
  templates?: { name: string; text: string }[];
}

export function lintFiles(inputs: readonly LintInput[], options: LintOptions = {}): LintedFile[] {
  const loaded = inputs.map((f) => ({ input: f, yaml: loadYamlDocuments(f.text, f.name) }));
  const extra = (options.templates ?? []).flatMap((t) => loadYamlDocuments(t.text, t.name).value);
  const library = templateLibrary([...loaded.flatMap((l) => l.yaml.value), ...extra]);
  return loaded.map(({ input, yaml }) => lintOne(input, yaml, library, options.mode ?? 'lint'));
}

function lintOne(
  input: LintInput,
  yaml: LoadedYaml,
  library: ReturnType<typeof templateLibrary>,
  mode: Mode,
): LintedFile {
  const file = input.name;
  const tag = (d: Diagnostic): Diagnostic => ({ ...d, source: file });
  if (yaml.diagnostics.length > 0)
    return { file, workflows: 0, diagnostics: yaml.diagnostics.map(tag), unreadable: true };
  if (yaml.value.length === 0) {
    const message = 'the file holds no YAML document';
    return input.found
      ? {
          file,
          workflows: 0,
          diagnostics: [info('empty', `skipped: ${message}`, { source: file })],
          unreadable: false,
        }
      : {
          file,
          workflows: 0,
          diagnostics: [error('empty', message, { source: file })],
          unreadable: true,
        };
  }
  const diagnostics: Diagnostic[] = [];
  let workflows = 0;
  yaml.value.forEach((doc, i) => {
    if (isWorkflowManifest(doc)) workflows++;
    const found = validateManifest(doc, { mode, templates: library });
    for (const d of locateWith(yaml.index, found, i)) diagnostics.push(tag(d));
  });
  return { file, workflows, diagnostics, unreadable: false };
}
