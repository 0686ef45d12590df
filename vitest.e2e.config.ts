import { defineConfig } from 'vitest/config';

// Browser tests: a production build served by `vite preview`, driven in
// Debian's Chromium. One file at a time: the machine has two cores.
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['e2e/support/previewServer.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
