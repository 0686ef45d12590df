/**
 * Reading the Argo Server's streams: one JSON object a line,
 * `{"result": ...}` or `{"error": {...}}` (grpc-gateway stream results).
 * Read with fetch because a browser EventSource cannot send the
 * Authorization header.
 */
import { ArgoApiError } from './errors';

export interface LineChecks {
  /** The error for a line that is not JSON, or not a `{result}` or `{error}` object. */
  badLine(line: string, why: string): Error;
  /** The error for a result of the wrong shape, or undefined when it fits. */
  check(result: unknown): Error | undefined;
}

/**
 * Calls `onResult` for each `result` in a newline-delimited JSON body until
 * it ends. A read that fails (the connection dropped) rejects with the
 * reader's error; the caller says it in words. Once `signal` aborts, no
 * further result is delivered, not even one already received in the same
 * chunk: it rejects with the abort reason.
 */
export async function readJsonLines<T>(
  body: ReadableStream<Uint8Array>,
  onResult: (result: T) => void,
  checks: LineChecks,
  signal?: AbortSignal,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const handle = (line: string): void => {
    if (line.trim() === '') return;
    let parsed: {
      result?: T;
      error?: { message?: string; grpc_code?: number; http_code?: number };
    };
    try {
      parsed = JSON.parse(line.startsWith('data:') ? line.slice(5) : line) as typeof parsed;
    } catch {
      throw checks.badLine(line, 'a line that is not JSON');
    }
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      Array.isArray(parsed) ||
      (parsed.result === undefined && parsed.error === undefined)
    )
      throw checks.badLine(line, 'a line that is neither {"result": ...} nor {"error": ...}');
    if (parsed.error)
      throw new ArgoApiError(
        'server',
        parsed.error.message ?? 'stream error',
        parsed.error.http_code,
        parsed.error.grpc_code,
      );
    if (parsed.result !== undefined) {
      const wrong = checks.check(parsed.result);
      if (wrong) throw wrong;
      onResult(parsed.result);
    }
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let at: number;
    while ((at = buffer.indexOf('\n')) >= 0) {
      signal?.throwIfAborted();
      handle(buffer.slice(0, at));
      buffer = buffer.slice(at + 1);
    }
  }
  signal?.throwIfAborted();
  handle(buffer + decoder.decode());
}
