import { defineConfig } from 'vitest/config';

// Browser tests: a production build served by `vite preview`, driven in
// Debian's Chromium. One file at a time: the machine has two cores.
// Every test here drives a real browser through dozens of actions (1-5 s
// quiet, up to a minute or two at load 20 on CI's 2 cores), and hooks start
// Chromium or nginx; their limits are set for that. expect.poll waits for
// the page to catch up: 30 s before it fails (Vitest's default is 1 s), and
// a condition that holds returns at once.
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['e2e/support/previewServer.ts'],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 180_000,
    expect: { poll: { timeout: 30_000 } },
  },
});
