import type { SeenBeforeMatch as Match } from '../../../../shared/memory/memory-contract';
import { routeHash } from '../../app/use-route';
import { STATUS_TEXT } from '../article/status-style';

/** What an earlier check offers to reuse: its sources and note (never its verdict). */
export function reusable(match: Match): boolean {
  return match.sources.length > 0 || match.note.trim() !== '';
}

/**
 * One claim checked before, in another article: its verdict, the differences from
 * this draft in words, its note, correction, sources, checker and date, and the button
 * that cites its sources here and copies its note.
 */
export function SeenBeforeMatch(props: { match: Match; keyHint?: string; busy: boolean; onReuse: () => void }) {
  const m = props.match;
  const status = STATUS_TEXT[m.status];
  const headId = `seen-${m.articleId}-${m.claimId}`;
  return (
    <article className={`seen-match seen-${m.level}`} aria-labelledby={headId}>
      <p className="seen-match-head" id={headId}>
        <span className={`status-chip status-${m.status}`}>
          <span aria-hidden="true">{status.icon}</span> {status.label}
        </span>{' '}
        in <a href={routeHash({ view: 'article', id: m.articleId, claim: m.claimId })}>“{m.title}”</a>{' '}
        <span className="muted">
          {m.date} · claim {m.number}
        </span>
      </p>
      <blockquote className="seen-earlier">{m.text}</blockquote>
      {m.differences.length > 0 && (
        <ul className="seen-differences" aria-label="Differences from this draft">
          {m.differences.map((d) => (
            <li key={`${d.kind}-${d.earlier}-${d.draft}`}>
              <span aria-hidden="true">≠ </span>
              {d.text}
            </li>
          ))}
        </ul>
      )}
      <dl className="seen-verdict">
        {m.note && (
          <div>
            <dt>Note</dt>
            <dd className="seen-note">{m.note}</dd>
          </div>
        )}
        {m.correction && (
          <div>
            <dt>Correction</dt>
            <dd>{m.correction}</dd>
          </div>
        )}
        {m.sources.length > 0 && (
          <div>
            <dt>Sources</dt>
            <dd>
              <ul className="seen-sources">
                {m.sources.map((s) => (
                  <li key={`${s.title}-${s.url}`}>
                    <span className="source-kind">{s.kind}</span> {s.title}
                    {s.url && s.url !== s.title && <span className="muted source-url"> · {s.url}</span>}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div>
          <dt>Checked</dt>
          <dd>{[m.checker && `by ${m.checker}`, m.checkedAt && `on ${m.checkedAt}`].filter(Boolean).join(' ') || 'not yet'}</dd>
        </div>
      </dl>
      {reusable(m) && (
        <button type="button" onClick={props.onReuse} disabled={props.busy} aria-keyshortcuts={props.keyHint ? 'Shift+R' : undefined}>
          Cite its sources and copy its note{props.keyHint && <kbd aria-hidden="true">{props.keyHint}</kbd>}
        </button>
      )}
    </article>
  );
}
