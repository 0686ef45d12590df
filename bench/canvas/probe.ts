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

export interface ConnectTiming {
  /** mouseup to the YAML text holding the new dependency. */
  textMs: number;
  /** mouseup to the end of the next frame after that. */
  paintMs: number;
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
window.addEventListener('mousemove', (e) => onMouseMove?.(e), { capture: true });
window.addEventListener('mouseup', (e) => onMouseUp?.(e), { capture: true });

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

let connectTiming: Promise<ConnectTiming> | undefined;

/** Times the next mouseup until the YAML preview contains `expected`. */
function armConnect(expected: string): void {
  const el = document.querySelector('[data-testid=yaml-text]');
  if (!el) throw new Error('no [data-testid=yaml-text]');
  if (el.textContent?.includes(expected)) throw new Error('the YAML already has the expected text');
  connectTiming = new Promise((resolve, reject) => {
    let up: number | undefined;
    onMouseUp = (e) => {
      up = e.timeStamp;
      onMouseUp = undefined;
    };
    const observer = new MutationObserver(() => {
      if (up === undefined || !el.textContent?.includes(expected)) return;
      observer.disconnect();
      const text = performance.now();
      const start = up;
      void afterFrame().then((paint) => resolve({ textMs: text - start, paintMs: paint - start }));
    });
    observer.observe(el, { subtree: true, childList: true, characterData: true });
    setTimeout(() => {
      observer.disconnect();
      reject(new Error('the YAML did not show the new dependency within 30 s'));
    }, 30_000);
  });
}

function connectResult(): Promise<ConnectTiming> {
  if (!connectTiming) throw new Error('armConnect was not called');
  return connectTiming;
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
  armConnect,
  connectResult,
};
export type Probe = typeof probe;

(window as unknown as { __bench: Probe }).__bench = probe;
