import { memo } from 'react';
import type { Article, Claim } from '../../../../shared/model';
import { STATUS_TEXT } from './status-style';

interface Paragraph {
  start: number;
  end: number;
  claims: { claim: Claim; index: number }[];
}

/** Splits the text into its lines (paragraphs) and hands each the claims inside it. */
export function paragraphsOf(article: Article): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let claimIndex = 0;
  let start = 0;
  const text = article.text;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const claims: Paragraph['claims'] = [];
    while (claimIndex < article.claims.length && article.claims[claimIndex]!.start < end) {
      claims.push({ claim: article.claims[claimIndex]!, index: claimIndex });
      claimIndex++;
    }
    if (end > start) paragraphs.push({ start, end, claims });
    if (newline < 0) break;
    start = newline + 1;
  }
  return paragraphs;
}

/**
 * The article typeset for reading, each claim marked in its status colour with
 * an icon (colour is never the only signal) and its section shown in the margin.
 * Text that is no claim (boilerplate) is shown struck through and faint.
 */
export const ArticleReader = memo(function ArticleReader(props: {
  article: Article;
  selectedId: string | null;
  onOpen: (claimId: string) => void;
}) {
  const { article } = props;
  return (
    <article className="reader" aria-label="Article text">
      {paragraphsOf(article).map((p) => {
        const section = p.claims[0]?.claim.section;
        const parts: React.ReactNode[] = [];
        let cursor = p.start;
        for (const { claim, index } of p.claims) {
          if (claim.start > cursor) parts.push(article.text.slice(cursor, claim.start));
          const status = STATUS_TEXT[claim.verdict.status];
          parts.push(
            // A span, not a <button>: buttons cannot flow inline across lines of running text.
            <span
              key={claim.id}
              role="button"
              tabIndex={0}
              className={`reader-claim status-${claim.verdict.status}${claim.id === props.selectedId ? ' selected' : ''}`}
              onClick={() => props.onOpen(claim.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  props.onOpen(claim.id);
                }
              }}
              aria-label={`Claim ${index + 1}, ${status.label}: ${claim.text}`}
            >
              <sup className="reader-mark" aria-hidden="true">
                {status.icon}
              </sup>
              {claim.text}
            </span>,
          );
          cursor = claim.end;
        }
        if (cursor < p.end) parts.push(article.text.slice(cursor, p.end));
        const Tag = section === 'headline' ? 'h2' : 'p';
        return (
          <div key={p.start} className={`reader-paragraph${section ? ` section-${section}` : ' boilerplate'}`}>
            <span className="reader-section" aria-hidden={section === 'body' || !section}>
              {section && section !== 'body' ? section : !section ? 'not a claim' : ''}
            </span>
            <Tag className="reader-text">{parts}</Tag>
          </div>
        );
      })}
    </article>
  );
});
