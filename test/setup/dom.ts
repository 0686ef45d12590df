// Vitest setup for every test file. The jest-dom matchers only extend `expect`,
// so node-environment tests are unaffected; Testing Library (and React DOM with
// it) is loaded only in files that asked for a DOM via `// @vitest-environment jsdom`.
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { WAIT_MS } from '../support/timeouts';

if (typeof document !== 'undefined') {
  const { cleanup, configure } = await import('@testing-library/react');
  // findBy* and waitFor give up after 1 s by default: a lazy chunk or a render
  // can take longer than that on a loaded machine. A deadline for failing,
  // not a delay: a condition that holds returns at once.
  configure({ asyncUtilTimeout: WAIT_MS });
  afterEach(cleanup);
}
