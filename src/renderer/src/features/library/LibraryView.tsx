import { useCallback, useEffect, useRef, useState } from 'react';
import type { LoadProblem } from '../../../../shared/contract';
import type { ArticleSummary } from '../../../../shared/model';
import { api, errorMessage } from '../../api/client';
import { useShortcuts } from '../article/use-shortcuts';
import { ArticleRow } from './ArticleRow';
import { ConfirmDialog } from './ConfirmDialog';
import { ImportPanel, type ImportPanelHandle } from '../import/ImportPanel';
import { NewArticleForm } from './NewArticleForm';

export function LibraryView({ onOpen }: { onOpen: (id: string) => void }) {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [problems, setProblems] = useState<LoadProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const importer = useRef<ImportPanelHandle>(null);
  const [confirming, setConfirming] = useState<ArticleSummary | null>(null);
  const [deleted, setDeleted] = useState<ArticleSummary | null>(null);

  const load = useCallback(() => {
    api['library:list']({}).then(
      (result) => {
        setArticles(result.articles);
        setProblems(result.problems);
      },
      (e) => setError(errorMessage(e)),
    );
  }, []);
  useEffect(() => {
    load();
  }, [load]);

  useShortcuts({ n: () => setAdding(true) });

  async function remove(article: ArticleSummary) {
    setConfirming(null);
    try {
      await api['articles:delete']({ id: article.id });
      setDeleted(article);
      load();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function restoreBackup(id: string) {
    try {
      await api['articles:restoreBackup']({ id });
      load();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function undoDelete() {
    if (!deleted) return;
    try {
      await api['articles:restore']({ id: deleted.id });
      setDeleted(null);
      load();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <main className="library" aria-labelledby="library-title">
      <div className="library-head">
        <h1 id="library-title">Library</h1>
        <div className="head-actions">
          <button type="button" onClick={() => importer.current?.openPicker()}>
            Open file…
          </button>
          <button type="button" className="primary" onClick={() => setAdding(true)} disabled={adding} aria-keyshortcuts="N">
            New article
          </button>
        </div>
      </div>
      {problems.length > 0 && (
        <section className="problems" role="alert" aria-label="Files that could not be opened">
          {problems.map((p) => (
            <p key={p.file}>
              {p.message}
              {p.articleId && (
                <button type="button" className="problem-action" onClick={() => restoreBackup(p.articleId!)}>
                  Restore the backup from {new Date(p.backupAt!).toLocaleString()}
                </button>
              )}
            </p>
          ))}
        </section>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {deleted && (
        <p className="undo-bar" role="status">
          Deleted “{deleted.title}”.
          <button type="button" onClick={undoDelete}>
            Undo
          </button>
        </p>
      )}
      <ImportPanel ref={importer} onImported={onOpen} />
      {adding && <NewArticleForm onCreated={onOpen} onCancel={() => setAdding(false)} />}
      {articles && articles.length === 0 && !adding && (
        <p className="empty">No articles yet. Choose “New article” (N) and paste the copy you are checking.</p>
      )}
      {articles && articles.length > 0 && (
        <ul className="article-list" aria-label="Articles">
          {articles.map((a) => (
            <ArticleRow
              key={a.id}
              article={a}
              onOpen={() => onOpen(a.id)}
              onRename={async (title) => {
                await api['articles:rename']({ id: a.id, title });
                load();
              }}
              onDelete={() => setConfirming(a)}
            />
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Delete “${confirming.title}”?`}
          body={`Its ${confirming.total} claims and every verdict go to the trash folder. You can undo this right after.`}
          confirm="Delete"
          onConfirm={() => remove(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </main>
  );
}
