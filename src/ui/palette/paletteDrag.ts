// The drag-and-drop type that carries a palette entry id to the canvas.
export const PALETTE_MIME = 'application/x-argoflow-entry';
