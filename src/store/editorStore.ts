/**
 * The editor's one store, made of slices (zustand's slices pattern). Created
 * with `createStore` so tests and the CLI drive it without React.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createDocumentSlice, type DocumentSlice } from './documentSlice';
import { createLayoutSlice, type LayoutSlice } from './layoutSlice';
import { createPaletteSlice, type PaletteSlice } from './paletteSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createScopeSlice, type ScopeSlice } from './scopeSlice';
import { createFileSlice, type FileSlice } from './fileSlice';
import { createYamlSlice, type YamlSlice } from './yamlSlice';
import { createRecoverySlice, type RecoverySlice } from './recoverySlice';
import { createSaveSlice, type SaveSlice } from './saveSlice';
import { createRunSlice, type RunDeps, type RunSlice } from './runSlice';
import { DEFAULT_SETTINGS } from './connectionSettings';
import { createConfigSourceSlice, type ConfigSourceSlice } from './configSourceSlice';
import { createLibrarySlice, type LibrarySlice } from './librarySlice';
import { createRunsSlice, type RunsSlice } from './runsSlice';
import { createSimulationSlice, type SimulationSlice } from './simulationSlice';
import { createSubmitFormSlice, type SubmitFormSlice } from './submitFormSlice';
import { createValidationSlice, type ValidationSlice } from './validationSlice';
import { createErgonomicsSlice, type ErgonomicsSlice } from './ergonomicsSlice';

export type EditorState = DocumentSlice &
  SelectionSlice &
  ScopeSlice &
  FileSlice &
  PaletteSlice &
  YamlSlice &
  RunSlice &
  LayoutSlice &
  RecoverySlice &
  SaveSlice &
  LibrarySlice &
  RunsSlice &
  SimulationSlice &
  SubmitFormSlice &
  ConfigSourceSlice &
  ValidationSlice &
  ErgonomicsSlice;
export type EditorStore = StoreApi<EditorState>;

/** `deps` are the outside world: fetch and storage. Tests pass test doubles. */
export function createEditorStore(deps: Partial<RunDeps> = {}): EditorStore {
  const runDeps: RunDeps = {
    fetch: deps.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    localStorage: deps.localStorage,
    sessionStorage: deps.sessionStorage,
    settings: deps.settings ?? DEFAULT_SETTINGS,
  };
  return createStore<EditorState>()((...a) => ({
    ...createDocumentSlice(...a),
    ...createSelectionSlice(...a),
    ...createScopeSlice(...a),
    ...createFileSlice(...a),
    ...createPaletteSlice(...a),
    ...createYamlSlice(...a),
    ...createRunSlice(runDeps)(...a),
    ...createLayoutSlice(...a),
    ...createRecoverySlice(...a),
    ...createSaveSlice(...a),
    ...createLibrarySlice(...a),
    ...createRunsSlice(...a),
    ...createSimulationSlice(...a),
    ...createSubmitFormSlice(runDeps.localStorage)(...a),
    ...createConfigSourceSlice(runDeps.fetch)(...a),
    ...createValidationSlice()(...a),
    ...createErgonomicsSlice(...a),
  }));
}
