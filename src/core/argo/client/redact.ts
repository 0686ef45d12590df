/**
 * The one place the Argo token is taken out of text shown to anyone. A
 * server or proxy may echo the Authorization header in an error body; the
 * client's errors and every explanation pass through here before they are
 * shown (connection check, submit result, run panel, logs, CLI).
 */

export const HIDDEN = '[token hidden]';

/** Tokens shorter than this are not searched for: they would garble ordinary words. */
const MIN_LENGTH = 4;

/** The forms a token can take in echoed text: as pasted, without "Bearer ", URL- and JSON-escaped. */
function forms(token: string): string[] {
  const bare = token.trim().replace(/^bearer\s+/i, '');
  const out = new Set<string>();
  for (const t of [token.trim(), bare]) {
    if (t.length < MIN_LENGTH) continue;
    out.add(t);
    out.add(encodeURIComponent(t));
    out.add(JSON.stringify(t).slice(1, -1));
  }
  // Longest first, so "Bearer abc" goes before "abc" and leaves no "Bearer" fragment behind.
  return [...out].sort((a, b) => b.length - a.length);
}

/** `text` with every occurrence of `token` (in any of its forms) replaced by {@link HIDDEN}. */
export function redactToken(text: string, token: string | undefined): string {
  if (!token) return text;
  let out = text;
  for (const form of forms(token)) out = out.split(form).join(HIDDEN);
  return out;
}
