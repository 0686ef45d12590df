/**
 * In-page probes for the canvas benchmark, installed with
 * `page.addInitScript` (run.ts transpiles this file to plain JavaScript) and
 * called as `window.__bench.*`. Times are `performance.now()` milliseconds;
 * an input event's `timeStamp` is on the same clock (Chromium stamps it when
 * the browser process creates the event, before it is queued for the page).
 *
 * How a move's latency is measured, without CDP tracing:
 *  1. A capture listener on `window`, added when the document starts (before
 *     any page script), sees each `mousemove` first: d3-drag, which React
 *     Flow drags with, also listens on `window` in the capture phase and stops
 *     the event's propagation. It notes the event's `timeStamp` and the
 *     node's transform at that moment.
 *  2. A MutationObserver on the dragged node's element notes when React
 *     commits a new `transform` (its callback is a microtask right after the
 *     commit). Every move handled before that commit is shown by it: React
 *     renders the latest store state, and React Flow's store is updated
 *     synchronously in the mousemove handler.
 *  3. The next `requestAnimationFrame` callback is the frame that will paint
 *     it; there the probe checks that the element's transform really differs
 *     from the one before the move, then posts a MessageChannel message. The
 *     message runs after that frame's style, layout and paint on the main
 *     thread (raster and compositing follow on other threads, so the figure
 *     is a slight underestimate of photons, the same for both pages).
 *  latency = message time - event.timeStamp.
 * Frame durations are the deltas between consecutive rAF callbacks while the
 * probe runs.
 */

interface Move {
  /** `event.timeStamp`: when the browser created the event. */
  stamp: number;
  /** When the page's JavaScript saw it. */
  handled: number;
  /** The node's transform when the move was handled. */
  before: string;
  committed?: number;
  painted?: number;
  /** The painted frame showed a transform different from `before`. */
  verified?: boolean;
}

export interface DragResult {
  /** mousemove events the page received while measuring. */
  moves: number;
  /** ms from event to the painted frame, for each painted move. */
  latencies: number[];
  /** ms from event creation to the page handling it. */
  queueing: number[];
  /** ms between consecutive animation frames while measuring. */
  frames: number[];
  unpainted: number;
  unverified: number;
}

export interface FullPaint {
  ms: number;
  zoom: number;
}

/** What shows that an edit reached the canvas. */
export type CanvasCheck =
  | { kind: 'nodes'; count: number }
  | { kind: 'edges'; count: number }
  | { kind: 'gone'; id: string }
  | { kind: 'present'; id: string };

export interface EditTiming {
  /** Input event → end of the frame that paints the canvas's change. */
  canvasPaintMs: number;
  /** Input event → YAML preview text changed (editor only). */
  yamlTextMs?: number;
  /** Input event → end of the frame after the YAML panel's editor shows the new text (editor only). */
  yamlPaintMs?: number;
}

const afterFrame = (): Promise<number> =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    }),
  );

function zoomOf(root: Element): number {
  const viewport = root.querySelector<HTMLElement>('.react-flow__viewport');
  const m = /scale\(([\d.e-]+)\)/.exec(viewport?.style.transform ?? '');
  return m ? Number(m[1]) : NaN;
}

// Installed now, at document start, so they run before d3-drag's listeners,
// which call stopImmediatePropagation().
let onMouseMove: ((e: MouseEvent) => void) | undefined;
let onMouseUp: ((e: MouseEvent) => void) | undefined;
let onKeyDown: ((e: KeyboardEvent) => void) | undefined;
window.addEventListener('mousemove', (e) => onMouseMove?.(e), { capture: true });
window.addEventListener('mouseup', (e) => onMouseUp?.(e), { capture: true });
window.addEventListener('keydown', (e) => onKeyDown?.(e), { capture: true });

let fullPaint: Promise<FullPaint> | undefined;

/**
 * Starts timing the first full paint: every node and edge element present,
 * none hidden (React Flow hides a node until it is measured), the viewport
 * fitted, and no DOM change under `selector` for one whole frame. The time
 * is taken at the rAF callback after that quiet frame, i.e. after the frame
 * that painted the final state.
 */
