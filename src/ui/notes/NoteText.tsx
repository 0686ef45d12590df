// A note's text with simple Markdown: headings (#), bullets (- or *),
// **bold**, *italic*, `code` and links shown as text. Built as React
// elements, never as HTML, so nothing in a note can run script: a pasted
// <img onerror> is shown as the characters it is. (A full Markdown parser
// plus a sanitizer would cost about 20 kB gzipped in the first chunk.)
import type { ReactNode } from 'react';

const INLINE = /(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\))/g;

function inline(text: string): ReactNode[] {
  return text.split(INLINE).map((part, i) => {
    if (i % 2 === 0) return part;
    if (part.startsWith('**')) return <strong key={i}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('`')) return <code key={i}>{part.slice(1, -1)}</code>;
    if (part.startsWith('[')) return <u key={i}>{part.slice(1, part.indexOf(']'))}</u>;
    return <em key={i}>{part.slice(1, -1)}</em>;
  });
}

export function NoteText({ text }: { text: string }) {
  const blocks: ReactNode[] = [];
  let bullets: ReactNode[] = [];
  const flush = () => {
    if (bullets.length > 0) blocks.push(<ul key={`ul${blocks.length}`}>{bullets}</ul>);
    bullets = [];
  };
  text.split('\n').forEach((line, i) => {
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    if (bullet) return void bullets.push(<li key={i}>{inline(bullet[1]!)}</li>);
    flush();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (heading)
      blocks.push(
        <strong key={i} className="note-heading">
          {inline(heading[2]!)}
        </strong>,
      );
    else if (line.trim()) blocks.push(<p key={i}>{inline(line)}</p>);
  });
  flush();
  return <>{blocks}</>;
}
