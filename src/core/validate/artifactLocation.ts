/**
 * Where an artifact comes from: Argo's ArtifactLocation.HasLocationOrKey
 * (pkg/apis/workflow/v1alpha1/workflow_types.go). The first location kind set,
 * in Argo's `Get()` order, decides: it has a location or a key (a raw artifact
 * always has one).
 */
import { isObject, type JsonObject } from '../model/types';

const LOCATIONS: [string, (l: JsonObject) => boolean][] = [
  ['artifactory', (l) => nonEmpty(l.url)],
  ['azure', (l) => nonEmpty(l.blob)],
  ['git', (l) => nonEmpty(l.repo)],
  ['gcs', (l) => nonEmpty(l.key)],
  ['hdfs', (l) => nonEmpty(l.path) || (Array.isArray(l.addresses) && l.addresses.length > 0)],
  ['http', (l) => nonEmpty(l.url)],
  ['oss', (l) => nonEmpty(l.key)],
  ['raw', () => true],
  ['s3', (l) => nonEmpty(l.key)],
  ['plugin', () => true],
];

const nonEmpty = (v: unknown): boolean => typeof v === 'string' && v !== '';

export function hasLocationOrKey(art: JsonObject): boolean {
  for (const [kind, has] of LOCATIONS) {
    const l = art[kind];
    if (l !== undefined && l !== null) return has(isObject(l) ? l : {});
  }
  return false;
}
