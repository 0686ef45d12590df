import react from '@vitejs/plugin-react';
import type { ServerResponse } from 'node:http';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';

/**
 * The Argo Server sends no CORS headers on /api/ (argo-workflows issue 14099),
 * so the browser app reaches it through this same-origin proxy:
 *   ARGO_SERVER=https://argo.example.com:2746 npm run dev      (or npm start)
 *   ARGO_INSECURE=1 accepts the server's self-signed certificate.
 * A failed proxy call answers like the Argo Server does ({code, message}),
 * so the editor can explain it (TLS, unreachable) in words.
 */
function argoProxy(): Record<string, ProxyOptions> | undefined {
  const target = process.env.ARGO_SERVER;
  if (!target) return undefined;
  const insecure = /^(1|true|yes)$/i.test(process.env.ARGO_INSECURE ?? '');
  // KUBE_API_SERVER: ConfigMaps (the palette's config from a ConfigMap) come from
  // the Kubernetes API, on the same origin and with the same token (docs/deploy.md).
  const kube = process.env.KUBE_API_SERVER;
  return {
    ...(kube
      ? {
          '/api/v1/namespaces': {
            target: kube,
            changeOrigin: true,
            secure: !/^(1|true|yes)$/i.test(process.env.KUBE_INSECURE ?? ''),
          },
        }
      : {}),
    '/api/v1': {
      target,
      changeOrigin: true,
      secure: !insecure,
      configure(proxy) {
        proxy.on('error', (err, _req, res) => {
          const out = res as ServerResponse;
          if (!out || typeof out.writeHead !== 'function' || out.headersSent) return;
          out.writeHead(502, { 'Content-Type': 'application/json' });
          out.end(
            JSON.stringify({ code: 14, message: `proxy to ${target} failed: ${err.message}` }),
          );
        });
      },
    },
  };
}

/**
 * Every module the page loads at start (the entry and what it imports
 * statically, never what it imports with import()), filled in at the end of
 * the build's module pass, before chunking.
 */
const initialModules = new Set<string>();
function collectInitialModules(): Plugin {
  return {
    name: 'argoflow:initial-modules',
    buildEnd() {
      initialModules.clear();
      const visit = (id: string) => {
        if (initialModules.has(id)) return;
        initialModules.add(id);
        for (const next of this.getModuleInfo(id)?.importedIds ?? []) visit(next);
      };
      for (const id of this.getModuleIds()) if (this.getModuleInfo(id)?.isEntry) visit(id);
    },
  };
}

export default defineConfig({
  plugins: [react(), collectInitialModules()],
  server: { proxy: argoProxy() },
  preview: { proxy: argoProxy() },
  build: {
    rolldownOptions: {
      output: {
        // One chunk for everything loaded at start (issue 11). Rolldown's own
        // splitting gives each module shared with a lazy chunk (React, js-yaml,
        // the graph operations) a chunk of its own, a dozen preloaded files that
        // gzip apart: 4-5 kB more than the same code in one file. Lazy chunks
        // import from this one; nothing lazy moves into it.
        codeSplitting: {
          groups: [{ name: 'index', test: (id: string) => initialModules.has(id) }],
        },
      },
    },
  },
});
