import { memo, useEffect, useRef } from 'react';
import { segmentsInOrder } from '../../../../shared/article-segments';
import { setAsideWords } from '../../../../shared/claim-edits';
import type { Article, Claim, SetAsideSegment } from '../../../../shared/model';
import { countsAsSetAside } from '../../../../shared/report/report-model';
import { SET_ASIDE_TAGS } from '../claims/list-items';
import { STATUS_TEXT } from './status-style';

type Piece = { claim: Claim; index: number } | { segment: SetAsideSegment };

interface Paragraph {
  start: number;
  end: number;
  pieces: Piece[];
}

/** Splits the text into its lines (paragraphs) and hands each the claims and set-aside segments inside it. */
export function paragraphsOf(article: Pick<Article, 'text' | 'claims' | 'setAside'>): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const claimIndex = new Map(article.claims.map((c, i) => [c.id, i]));
  const segments = segmentsInOrder(article);
  let next = 0;
  let start = 0;
  const text = article.text;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const pieces: Piece[] = [];
    while (next < segments.length && segments[next]!.start < end) {
      const segment = segments[next]!;
      pieces.push('setAside' in segment ? { segment } : { claim: segment, index: claimIndex.get(segment.id)! });
      next++;
    }
    if (end > start) paragraphs.push({ start, end, pieces });
    if (newline < 0) break;
    start = newline + 1;
  }
  return paragraphs;
}

/** Enter or Space on an inline “button” opens it, as a real button would. */
function activate(open: () => void) {
  return (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open();
    }
  };
}

/**
 * The article typeset for reading, each claim marked in its status colour with
 * an icon (colour is never the only signal) and its section shown in the margin.
 * Set-aside text stays in place, dimmed and italic with its kind in a small tag,
 * and can be chosen like a claim; bullets are plain text.
 */
export const ArticleReader = memo(function ArticleReader(props: {
  article: Article;
  selectedId: string | null;
  onOpen: (id: string) => void;
}) {
  const { article } = props;
  const root = useRef<HTMLElement>(null);
  // The reader opens on the passage selected, and follows the selection.
  useEffect(() => {
    root.current?.querySelector('.selected')?.scrollIntoView?.({ block: 'center' });
  }, [props.selectedId]);
  return (
    <article className="reader" aria-label="Article text" ref={root}>
      {paragraphsOf(article).map((p) => {
        const firstClaim = p.pieces.find((piece): piece is Extract<Piece, { claim: Claim }> => 'claim' in piece);
        const section = firstClaim?.claim.section;
        const setAsideOnly = !firstClaim && p.pieces.some((piece) => 'segment' in piece && countsAsSetAside(piece.segment.setAside));
        const parts: React.ReactNode[] = [];
        let cursor = p.start;
        for (const piece of p.pieces) {
          const item = 'claim' in piece ? piece.claim : piece.segment;
          if (item.start > cursor) parts.push(article.text.slice(cursor, item.start));
          cursor = item.end;
          const selected = item.id === props.selectedId ? ' selected' : '';
          if ('segment' in piece) {
            const { segment } = piece;
            if (!countsAsSetAside(segment.setAside)) {
              parts.push(
                <span key={segment.id} className="reader-set-aside reader-bullet">
                  {segment.text}
                </span>,
              );
              continue;
            }
            parts.push(
              <span
                key={segment.id}
                role="button"
                tabIndex={0}
                className={`reader-set-aside${selected}`}
                onClick={() => props.onOpen(segment.id)}
                onKeyDown={activate(() => props.onOpen(segment.id))}
                aria-label={`Set aside as ${setAsideWords(segment.setAside)}: ${segment.text}`}
              >
                {segment.text}
                <span className="reader-set-aside-tag" aria-hidden="true">
                  {SET_ASIDE_TAGS[segment.setAside]}
                </span>
              </span>,
            );
            continue;
          }
          const { claim, index } = piece;
          const status = STATUS_TEXT[claim.verdict.status];
          parts.push(
            // A span, not a <button>: buttons cannot flow inline across lines of running text.
            <span
              key={claim.id}
              role="button"
              tabIndex={0}
              className={`reader-claim status-${claim.verdict.status}${selected}`}
              onClick={() => props.onOpen(claim.id)}
              onKeyDown={activate(() => props.onOpen(claim.id))}
              aria-label={`Claim ${index + 1}, ${status.label}: ${claim.text}`}
            >
              <sup className="reader-mark" aria-hidden="true">
                {status.icon}
              </sup>
              {claim.text}
            </span>,
          );
        }
        if (cursor < p.end) parts.push(article.text.slice(cursor, p.end));
        const Tag = section === 'headline' ? 'h2' : 'p';
        const margin = section && section !== 'body' ? section : setAsideOnly ? 'set aside' : '';
        return (
          <div key={p.start} className={`reader-paragraph${section ? ` section-${section}` : ' set-aside-paragraph'}`}>
            <span className="reader-section" aria-hidden={!section || section === 'body'}>
              {margin}
            </span>
            <Tag className="reader-text">{parts}</Tag>
          </div>
        );
      })}
    </article>
  );
});
