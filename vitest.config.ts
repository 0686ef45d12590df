import { defineConfig } from 'vitest/config';

// Unit and component tests. Browser tests (e2e/) run through their own config.
export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    // jest-dom matchers everywhere; component tests opt into jsdom per file
    // with a `// @vitest-environment jsdom` docblock.
    setupFiles: ['test/setup/dom.ts'],
    // Once per run, before the workers: caches they share (compiled schemas).
    globalSetup: ['test/setup/global.ts'],
    pool: 'threads',
    maxWorkers: 2,
  },
});
