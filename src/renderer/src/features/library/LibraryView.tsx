import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LoadProblem } from '../../../../shared/contract';
import type { ArticleSummary } from '../../../../shared/model';
import { api, errorMessage } from '../../api/client';
import { useShortcuts } from '../article/use-shortcuts';
import { ArticleList, type ArticleListHandle } from './ArticleList';
import { ConfirmDialog } from './ConfirmDialog';
import { ImportPanel, type ImportPanelHandle } from '../import/ImportPanel';
import { LibraryFind } from './LibraryFind';
import { NewArticleForm } from './NewArticleForm';
import { LIBRARY_SHORTCUTS, ShortcutSheet } from '../help/ShortcutSheet';
import { countByProgress, emptyResultMessage, filterArticles, NO_FILTER, searchHaystacks, type LibraryFilter } from './library-filter';
import { findCopies } from './duplicates';
import './library.css';

// The library is unmounted while an article is open; back from it (Esc), the
// checker finds the same search and the focus on the article they left.
const remembered: { filter: LibraryFilter; openedId: string | null } = { filter: NO_FILTER, openedId: null };

export function LibraryView({ onOpen }: { onOpen: (id: string) => void }) {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [problems, setProblems] = useState<LoadProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const importer = useRef<ImportPanelHandle>(null);
  const [confirming, setConfirming] = useState<ArticleSummary | null>(null);
  const [deleted, setDeleted] = useState<ArticleSummary | null>(null);
  const [filter, setFilter] = useState<LibraryFilter>(remembered.filter);
  const [help, setHelp] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<ArticleListHandle>(null);

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

  const haystacks = useMemo(() => searchHaystacks(articles ?? []), [articles]);
  const counts = useMemo(() => countByProgress(articles ?? []), [articles]);
  const shown = useMemo(() => filterArticles(articles ?? [], haystacks, filter), [articles, haystacks, filter]);
  const copies = useMemo(() => findCopies(articles ?? []), [articles]);

  function changeFilter(next: LibraryFilter) {
    remembered.filter = next;
    setFilter(next);
    list.current?.scrollToTop();
  }

  function open(id: string) {
    remembered.openedId = id;
    onOpen(id);
  }

  // Once the list is there, back on the article the checker came from, unless they
  // are already somewhere else (a quick N opens the form before the list arrives).
  const returned = useRef(false);
  useEffect(() => {
    if (returned.current || !articles) return;
    returned.current = true;
    if (document.activeElement && document.activeElement !== document.body) return;
    const index = shown.findIndex((a) => a.id === remembered.openedId);
    if (index >= 0) list.current?.focusRow(index, 'center');
  }, [articles, shown]);

  useShortcuts({
    n: () => setAdding(true),
    '/': () => {
      search.current?.focus();
      search.current?.select();
    },
    '?': () => setHelp(true),
  });

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
          <button type="button" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts" aria-keyshortcuts="?">
            ?
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
          {/* The row that had focus is gone: Undo, the likeliest next step, takes it. */}
          <button type="button" onClick={undoDelete} autoFocus>
            Undo
          </button>
        </p>
      )}
      <ImportPanel ref={importer} onImported={open} />
      {adding && <NewArticleForm onOpen={open} onCancel={() => setAdding(false)} />}
      {articles && articles.length === 0 && !adding && (
        <p className="empty">No articles yet. Choose “New article” (N) and paste the copy you are checking.</p>
      )}
      {/* The search is there while the list loads: a `/` and a query typed at once are not lost. */}
      {(articles === null || articles.length > 0) && (
        <LibraryFind
          ref={search}
          filter={filter}
          counts={counts}
          shown={shown.length}
          total={articles?.length ?? null}
          onFilter={changeFilter}
          onOpenFirst={() => {
            if (filter.query.trim() && shown[0]) open(shown[0].id);
          }}
          onEnterList={() => {
            if (shown.length > 0) list.current?.focusRow(0);
          }}
        />
      )}
      {articles &&
        articles.length > 0 &&
        (shown.length === 0 ? (
          <p className="empty library-empty">
            {emptyResultMessage(filter)}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                changeFilter(NO_FILTER);
                search.current?.focus();
              }}
            >
              Show all articles
            </button>
            {filter.query.trim() && <> · Ctrl/⌘+K searches inside the articles: claims, notes and sources.</>}
          </p>
        ) : (
          <ArticleList
            ref={list}
            articles={shown}
            copies={copies}
            onOpen={(article) => open(article.id)}
            onRename={async (article, title) => {
              await api['articles:rename']({ id: article.id, title });
              load();
            }}
            onDelete={setConfirming}
            onLeaveTop={() => search.current?.focus()}
          />
        ))}
      {help && <ShortcutSheet shortcuts={LIBRARY_SHORTCUTS} onClose={() => setHelp(false)} />}
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
