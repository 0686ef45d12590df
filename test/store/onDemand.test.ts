import { describe, expect, it, vi } from 'vitest';
import { onDemand } from '../../src/store/onDemand';

describe('onDemand', () => {
  it('loads once and shares the load among callers', async () => {
    const load = vi.fn(async () => ({ answer: 42 }));
    const get = onDemand(load);
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toBe(b);
    expect(await get()).toBe(a);
    expect(load).toHaveBeenCalledOnce();
  });

  it('tries again after a failed load instead of failing for good', async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'))
      .mockResolvedValueOnce('module');
    const get = onDemand(load);
    await expect(get()).rejects.toThrow('Failed to fetch');
    expect(await get()).toBe('module');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
