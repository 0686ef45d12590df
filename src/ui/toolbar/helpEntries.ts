// What "?" lists: the keyboard shortcuts, and every toolbar action by the name
// its button shows (test/ui/dialog.test.tsx holds the two together). Loaded
// with the help itself, on first use.
/** The keyboard shortcuts (useShortcuts.ts and the canvas's own). */
export const SHORTCUTS: [string, string][] = [
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Shift+Z / Ctrl+Y', 'Redo'],
  ['Delete / Backspace', 'Remove the selection'],
  ['Ctrl+A', 'Select all tasks'],
  ['Ctrl+C / Ctrl+V', 'Copy / paste tasks'],
  ['Ctrl+D', 'Duplicate the selection'],
  ['Ctrl+S', 'Download the YAML'],
  ['Shift+click, Shift+drag', 'Add to the selection, box select'],
  ['Enter on a palette entry', 'Add it at the centre'],
  ['Enter on a task or step', 'Open the DAG or steps template it runs'],
  ['Double-click a task or step', 'Open the DAG or steps template it runs'],
  ['Alt+Up', 'Back up one level (the breadcrumb)'],
  ['Shift+F', 'Focus mode: the canvas alone; Escape leaves'],
  ['Arrow keys, Home, End on a panel divider', 'Resize the panels (Tab reaches each divider)'],
  ['Enter on a panel divider', 'Fold its side panel to a rail, or bring it back'],
  ['Tab (pointer over the canvas), double-click the canvas', 'Add a step at the pointer'],
  ['Drag an edge into empty canvas', 'Add a step connected to it'],
  ['Click an edge, then +', 'Insert a step on the edge'],
  ['F2', 'Rename the selected task'],
  ['Right-click', 'Actions for a task, an edge, the canvas or the selection'],
  ['?', 'This help'],
];

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
