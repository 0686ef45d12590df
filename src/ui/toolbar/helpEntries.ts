// What "?" lists besides the keyboard shortcuts: every toolbar action, by the
// name its button shows (test/ui/shortcutHelp.test.tsx holds the two together).
export const TOOLBAR_ACTIONS: [string, string][] = [
  ['New', 'Start an empty workflow (the current one stays in autosave until replaced)'],
  ['Open…', 'Open an Argo YAML or JSON file'],
  ['Examples…', 'Open a copy of an example workflow as a new document'],
  ['Download', 'Save the YAML to a file (Ctrl+S)'],
  ['Undo', 'Undo the last edit (Ctrl+Z)'],
  ['Redo', 'Redo (Ctrl+Shift+Z)'],
  ['Auto-layout', 'Lay the graph out left to right'],
  ['Fit', 'Fit the whole graph in view'],
  ['Server…', 'Argo Server address, namespace and token; Test connection'],
  ['Open run…', 'Watch a workflow already submitted, by name'],
  ['Simulate', 'Run the workflow here without a cluster'],
  ['Submit', 'Submit the workflow to the Argo Server'],
  ['Toggle theme', 'Switch between the light and dark theme'],
  ['Keyboard shortcuts', 'This help (?)'],
];

/** The buttons in the canvas's corner (React Flow's Controls and ours), by accessible name. */
export const CANVAS_CONTROLS: [string, string][] = [
  ['Zoom In', 'Zoom in'],
  ['Zoom Out', 'Zoom out'],
  ['Fit View', 'Fit the graph in view, clear of the minimap'],
  ['Toggle Interactivity', 'Lock or unlock moving and connecting nodes'],
  ['Focus mode', 'Give the canvas the whole window (Shift+F; Escape leaves)'],
  ['Minimap', 'Show or hide the minimap (remembered)'],
  [
    'Hide the palette / inspector / YAML and problems',
    'Fold a side panel to a rail; its rail brings it back',
  ],
];
