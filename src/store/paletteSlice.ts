/**
 * The palette: entries from the active config.yaml. A config that cannot be
 * read keeps the previous palette and reports where it is wrong.
 */
import type { StateCreator } from 'zustand/vanilla';
import { parseConfig, type PaletteEntry } from '../core/config';
import { hasErrors, type Diagnostic } from '../core/diagnostics';
import type { EditorState } from './editorStore';

export interface ConfigSource {
  /** File name or URL the config came from. */
  name: string;
  text: string;
}

export interface PaletteSlice {
  entries: PaletteEntry[];
  config: ConfigSource | undefined;
  configDiagnostics: Diagnostic[];
  /** Parses and activates a config; returns false when it was rejected. */
  loadConfig(text: string, name: string): boolean;
}

export const createPaletteSlice: StateCreator<EditorState, [], [], PaletteSlice> = (set) => ({
  entries: [],
  config: undefined,
  configDiagnostics: [],
  loadConfig(text, name) {
    const { value, diagnostics } = parseConfig(text, name);
    if (value.length === 0 && hasErrors(diagnostics)) {
      set({ configDiagnostics: diagnostics });
      return false;
    }
    set({ entries: value, config: { name, text }, configDiagnostics: diagnostics });
    return true;
  },
});
