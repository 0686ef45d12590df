/** The fuzz corpus: every Argo example under ../shared/argo/examples, read once. */
import { readFileSync } from 'node:fs';
import { argoExamplePath, listArgoExamples } from '../sharedData';
import type { CorpusFile } from './generate';

export function loadCorpus(): CorpusFile[] {
  return listArgoExamples().map((name) => ({
    name,
    text: readFileSync(argoExamplePath(name), 'utf8'),
  }));
}
