/**
 * A module loaded the first time it is asked for (issue 11: the entry chunk
 * holds what the empty editor draws). The load is shared while it runs; one
 * that fails (the app was redeployed, the network dropped) is tried again on
 * the next call instead of failing for good.
 */
export function onDemand<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw e;
    }));
}
