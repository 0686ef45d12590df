// Vitest setup for every test file. The jest-dom matchers only extend `expect`,
// so node-environment tests are unaffected; Testing Library (and React DOM with
// it) is loaded only in files that asked for a DOM via `// @vitest-environment jsdom`.
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';

if (typeof document !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(cleanup);
}
