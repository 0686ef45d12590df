/**
 * The palette: entries from the active config.yaml. A config that cannot be
 * read keeps the previous palette and reports where it is wrong. The parser
 * (and the `yaml` library it reads configs with) is loaded on first use, so
 * it stays out of the entry chunk (issue 11).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { PaletteEntry } from '../core/config';
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
  /** Parses and activates a config; resolves false when it was rejected. */
  loadConfig(text: string, name: string): Promise<boolean>;
}

export const createPaletteSlice: StateCreator<EditorState, [], [], PaletteSlice> = (set) => ({
  entries: [],
  config: undefined,
  configDiagnostics: [],
  async loadConfig(text, name) {
    const { parseConfig } = await import('../core/config/parseConfig');
    const { value, diagnostics } = parseConfig(text, name);
    if (value.length === 0 && hasErrors(diagnostics)) {
      set({ configDiagnostics: diagnostics });
      return false;
    }
    set({ entries: value, config: { name, text }, configDiagnostics: diagnostics });
    return true;
  },
});
