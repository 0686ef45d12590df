/**
 * The Argo Server client (core/argo/client: REST calls, streams, run history,
 * errors in words), loaded on first use: an editor that never connects to a
 * server never downloads it (issue 11, the entry chunk's budget). A failed
 * load (the app was redeployed, the network dropped) is tried again next time.
 */
import type * as Client from '../core/argo/client';
import type { ExplainContext } from '../core/argo/client';
import { onDemand } from './onDemand';

export type ArgoModule = typeof Client;

export const loadArgoClient: () => Promise<ArgoModule> = onDemand(
  () => import('../core/argo/client'),
);

/** What went wrong, in words (explainError), even when the client itself could not load. */
export async function explainArgoError(e: unknown, ctx: ExplainContext): Promise<string> {
  try {
    return (await loadArgoClient()).explainError(e, ctx);
  } catch (loadError) {
    return `The Argo Server client could not be loaded: ${(loadError as Error)?.message ?? String(loadError)}. Reload the page and try again.`;
  }
}
