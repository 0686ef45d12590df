import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from '../../src/ui/afterPaint';

describe('afterPaint', () => {
  const frames: FrameRequestCallback[] = [];
  afterEach(() => {
    vi.unstubAllGlobals();
    frames.length = 0;
  });
  const stubFrames = () => {
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.splice(id - 1, 1, () => {}));
  };
  const tick = () => new Promise((r) => setTimeout(r, 0));

  it('runs the job only after the next frame, in a task of its own', async () => {
    stubFrames();
    const job = vi.fn();
    afterPaint(job);
    await tick();
    expect(job).not.toHaveBeenCalled(); // no frame yet
    frames.shift()!(0);
    expect(job).not.toHaveBeenCalled(); // not inside the frame callback
    await vi.waitFor(() => expect(job).toHaveBeenCalledOnce());
  });

  it('does not run a cancelled job, before or after its frame', async () => {
    stubFrames();
    const early = vi.fn();
    afterPaint(early)();
    const late = vi.fn();
    const cancel = afterPaint(late);
    frames.splice(0).forEach((f) => f(0));
    cancel();
    await tick();
    await tick();
    expect(early).not.toHaveBeenCalled();
    expect(late).not.toHaveBeenCalled();
  });

  it('falls back to a macrotask without animation frames', async () => {
    vi.stubGlobal('requestAnimationFrame', undefined);
    const job = vi.fn();
    afterPaint(job);
    expect(job).not.toHaveBeenCalled();
    await tick();
    expect(job).toHaveBeenCalledOnce();
  });
});
