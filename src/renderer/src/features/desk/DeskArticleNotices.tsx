import type { DeskArticle } from '../../../../shared/desk-contract';
import { clock } from './use-desk';

/**
 * What the desk could not do silently on the article as a whole (not one claim): two
 * changes of its title made without seeing each other, a source edited on both sides,
 * a revision that could not apply, a change of one's own the server refused. Folded
 * under one line above the claim, so it is seen without taking the claim's place.
 */
export function DeskArticleNotices({ desk }: { desk: DeskArticle | null }) {
  const notices = desk?.joined ? desk.notices.filter((n) => !n.claimId) : [];
  if (notices.length === 0) return null;
  return (
    <details className="desk-article-notices">
      <summary>
        {notices.length === 1 ? '1 desk notice' : `${notices.length} desk notices`} on this article
      </summary>
      <ul>
        {notices.map((n) => (
          <li key={`${n.at}${n.text}`}>
            {n.text} <span className="muted">({n.by}, {new Date(n.at).toLocaleDateString([], { day: 'numeric', month: 'short' })} {clock(n.at)})</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
