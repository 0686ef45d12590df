// Vite config for the benchmark's bare React Flow page (bench/canvas/bare).
// Built separately from the app: a shared multi-page build would move React
// and React Flow into a common chunk and change the app's entry chunk, whose
// size the benchmark reports. The app is built with the project's own
// vite.config.ts, exactly as shipped; the runner puts this page's output in
// `bare/` under the app's output, so one `vite preview` serves both.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./bare', import.meta.url)),
  base: './',
  plugins: [react()],
  // The runner writes graph-N.json files next to the built page.
  publicDir: false,
  build: { emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  logLevel: 'warn',
});
