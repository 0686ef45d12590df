/**
 * The editor's one store, made of slices (zustand's slices pattern). Created
 * with `createStore` so tests and the CLI drive it without React.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createDocumentSlice, type DocumentSlice } from './documentSlice';
import { createPaletteSlice, type PaletteSlice } from './paletteSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createYamlSlice, type YamlSlice } from './yamlSlice';

export type EditorState = DocumentSlice & SelectionSlice & PaletteSlice & YamlSlice;
export type EditorStore = StoreApi<EditorState>;

export function createEditorStore(): EditorStore {
  return createStore<EditorState>()((...a) => ({
    ...createDocumentSlice(...a),
    ...createSelectionSlice(...a),
    ...createPaletteSlice(...a),
    ...createYamlSlice(...a),
  }));
}
