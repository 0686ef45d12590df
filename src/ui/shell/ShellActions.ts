// Window-level actions that panels deep in the tree offer (the empty canvas
// offers the examples gallery), without threading props through the canvas.
import { createContext, useContext } from 'react';

export interface ShellActions {
  openExamples(): void;
}

export const ShellActionsContext = createContext<ShellActions | undefined>(undefined);

export const useShellActions = (): ShellActions | undefined => useContext(ShellActionsContext);