function armFullPaint(selector: string, nodes: number, edges: number): void {
  const t0 = performance.now();
  const root = document.querySelector(selector);
  if (!root) throw new Error(`no element ${selector}`);
  const initial = root.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform;
  let mutated = true;
  const observer = new MutationObserver(() => (mutated = true));
  observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  const ready = (): boolean => {
    const viewport = root.querySelector<HTMLElement>('.react-flow__viewport');
    return (
      root.querySelectorAll('.react-flow__node').length === nodes &&
      root.querySelectorAll('.react-flow__edge').length === edges &&
      root.querySelector('.react-flow__node[style*="visibility: hidden"]') === null &&
      viewport !== null &&
      viewport.style.transform !== initial
    );
  };
  fullPaint = new Promise((resolve, reject) => {
    const tick = (): void => {
      const now = performance.now();
      const quiet = !mutated;
      mutated = false;
      if (quiet && ready()) {
        observer.disconnect();
        resolve({ ms: now - t0, zoom: zoomOf(root) });
      } else if (now - t0 > 120_000) {
        observer.disconnect();
        reject(new Error(`no full paint within 120 s (${selector})`));
      } else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

let stopDragProbe: (() => Promise<DragResult>) | undefined;

/** Starts recording moves of the node `id` (see the header for the method). */
function startDrag(id: string): void {
  const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
  if (!el) throw new Error(`no node ${id}`);
  const moves: Move[] = [];
  const frameTimes: number[] = [];
  let committed: Move[] = [];
  const painting: Move[][] = [];
  let running = true;

  onMouseMove = (e) => {
    moves.push({ stamp: e.timeStamp, handled: performance.now(), before: el.style.transform });
  };

  let last = el.style.transform;
  const observer = new MutationObserver(() => {
    if (el.style.transform === last) return;
    last = el.style.transform;
    const now = performance.now();
    for (const m of moves) {
      if (m.committed === undefined && m.handled <= now) {
        m.committed = now;
        committed.push(m);
      }
    }
  });
  observer.observe(el, { attributes: true, attributeFilter: ['style'] });

  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const now = performance.now();
    for (const m of painting.shift() ?? []) m.painted = now;
  };
  const tick = (): void => {
    frameTimes.push(performance.now());
    if (committed.length > 0) {
      const batch = committed;
      committed = [];
      const shown = el.style.transform;
      for (const m of batch) m.verified = shown !== m.before;
      painting.push(batch);
      channel.port2.postMessage(0);
    }
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);

  stopDragProbe = async () => {
    onMouseMove = undefined;
    // Let the last moves reach the screen (at most two seconds).
    const until = performance.now() + 2000;
    while (moves.some((m) => m.painted === undefined) && performance.now() < until)
      await afterFrame();
    running = false;
    observer.disconnect();
    const painted = moves.filter((m) => m.painted !== undefined);
    return {
      moves: moves.length,
      latencies: painted.map((m) => m.painted! - m.stamp),
      queueing: moves.map((m) => m.handled - m.stamp),
      frames: frameTimes.slice(1).map((t, i) => t - frameTimes[i]!),
      unpainted: moves.length - painted.length,
      unverified: painted.filter((m) => !m.verified).length,
    };
  };
}

function stopDrag(): Promise<DragResult> {
  if (!stopDragProbe) throw new Error('startDrag was not called');
  return stopDragProbe();
}

let yamlCount: (() => number) | undefined;

/** Counts DOM mutations of the YAML preview text from now on. */
function watchYaml(): void {
  const el = document.querySelector('[data-testid=yaml-text]');
  if (!el) throw new Error('no [data-testid=yaml-text]');
  let count = 0;
  const observer = new MutationObserver((records) => (count += records.length));
  observer.observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
  yamlCount = () => {
    observer.disconnect();
    return count;
  };
}

function yamlMutations(): number {
  if (!yamlCount) throw new Error('watchYaml was not called');
  return yamlCount();
}

let editTiming: Promise<EditTiming> | undefined;

function canvasShows(root: Element, check: CanvasCheck): boolean {
  const node = (id: string) =>
    root.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
  const noneHidden = () =>
    root.querySelector('.react-flow__node[style*="visibility: hidden"]') === null;
  switch (check.kind) {
    case 'nodes':
      return root.querySelectorAll('.react-flow__node').length === check.count && noneHidden();
    case 'edges':
      return root.querySelectorAll('.react-flow__edge').length === check.count;
    case 'gone':
      return node(check.id) === null;
    case 'present': {
      const el = node(check.id);
      return el !== null && el.style.visibility !== 'hidden';
    }
  }
}

/**
 * Times the next input that starts an edit (a keydown of `key`, or a mouseup
 * when `key` is 'mouseup'): from the event's timeStamp to the end of the frame
 * that paints the canvas's change (`check` holds under `selector`), and, with
 * `yaml`, to the YAML preview's text changing and the frame after it.
 */
function armEdit(selector: string, key: string, check: CanvasCheck, yaml: boolean): void {
  const root = document.querySelector(selector);
  if (!root) throw new Error(`no element ${selector}`);
  if (canvasShows(root, check))
    throw new Error(`the canvas already shows ${JSON.stringify(check)}`);
  const pre = yaml ? document.querySelector('[data-testid=yaml-text]') : null;
  if (yaml && !pre) throw new Error('no [data-testid=yaml-text]');
  const before = pre?.textContent ?? '';
  editTiming = new Promise((resolve, reject) => {
    let start: number | undefined;
    const onInput = (e: Event) => {
      if (start !== undefined) return;
      if (key !== 'mouseup' && (e as KeyboardEvent).key !== key) return;
      start = e.timeStamp;
      onMouseUp = undefined;
      onKeyDown = undefined;
    };
    if (key === 'mouseup') onMouseUp = onInput;
    else onKeyDown = onInput;
    const result: Partial<EditTiming> = {};
    const observers: MutationObserver[] = [];
    const timer = setTimeout(() => {
      observers.forEach((o) => o.disconnect());
      reject(new Error(`the edit (${key}) did not show within 120 s: ${JSON.stringify(result)}`));
    }, 120_000);
    const settle = () => {
      if (result.canvasPaintMs === undefined || (yaml && result.yamlPaintMs === undefined)) return;
      clearTimeout(timer);
      resolve(result as EditTiming);
    };
    const canvas = new MutationObserver(() => {
      if (start === undefined || !canvasShows(root, check)) return;
      canvas.disconnect();
      const from = start;
      void afterFrame().then((t) => {
        result.canvasPaintMs = t - from;
        settle();
      });
    });
    canvas.observe(root, { subtree: true, childList: true, attributes: true });
    observers.push(canvas);
    if (pre) {
      // The editor's YAML panel follows the preview text after the canvas's
      // frame (src/ui/yaml/YamlEditor.tsx): it marks the length it shows.
      const editor = document.querySelector('[data-testid=yaml-editor]');
      if (!editor) throw new Error('no [data-testid=yaml-editor]');
      let after: string | undefined;
      const showsIt = () =>
        after !== undefined && editor.getAttribute('data-shown-length') === String(after.length);
      const shownPainted = () => {
        shown.disconnect();
        const from = start!;
        void afterFrame().then((t) => {
          result.yamlPaintMs = t - from;
          settle();
        });
      };
      const shown = new MutationObserver(() => {
        if (showsIt()) shownPainted();
      });
      const text = new MutationObserver(() => {
        if (start === undefined || pre.textContent === before) return;
        text.disconnect();
        after = pre.textContent ?? '';
        result.yamlTextMs = performance.now() - start;
        // An editor that updates in the same commit has marked it already.
        if (showsIt()) shownPainted();
        else shown.observe(editor, { attributes: true, attributeFilter: ['data-shown-length'] });
      });
      text.observe(pre, { subtree: true, childList: true, characterData: true });
      observers.push(text, shown);
    }
  });
}

function editResult(): Promise<EditTiming> {
  if (!editTiming) throw new Error('armEdit was not called');
  return editTiming;
}

/** The next animation frame has run (one input per frame, as a mouse delivers them). */
const nextFrame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

/** Resolves once no frame has taken over 50 ms for `ms` (rejects after 120 s). */
function waitQuiet(ms: number): Promise<void> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    let last = t0;
    let quietSince = t0;
    const tick = (now: number) => {
      if (now - last > 50) quietSince = now;
      last = now;
      if (now - quietSince >= ms) resolve();
      else if (now - t0 > 120_000) reject(new Error(`the page did not settle within 120 s`));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

const fullPaintResult = (): Promise<FullPaint> => {
  if (!fullPaint) throw new Error('armFullPaint was not called');
  return fullPaint;
};

const probe = {
  armFullPaint,
  fullPaintResult,
  startDrag,
  stopDrag,
  watchYaml,
  yamlMutations,
  armEdit,
  editResult,
  nextFrame,
  waitQuiet,
};
export type Probe = typeof probe;

(window as unknown as { __bench: Probe }).__bench = probe;
