// The one-way import rule (ui -> store -> core) in eslint.config.js, checked
// through the ESLint Node API so a loosened pattern fails here, not in review.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { TIMEOUT } from '../support/timeouts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: fileURLToPath(new URL('../../eslint.config.js', import.meta.url)),
});

// The first lint loads eslint.config.js with typescript-eslint and TypeScript
// itself: about 1 s quiet, 20 s and more at load 20. Done once here, under a
// limit for that work, so each test times only its own lint.
beforeAll(async () => {
  await eslint.lintText('export {};\n', { filePath: 'src/core/warm-up.ts' });
}, TIMEOUT.cpu);

/** The boundary violations ESLint reports for `code` placed at `filePath`, one line each. */
async function boundaryViolations(code: string, filePath: string): Promise<number[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.line);
}

describe('import boundaries', () => {
  it('reports a core file importing store, ui, React, React Flow or zustand', async () => {
    const code = [
      "import { foo } from '../store/foo';", // 1
      "import { useState } from 'react';", // 2
      "import { Bar } from '../../ui/Bar';", // 3
      "import { ReactFlow } from '@xyflow/react';", // 4
      "import { createStore } from 'zustand/vanilla';", // 5
      "import { jsx } from 'react/jsx-runtime';", // 6
      "export { baz } from '../../../src/store/baz';", // 7
      "export const lazy = () => import('../ui/Lazy');", // 8
      "export type Root = import('react-dom/client').Root;", // 9
      "import React = require('react');", // 10
      'export const used = [foo, useState, Bar, ReactFlow, createStore, jsx, React];',
    ].join('\n');
    expect(await boundaryViolations(code, 'src/core/x.ts')).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(await boundaryViolations(code, 'src/core/graph/deep/y.ts')).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });

  it('lets core import core and pure packages', async () => {
    const code = [
      "import { load } from 'js-yaml';",
      "import type { Diagnostic } from '../diagnostics';",
      "import { topo } from './graph/topo';",
      "import { reactive } from './reactive';",
      'export const used: unknown[] = [load, topo, reactive, {} as Diagnostic];',
    ].join('\n');
    expect(await boundaryViolations(code, 'src/core/model/x.ts')).toEqual([]);
  });

  it('reports a store file importing ui, react-dom or React Flow, but not core or zustand', async () => {
    const code = [
      "import { Canvas } from '../ui/canvas/Canvas';", // 1
      "import { createRoot } from 'react-dom/client';", // 2
      "import { applyNodeChanges } from '@xyflow/react';", // 3
      "import { createStore } from 'zustand/vanilla';", // 4
      "import { compile } from '../core/argo/compile';", // 5
      'export const used = [Canvas, createRoot, applyNodeChanges, createStore, compile];',
    ].join('\n');
    expect(await boundaryViolations(code, 'src/store/slices/pipeline.ts')).toEqual([1, 2, 3]);
  });

  it('lets a ui file import core, store and React', async () => {
    const code = [
      "import { useState } from 'react';",
      "import { ReactFlow } from '@xyflow/react';",
      "import { compile } from '../core/argo/compile';",
      "import { studio } from '../../store/studio';",
      'export const used = [useState, ReactFlow, compile, studio];',
    ].join('\n');
    expect(await boundaryViolations(code, 'src/ui/x.ts')).toEqual([]);
    expect(await boundaryViolations(code, 'src/ui/canvas/Canvas.tsx')).toEqual([]);
  });
});
