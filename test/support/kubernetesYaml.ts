/**
 * An independent reader of YAML as Kubernetes reads it, for tests to check
 * the editor's reading and writing against: the `yaml` package's YAML 1.1
 * schema without the two types go-yaml v2 (sigs.k8s.io/yaml) does not
 * resolve for untyped values: timestamps (kept as strings) and base-60
 * numbers (`1:20` stays a string). One known difference remains: go-yaml
 * also reads `0o17` as 15; no test input uses that form with this reader.
 */
import { parseAllDocuments, type ScalarTag, type Tags } from 'yaml';

interface TagInfo {
  tag: string;
  format?: string;
  test?: RegExp;
}

const isGoYamlSkip = (t: TagInfo): boolean =>
  t.tag === 'tag:yaml.org,2002:timestamp' || t.format === 'TIME';
/** The `yaml` package reads `.` as NaN (the 1.1 spec's pattern); go-yaml needs a digit. */
const isLooseFloat = (t: TagInfo): boolean =>
  t.tag === 'tag:yaml.org,2002:float' && t.test?.source === '^[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*$';
const goYamlFloat: ScalarTag = {
  identify: (v) => typeof v === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:float',
  test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
  resolve: (s) => Number(s),
};

const customTags = (tags: Tags): Tags => [
  ...tags.filter((t) => !isGoYamlSkip(t as TagInfo) && !isLooseFloat(t as TagInfo)),
  goYamlFloat,
];

/** Every document of `text`, as kubectl would send it to the API server (as JSON values). */
export function loadAllAsKubernetes(text: string): unknown[] {
  return parseAllDocuments(text, { version: '1.1', customTags, uniqueKeys: true })
    .map((doc) => {
      if (doc.errors.length > 0) throw doc.errors[0];
      return doc.toJS({ maxAliasCount: -1 }) as unknown;
    })
    .filter((d) => d !== null && d !== undefined);
}

/** The one document of `text`. */
export function loadAsKubernetes(text: string): unknown {
  const docs = loadAllAsKubernetes(text);
  if (docs.length !== 1) throw new Error(`expected one YAML document, found ${docs.length}`);
  return docs[0];
}
