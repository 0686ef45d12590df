/**
 * The palette's config.yaml from elsewhere than a file: a URL (fetched by the
 * browser, so another origin must allow it with CORS), or a ConfigMap of the
 * namespace, read from the Kubernetes API through the same proxy as the Argo
 * Server (`/api/v1/namespaces/<ns>/configmaps/<name>`, docs/deploy.md) with
 * the same token. Its `config.yaml` key is used, or its only key.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { FetchLike } from '../core/argo/client';
import { isObject } from '../core/model/types';
import { explainArgoError, loadArgoClient } from './argoClient';
import type { EditorState } from './editorStore';

export type ConfigSource = { url: string } | { configMap: string; key?: string };

export interface ConfigSourceSlice {
  /** Loads and activates a config from a URL or a ConfigMap; false (with a notice) when it could not. */
  loadConfigFrom(source: ConfigSource): Promise<boolean>;
}

/** The config text in a ConfigMap's data: `key`, `config.yaml`, or its only entry. */
export function configMapText(
  configMap: unknown,
  key?: string,
): { text: string; key: string } | { problem: string } {
  const data = isObject(configMap) && isObject(configMap.data) ? configMap.data : undefined;
  if (!data) return { problem: 'it has no data' };
  const keys = Object.keys(data);
  const chosen =
    key ?? (keys.includes('config.yaml') ? 'config.yaml' : keys.length === 1 ? keys[0] : undefined);
  if (!chosen) return { problem: `it has no config.yaml key (keys: ${keys.join(', ') || 'none'})` };
  const text = Object.hasOwn(data, chosen) ? data[chosen] : undefined;
  if (typeof text !== 'string') return { problem: `it has no key ${chosen}` };
  return { text, key: chosen };
}

export function createConfigSourceSlice(
  fetchLike: FetchLike,
): StateCreator<EditorState, [], [], ConfigSourceSlice> {
  return (_set, get) => ({
    async loadConfigFrom(source) {
      const s = get();
      const fail = (message: string) => {
        s.setNotice({ kind: 'error', message: `${message}; the previous palette is kept.` });
        return false;
      };
      let text: string;
      let name: string;
      if ('url' in source) {
        name = source.url;
        try {
          const res = await fetchLike(source.url);
          if (!res.ok) return fail(`Could not load the palette from ${name}: HTTP ${res.status}`);
          text = await res.text();
        } catch (e) {
          return fail(
            `Could not load the palette from ${name}: ${(e as Error).message} (another origin must allow this app with CORS)`,
          );
        }
      } else {
        const ns = s.namespace();
        name = `ConfigMap ${ns}/${source.configMap}`;
        let configMap: unknown;
        try {
          const { describeValue } = await loadArgoClient();
          const client = await s.client();
          configMap = await client.request(
            'GET',
            `/api/v1/namespaces/${encodeURIComponent(ns)}/configmaps/${encodeURIComponent(source.configMap)}`,
            {
              what: 'a ConfigMap',
              problem: (v) => (isObject(v) ? undefined : describeValue(v)),
            },
          );
        } catch (e) {
          return fail(
            `Could not read ${name}: ${await explainArgoError(e, { server: s.connection.server, namespace: ns, token: s.token })} (the app reaches ConfigMaps through its proxy to the Kubernetes API: docs/deploy.md)`,
          );
        }
        const found = configMapText(configMap, source.key);
        if ('problem' in found)
          return fail(`${name} cannot be used as a palette: ${found.problem}`);
        text = found.text;
        name = `${name} (${found.key})`;
      }
      if (!(await s.loadConfig(text, name))) return fail(`${name} could not be used as a palette`);
      return true;
    },
  });
}
