/**
 * Runs `job` in a task of its own after the next frame is painted, so work
 * the user does not see first (the YAML panel following a canvas edit) does
 * not delay the frame that shows their edit. Returns a cancel function.
 * Without animation frames (tests under jsdom), it runs in a macrotask.
 */
export function afterPaint(job: () => void): () => void {
  let cancelled = false;
  const run = () => {
    if (!cancelled) job();
  };
  if (typeof requestAnimationFrame !== 'function' || typeof MessageChannel !== 'function') {
    const timer = setTimeout(run, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }
  const frame = requestAnimationFrame(() => {
    // A message posted from the frame callback runs after that frame's paint.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      run();
    };
    channel.port2.postMessage(null);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
  };
}
