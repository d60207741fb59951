import { useCallback, useEffect, useRef, useState } from 'react';
import type { VerdictPatch } from '../../../../shared/contract';
import type { Article, Claim, SourceKind } from '../../../../shared/model';
import { countByStatus } from '../../../../shared/verdicts';
import { api, errorMessage } from '../../api/client';
import { ClaimList } from './ClaimList';
import { ClaimPanel, type ClaimPanelHandle } from './ClaimPanel';
import { ProgressBar } from './ProgressBar';
import { STATUS_TEXT } from './status-style';
import { useShortcuts } from './use-shortcuts';

export function ArticleView({ id, onBack }: { id: string; onBack: () => void }) {
  const [article, setArticle] = useState<Article | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const panel = useRef<ClaimPanelHandle>(null);

  useEffect(() => {
    api['articles:get']({ id }).then(
      (result) => setArticle(result.article),
      (e) => setError(errorMessage(e)),
    );
  }, [id]);

  const claims = article?.claims ?? [];
  const move = useCallback((delta: number) => setSelected((i) => Math.min(Math.max(i + delta, 0), claims.length - 1)), [claims.length]);

  useShortcuts({
    j: () => move(1),
    ArrowDown: () => move(1),
    k: () => move(-1),
    ArrowUp: () => move(-1),
    v: () => panel.current?.choose('verified'),
    d: () => panel.current?.choose('disputed'),
    s: () => panel.current?.choose('sourced'),
    u: () => panel.current?.choose('unchecked'),
    n: () => panel.current?.focusNote(),
    c: () => panel.current?.focusCorrection(),
    a: () => panel.current?.openAddSource(),
    Escape: onBack,
  });

  const replaceClaim = useCallback((claim: Claim) => {
    setArticle((a) => (a ? { ...a, claims: a.claims.map((c) => (c.id === claim.id ? claim : c)) } : a));
  }, []);

  if (error) {
    return (
      <main className="article-view">
        <p className="error" role="alert">{error}</p>
        <button type="button" onClick={onBack}>Back to the library</button>
      </main>
    );
  }
  if (!article) return <main className="article-view" aria-busy="true" />;

  const current = claims[selected];
  const counts = countByStatus(claims);

  async function patch(claim: Claim, change: VerdictPatch) {
    const result = await api['claims:mark']({ articleId: article!.id, claimId: claim.id, patch: change });
    replaceClaim(result.claim);
    return result;
  }

  async function addSource(input: { kind: SourceKind; title: string; url: string }) {
    const { source } = await api['sources:add']({ articleId: article!.id, source: input });
    setArticle((a) => (a ? { ...a, sources: [...a.sources, source] } : a));
    return source;
  }

  return (
    <main className="article-view" aria-labelledby="article-title">
      <header className="article-head">
        <button type="button" className="back" onClick={onBack} aria-label="Back to the library">
          ← Library
        </button>
        <h1 id="article-title">{article.title}</h1>
        <div className="summary" aria-label="Progress">
          <ProgressBar counts={counts} total={claims.length} />
          <ul className="counts">
            {(Object.keys(STATUS_TEXT) as (keyof typeof STATUS_TEXT)[]).map((status) => (
              <li key={status} className={`status-${status}`}>
                <span aria-hidden="true">{STATUS_TEXT[status].icon}</span> {counts[status]} {STATUS_TEXT[status].label.toLowerCase()}
              </li>
            ))}
          </ul>
        </div>
      </header>
      {claims.length === 0 ? (
        <p className="empty">This article has no claims to check.</p>
      ) : (
        <div className="review-layout">
          <ClaimList claims={claims} selected={selected} onSelect={setSelected} />
          {current && (
            <ClaimPanel
              key={current.id}
              ref={panel}
              claim={current}
              number={selected + 1}
              total={claims.length}
              sources={article.sources}
              onPatch={(change) => patch(current, change)}
              onAddSource={addSource}
            />
          )}
        </div>
      )}
    </main>
  );
}
