import type { ReactNode } from 'react';
import type { Claim } from '../../../../shared/model';

/** Context shown on each side of the claim: a long paragraph is cut at a word, so the verdict stays in view. */
const CONTEXT_CHARS = 280;

/**
 * What is underlined in the claim: its extracted spans by default; the desk passes the
 * claim's facts instead (features/facts), one of them perhaps in focus.
 */
export interface ContextMark {
  /** Offsets into the article text. */
  start: number;
  end: number;
  kind: string;
  id?: string;
  /** Extra class names (the fact's status, the fact in focus). */
  className?: string;
}

/** The claim's paragraph, the claim itself large, and its checkable spans marked. */
export function ClaimInContext({ text, claim, marks }: { text: string; claim: Claim; marks?: readonly ContextMark[] }) {
  const paragraphStart = text.lastIndexOf('\n', claim.start - 1) + 1;
  const newline = text.indexOf('\n', claim.end);
  const paragraphEnd = newline < 0 ? text.length : newline;
  const before = leading(text.slice(paragraphStart, claim.start));
  const after = trailing(text.slice(claim.end, paragraphEnd));
  return (
    <blockquote className="claim-context">
      {before && <span className="context-text">{before}</span>}
      <span className="claim-focus">{withSpans(claim, marks ?? claim.spans)}</span>
      {after && <span className="context-text">{after}</span>}
    </blockquote>
  );
}

function withSpans(claim: Claim, marks: readonly ContextMark[]): ReactNode[] {
  const parts: ReactNode[] = [];
  let cursor = claim.start;
  for (const span of marks) {
    if (span.start < cursor || span.end > claim.end) continue;
    if (span.start > cursor) parts.push(claim.text.slice(cursor - claim.start, span.start - claim.start));
    parts.push(
      <mark key={span.start} id={span.id} className={`span span-${span.kind}${span.className ? ` ${span.className}` : ''}`} title={span.kind}>
        {claim.text.slice(span.start - claim.start, span.end - claim.start)}
      </mark>,
    );
    cursor = span.end;
  }
  if (cursor < claim.end) parts.push(claim.text.slice(cursor - claim.start));
  return parts;
}

/** The end of `text`, at most CONTEXT_CHARS long, cut at a word. */
function leading(text: string): string {
  if (text.length <= CONTEXT_CHARS) return text;
  const cut = text.slice(-CONTEXT_CHARS);
  return `…${cut.slice(cut.search(/\s/) + 1)}`;
}

/** The start of `text`, at most CONTEXT_CHARS long, cut at a word. */
function trailing(text: string): string {
  if (text.length <= CONTEXT_CHARS) return text;
  const cut = text.slice(0, CONTEXT_CHARS);
  return `${cut.slice(0, cut.search(/\s\S*$/))}…`;
}
