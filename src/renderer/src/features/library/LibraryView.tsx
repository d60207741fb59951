import { useCallback, useEffect, useState } from 'react';
import type { LoadProblem } from '../../../../shared/contract';
import type { ArticleSummary } from '../../../../shared/model';
import { api, errorMessage } from '../../api/client';
import { ProgressBar } from '../article/ProgressBar';
import { NewArticleForm } from './NewArticleForm';

export function LibraryView({ onOpen }: { onOpen: (id: string) => void }) {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [problems, setProblems] = useState<LoadProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  const load = useCallback(() => {
    api['library:list']({}).then(
      (result) => {
        setArticles(result.articles);
        setProblems(result.problems);
      },
      (e) => setError(errorMessage(e)),
    );
  }, []);
  useEffect(load, [load]);

  return (
    <main className="library" aria-labelledby="library-title">
      <div className="library-head">
        <h1 id="library-title">Library</h1>
        <button type="button" className="primary" onClick={() => setAdding(true)} disabled={adding}>
          New article
        </button>
      </div>
      {problems.length > 0 && (
        <section className="problems" role="alert" aria-label="Files that could not be opened">
          {problems.map((p) => (
            <p key={p.file}>{p.message}</p>
          ))}
        </section>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      {adding && <NewArticleForm onCreated={onOpen} onCancel={() => setAdding(false)} />}
      {articles && articles.length === 0 && !adding && (
        <p className="empty">No articles yet. Choose “New article” and paste the copy you are checking.</p>
      )}
      {articles && articles.length > 0 && (
        <ul className="article-list" aria-label="Articles">
          {articles.map((a) => (
            <li key={a.id}>
              <button type="button" className="article-row" onClick={() => onOpen(a.id)}>
                <span className="article-title">{a.title}</span>
                <span className="article-meta">
                  {[a.publication, `added ${new Date(a.createdAt).toLocaleDateString()}`].filter(Boolean).join(' · ')}
                </span>
                <ProgressBar counts={a.counts} total={a.total} />
                <span className="article-counts">
                  {a.total - a.counts.unchecked} of {a.total} checked · {a.counts.disputed} disputed · {a.counts.unchecked} unchecked
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
