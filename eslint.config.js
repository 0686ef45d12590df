// ESLint flat config. Besides the usual recommended sets it holds the one-way
// dependency rule from docs/decisions.md: ui -> store -> core. `src/core` stays
// plain TypeScript (no store, ui, React, React Flow, zustand) so the CLI and the
// tests can run it headless; `src/store` never reaches into the UI.
// test/lint/boundaries.test.ts proves the patterns below catch relative imports.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import specifiers (regular expressions, matched case-insensitively by
 * no-restricted-imports) that a layer must not use. A relative specifier is
 * caught when it climbs out of its folder into `store/` or `ui/`
 * (`../store/foo`, `../../ui/Bar`, `../../src/ui`), or names `src/store`/`src/ui`.
 */
const localLayer = (name) => `^(?:(?:\\./)?(?:\\.\\./)+(?:src/)?|/?src/)${name}(?:/|$)`;
const packages = (...names) => `^(?:${names.join('|')})(?:/|$)`;

const boundaries = {
  core: {
    message:
      'src/core stays pure TypeScript: no store, ui, React, React Flow or zustand (ui -> store -> core).',
    forbidden: [
      localLayer('store'),
      localLayer('ui'),
      packages('react', 'react-dom', 'zustand'),
      '^@xyflow/',
    ],
  },
  store: {
    message:
      'src/store must not depend on the UI: no src/ui, react-dom or React Flow (ui -> store -> core).',
    forbidden: [localLayer('ui'), packages('react-dom'), '^@xyflow/'],
  },
};

/**
 * The same rule as config: no-restricted-imports covers `import`/`export ... from`
 * and `import x = require('x')`; no-restricted-syntax covers the forms it does
 * not see: `import('x')` and `import('x').T` in a type.
 * (esquery regex literals cannot contain `/`, hence `\x2F`.)
 */
function boundaryRules({ message, forbidden }) {
  const selectorRegex = (source) => `/${source.replaceAll('/', '\\x2F')}/i`;
  const syntax = forbidden.flatMap((source) => {
    const re = selectorRegex(source);
    return [
      { selector: `ImportExpression[source.value=${re}]`, message },
      { selector: `TSImportType[source.value=${re}]`, message },
    ];
  });
  return {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map((regex) => ({ regex, message })) },
    ],
    'no-restricted-syntax': ['error', ...syntax],
  };
}

export default defineConfig([
  globalIgnores([
    'dist/',
    'dist-cli/',
    'node_modules/',
    'coverage/',
    'public/',
    'e2e/artifacts/',
    'scratch/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser } },
  },
  { files: ['src/core/**/*.{ts,tsx,js}'], rules: boundaryRules(boundaries.core) },
  { files: ['src/store/**/*.{ts,tsx,js}'], rules: boundaryRules(boundaries.store) },
]);
