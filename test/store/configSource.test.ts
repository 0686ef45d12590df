// The palette's config.yaml from a URL or from a ConfigMap (src/store/
// configSourceSlice.ts): a ConfigMap is read through the app's proxy to the
// Kubernetes API with the Argo token (here the Argo Server TEST DOUBLE serves
// it); a config that cannot be read or used keeps the palette it had, with a
// notice that says why.
import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../../src/core/argo/client';
import { configMapText } from '../../src/store/configSourceSlice';
import { createEditorStore } from '../../src/store/editorStore';
import { useArgoServerDouble } from '../support/doubleFixture';

const CONFIG = `containers:
  - name: from-configmap
    image: alpine:3.20
`;

describe('configMapText', () => {
  it.each([
    [{ data: { 'config.yaml': 'a', other: 'b' } }, undefined, { text: 'a', key: 'config.yaml' }],
    [{ data: { 'palette.yaml': 'p' } }, undefined, { text: 'p', key: 'palette.yaml' }],
    [{ data: { x: '1', y: '2' } }, 'y', { text: '2', key: 'y' }],
    [
      { data: { x: '1', y: '2' } },
      undefined,
      { problem: 'it has no config.yaml key (keys: x, y)' },
    ],
    [{ data: { x: '1' } }, 'constructor', { problem: 'it has no key constructor' }],
    [{}, undefined, { problem: 'it has no data' }],
  ])('%j key %s -> %j', (cm, key, expected) => {
    expect(configMapText(cm, key)).toEqual(expected);
  });
});

describe('loadConfigFrom', () => {
  const argo = useArgoServerDouble();
  const store = (fetchLike: FetchLike = (u, i) => fetch(u, i)) => {
    const s = createEditorStore({
      fetch: fetchLike,
      settings: { server: argo.url, namespace: 'argo', uiBase: '' },
    });
    s.getState().setToken('test-token', false);
    return s;
  };

  it('reads a ConfigMap of the namespace with the token', async () => {
    argo.configMaps.set('argo/palette', {
      metadata: { name: 'palette' },
      data: { 'config.yaml': CONFIG },
    });
    const s = store();
    expect(await s.getState().loadConfigFrom({ configMap: 'palette' })).toBe(true);
    expect(s.getState().entries.map((e) => e.name)).toEqual(['from-configmap']);
    expect(s.getState().config?.name).toBe('ConfigMap argo/palette (config.yaml)');
    const req = argo.requests.find((r) => r.path === '/api/v1/namespaces/argo/configmaps/palette');
    expect(req?.authorization).toBe('Bearer test-token');
  });

  it('a missing ConfigMap keeps the palette and says why', async () => {
    const s = store();
    await s.getState().loadConfig(CONFIG, 'config.yaml');
    expect(await s.getState().loadConfigFrom({ configMap: 'nope' })).toBe(false);
    expect(s.getState().entries).toHaveLength(1);
    expect(s.getState().notice?.message).toMatch(
      /Could not read ConfigMap argo\/nope: Not found \(404\): configmaps "nope" not found/,
    );
  });

  it('loads from a URL; a failing one keeps the palette', async () => {
    const urls: string[] = [];
    const fake: FetchLike = async (url) => {
      urls.push(url);
      return url.endsWith('good.yaml')
        ? new Response(CONFIG, { status: 200 })
        : new Response('no', { status: 404 });
    };
    const s = store(fake);
    expect(await s.getState().loadConfigFrom({ url: 'https://example.test/good.yaml' })).toBe(true);
    expect(s.getState().config?.name).toBe('https://example.test/good.yaml');
    expect(await s.getState().loadConfigFrom({ url: 'https://example.test/bad.yaml' })).toBe(false);
    expect(s.getState().notice?.message).toContain('HTTP 404');
    expect(s.getState().entries.map((e) => e.name)).toEqual(['from-configmap']);
  });
});
