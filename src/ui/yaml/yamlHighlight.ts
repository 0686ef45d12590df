// YAML colours with WCAG AA contrast (4.5:1 or more) on the panel's background
// in each theme. CodeMirror's default highlight style is made for light
// backgrounds: in the dark theme its keys were about 1.4:1.
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

// Light on #ffffff, dark on #1e2228 (styles.css --panel); each pair ≥ 4.5:1.
const COLOURS = {
  light: {
    key: '#1c4f9c',
    string: '#0b6b2c',
    meta: '#6f2da8',
    comment: '#5c6370',
    label: '#8a3b00',
  },
  dark: {
    key: '#8cc4ff',
    string: '#9fdc9f',
    meta: '#d7aefc',
    comment: '#a4adb8',
    label: '#ffbe7a',
  },
} as const;

function style(c: (typeof COLOURS)['light' | 'dark']) {
  return HighlightStyle.define([
    { tag: t.definition(t.propertyName), color: c.key },
    { tag: [t.string, t.special(t.string)], color: c.string },
    { tag: [t.meta, t.keyword, t.typeName], color: c.meta },
    { tag: t.lineComment, color: c.comment, fontStyle: 'italic' },
    { tag: t.labelName, color: c.label },
  ]);
}

/** The highlighting for a theme, ahead of basicSetup's default style. */
export function yamlHighlighting(dark: boolean) {
  return syntaxHighlighting(style(dark ? COLOURS.dark : COLOURS.light));
}
