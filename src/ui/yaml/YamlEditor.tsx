// CodeMirror 6 with YAML highlighting and inline diagnostics. Loaded lazily so
// the editor's entry chunk stays small. The document shown follows `value`
// unless the user is typing (focus), so their text is never overwritten.
import { yaml } from '@codemirror/lang-yaml';
import {
  forceLinting,
  linter,
  lintGutter,
  type Diagnostic as CmDiagnostic,
} from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useRef } from 'react';
import type { Diagnostic } from '../../core/diagnostics';
import { yamlHighlighting } from './yamlHighlight';
import { afterPaint } from '../afterPaint';

/** Inserting more text than this (about 500 lines) waits for idle time, at most LARGE_CHANGE_WAIT_MS. */
const LARGE_CHANGE = 20_000;
export const LARGE_CHANGE_WAIT_MS = 1_000;

interface Props {
  value: string;
  diagnostics: Diagnostic[];
  onChange: (text: string) => void;
  onBlur: () => void;
  dark: boolean;
}

function toCodeMirror(view: EditorView, diagnostics: Diagnostic[]): CmDiagnostic[] {
  const doc = view.state.doc;
  // An error at the end of the text ("unexpected end of the stream") is
  // reported on the line after the last one: mark the whole last line instead
  // of dropping it.
  return diagnostics
    .filter((d) => d.line !== undefined)
    .map((d) => {
      const past = d.line! > doc.lines;
      const line = doc.line(Math.max(1, Math.min(d.line!, doc.lines)));
      const column = past ? 1 : (d.column ?? 1);
      const from = Math.min(line.to, line.from + Math.max(0, column - 1));
      return { from, to: line.to, severity: d.severity, message: d.message };
    });
}

export default function YamlEditor({ value, diagnostics, onChange, onBlur, dark }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ onChange, onBlur, diagnostics });
  /**
   * The text the editor holds when it is the last `value` given (undefined
   * once the user typed): the next change is computed against it rather than
   * against `doc.toString()`, which joins megabytes at 10,000 tasks.
   */
  const shown = useRef<string | undefined>(value);
  useEffect(() => {
    latest.current = { onChange, onBlur, diagnostics };
    if (view.current) forceLinting(view.current);
  }, [onChange, onBlur, diagnostics]);

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          // Ahead of basicSetup: the first highlight style given wins.
          yamlHighlighting(dark),
          basicSetup,
          yaml(),
          // Long lines (an image, a script) wrap instead of scrolling sideways.
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': 'Argo YAML' }),
          lintGutter(),
          linter((v) => toCodeMirror(v, latest.current.diagnostics), { delay: 100 }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged && u.view.hasFocus) {
              shown.current = undefined;
              latest.current.onChange(u.state.doc.toString());
            }
          }),
          EditorView.domEventHandlers({ blur: () => latest.current.onBlur() }),
          EditorView.theme({}, { dark }),
        ],
      }),
    });
    view.current = editor;
    shown.current = value;
    return () => editor.destroy();
    // The view is created once; value and diagnostics flow in through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dark]);

  // After the frame that shows the edit on the canvas: CodeMirror's update
  // and re-parse of a large manifest would otherwise delay that frame. A
  // newer value cancels a pending one; the change is then computed against
  // what the editor holds, so it carries both. A whole new document (a file
  // opened) waits further, for idle time: taking in 1,000 tasks' text costs
  // CodeMirror 50 ms and more, and the canvas is still revealing the graph
  // frame by frame then (first full paint 1.9 -> 1.5x bare React Flow).
  useEffect(() => {
    if (!view.current || view.current.hasFocus) return;
    let cancelIdle: (() => void) | undefined;
    const cancel = afterPaint(() => {
      const v = view.current;
      if (!v || v.hasFocus) return;
      const base = v.state.doc;
      const change = minimalChange(shown.current ?? base.toString(), value);
      const show = () => {
        // Typed into meanwhile: the change no longer fits; the next value brings it.
        if (v.state.doc !== base) return;
        if (change) v.dispatch({ changes: change });
        shown.current = value;
        // For the canvas benchmark: the editor now shows a text of this length.
        host.current?.setAttribute('data-shown-length', String(value.length));
      };
      if (
        change &&
        change.insert.length > LARGE_CHANGE &&
        typeof requestIdleCallback === 'function'
      ) {
        const idle = requestIdleCallback(show, { timeout: LARGE_CHANGE_WAIT_MS });
        cancelIdle = () => cancelIdleCallback(idle);
      } else show();
    });
    return () => {
      cancel();
      cancelIdle?.();
    };
  }, [value]);

  return <div className="yaml-editor" ref={host} data-testid="yaml-editor" />;
}

/**
 * The one replacement that turns `before` into `after`, keeping their common
 * start and end. An edit on the canvas changes a few lines of the manifest;
 * replacing only those keeps CodeMirror's re-parse (and undo history) local
 * instead of re-reading hundreds of kilobytes.
 */
export function minimalChange(
  before: string,
  after: string,
): { from: number; to: number; insert: string } | undefined {
  if (before === after) return undefined;
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (
    endBefore > start &&
    endAfter > start &&
    before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore--;
    endAfter--;
  }
  return { from: start, to: endBefore, insert: after.slice(start, endAfter) };
}
