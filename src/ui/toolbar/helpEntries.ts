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
  ['Focus', 'Give the canvas the whole window; Shift+F or Escape leaves'],
  ['Minimap', 'Show or hide the minimap'],
  ['Server…', 'Argo Server address, namespace and token; Test connection'],
  ['Open run…', 'Watch a workflow already submitted, by name'],
  ['Simulate', 'Run the workflow here without a cluster'],
  ['Submit', 'Submit the workflow to the Argo Server'],
  ['Toggle theme', 'Switch between the light and dark theme'],
  ['Keyboard shortcuts', 'This help (?)'],
];
