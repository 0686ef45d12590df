// Where the pointer last was over the canvas, in window and canvas
// coordinates: read by Tab (the step picker opens there) and Ctrl+V (paste
// lands there). A module value rather than store state: it changes on every
// mouse move, and nothing needs to re-render when it does.
import type { Point } from '../../core/model/types';

export const canvasPointer: { over: boolean; client?: Point; flow?: Point } = { over: false };
