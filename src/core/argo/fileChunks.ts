/**
 * A YAML file as the text of each of its documents, so a multi-document file
 * is written back whole: the documents the editor did not change keep their
 * exact bytes (comments, quoting, order), and only edited ones are emitted
 * anew. Documents are separated by `---` lines at the start of a line (YAML's
 * document markers); a `...` end marker stays with the document it ends.
 */

export interface Chunk {
  /** The text before the document's content: comments and its `---` line ('' for none). */
  lead: string;
  /** The document's own text, through its last line break. */
  body: string;
  /** Only comments and blank lines: an empty document, which loaders skip. */
  empty: boolean;
}

const MARKER = /^---(?=[ \t\r\n]|$)/;
const BLANK_OR_COMMENT = /^[ \t]*(#.*)?\r?$/;
/** Before a document's content: blank lines, comments and `%` directives. */
const PREAMBLE = /^(?:[ \t]*(#.*)?|%.*)\r?$/;

/**
 * The documents of `text`, split at `---` lines. A `---` line may carry the
 * start of its document (`--- {a: 1}` or `--- |`); that text is kept in the
 * body. Returns chunks in order, empty ones included.
 */
export function splitDocuments(text: string): Chunk[] {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const chunks: Chunk[] = [];
  let lead = '';
  let body: string[] = [];
  let started = false;
  const flush = (): void => {
    const content = body.join('');
    const empty = body.every((l) => PREAMBLE.test(l.replace(/\n$/, '')));
    chunks.push({ lead, body: content, empty });
    lead = '';
    body = [];
  };
  for (const line of lines) {
    if (MARKER.test(line)) {
      if (started) flush();
      started = true;
      // Comments and blank lines before the marker belong to its document.
      const marker = /^---[ \t]*/.exec(line)![0];
      const rest = line.slice(marker.length);
      if (BLANK_OR_COMMENT.test(rest.replace(/\n$/, ''))) lead += line;
      else {
        lead += marker;
        body.push(rest);
      }
      continue;
    }
    if (body.length === 0 && PREAMBLE.test(line.replace(/\n$/, ''))) {
      lead += line;
      continue;
    }
    started = true;
    body.push(line);
  }
  if (started || lead !== '') flush();
  return chunks;
}

/** The chunks that hold a document, in order: they line up with a loader's non-empty documents. */
export function documentChunks(chunks: readonly Chunk[]): Chunk[] {
  return chunks.filter((c) => !c.empty);
}

/**
 * The file again, with the documents in `replaced` (by position among the
 * non-empty documents) written as the given text and every other chunk as it
 * was. A replaced document keeps its lead (comments and `---` line).
 */
export function joinDocuments(
  chunks: readonly Chunk[],
  replaced: ReadonlyMap<number, string>,
): string {
  let doc = 0;
  let out = '';
  for (const chunk of chunks) {
    const text = chunk.empty ? undefined : replaced.get(doc++);
    const body = text ?? chunk.body;
    // A document after another must start on a line of its own.
    if (out !== '' && !out.endsWith('\n')) out += '\n';
    out += chunk.lead + body;
  }
  return out;
}
