/**
 * The automatic layout running in the background (its progress and how to
 * cancel it) and what the last one came to. View state: never in the
 * document or its history.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { EditorState } from './editorStore';

export type LayoutJob =
  | {
      phase: 'running';
      /** Tasks being laid out. */
      tasks: number;
      /** Clock time (ms) the layout started, and how long it may take. */
      startedAt: number;
      budgetMs: number;
      cancel(): void;
    }
  | {
      phase: 'ended';
      /** What happened, in words: kept until dismissed. */
      message: string;
    };

export interface LayoutSlice {
  layoutJob: LayoutJob | undefined;
  setLayoutJob(job: LayoutJob | undefined): void;
}

export const createLayoutSlice: StateCreator<EditorState, [], [], LayoutSlice> = (set) => ({
  layoutJob: undefined,
  setLayoutJob(job) {
    set({ layoutJob: job });
  },
});
