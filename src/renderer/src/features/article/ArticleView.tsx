import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { filterAndSort, type ClaimFilter, type ClaimSort } from '../../../../shared/claim-filter';
import { countByStatus } from '../../../../shared/verdicts';
import { errorMessage } from '../../api/client';
import { BulkBar } from '../claims/BulkBar';
import { ClaimFilters } from '../claims/ClaimFilters';
import { ClaimsList } from '../claims/ClaimsList';
import { ShortcutSheet } from '../help/ShortcutSheet';
import { EditMetaDialog } from '../import/EditMetaDialog';
import { ExportDialog } from '../report/ExportDialog';
import { OrphansDialog } from '../revisions/OrphansDialog';
import { RevisionDialog } from '../revisions/RevisionDialog';
import { ClaimPanel, type ClaimPanelHandle } from '../review/ClaimPanel';
import { DoneSummary } from '../review/DoneSummary';
import { ArticleReader } from './ArticleReader';
import { ProgressBar } from './ProgressBar';
import { STATUS_TEXT } from './status-style';
import { useArticle } from './use-article';
import { useShortcuts } from './use-shortcuts';

type Dialog = 'help' | 'export' | 'done' | 'details' | 'revision' | 'orphans' | null;

/** The review desk: the claims list on the left, one claim (or the whole article) on the right. */
export function ArticleView({ id, onBack }: { id: string; onBack: () => void }) {
  const state = useArticle(id);
  const { article } = state;
  const [mode, setMode] = useState<'review' | 'read'>('review');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [filter, setFilter] = useState<ClaimFilter>({});
  const [sort, setSort] = useState<ClaimSort>('article');
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const panel = useRef<ClaimPanelHandle>(null);
  const search = useRef<HTMLInputElement>(null);

  const claims = article?.claims ?? [];
  const order = useMemo(() => filterAndSort(claims, filter, sort), [claims, filter, sort]);
  const counts = useMemo(() => countByStatus(claims), [claims]);
  const changedCount = useMemo(() => claims.filter((c) => c.changed).length, [claims]);
  const checkers = useMemo(() => [...new Set(claims.map((c) => c.verdict.checker).filter((c): c is string => !!c))].sort(), [claims]);
  const currentIndex = claims.findIndex((c) => c.id === selectedId);
  const current = currentIndex >= 0 ? claims[currentIndex] : undefined;

  // Start on the first claim; keep a selection that still exists after a split or merge.
  useEffect(() => {
    if (claims.length > 0 && currentIndex < 0) setSelectedId(claims[0]!.id);
  }, [claims, currentIndex]);

  // Reaching the last unchecked claim shows the done summary, once per transition.
  const lastUnchecked = useRef<number | null>(null);
  useEffect(() => {
    if (!article) return;
    if (lastUnchecked.current !== null && lastUnchecked.current > 0 && counts.unchecked === 0) setDialog('done');
    lastUnchecked.current = counts.unchecked;
  }, [article, counts.unchecked]);

  const move = useCallback(
    (delta: number) => {
      if (order.length === 0) return;
      const position = order.findIndex((i) => claims[i]!.id === selectedId);
      const next = position < 0 ? 0 : Math.min(Math.max(position + delta, 0), order.length - 1);
      setSelectedId(claims[order[next]!]!.id);
    },
    [order, claims, selectedId],
  );

  const nextUnchecked = useCallback(() => {
    const position = order.findIndex((i) => claims[i]!.id === selectedId);
    for (let step = 1; step <= order.length; step++) {
      const claim = claims[order[(position + step + order.length) % order.length]!]!;
      if (claim.verdict.status === 'unchecked') return setSelectedId(claim.id);
    }
    if (counts.unchecked === 0) setDialog('done');
    else setNotice('No unchecked claim matches the current filter.');
  }, [order, claims, selectedId, counts.unchecked]);

  const toggleChecked = useCallback((claimId: string, on: boolean) => {
    setChecked((set) => {
      const next = new Set(set);
      if (on) next.add(claimId);
      else next.delete(claimId);
      return next;
    });
  }, []);

  const undoOrRedo = useCallback(
    async (which: 'undo' | 'redo') => {
      try {
        const label = which === 'undo' ? await state.undo() : await state.redo();
        setNotice(label ? `${which === 'undo' ? 'Undone' : 'Redone'}: ${label} change.` : `Nothing to ${which}.`);
      } catch (e) {
        setNotice(`Not saved: ${errorMessage(e)}`);
      }
    },
    [state],
  );

  useShortcuts({
    j: () => move(1),
    ArrowDown: () => move(1),
    k: () => move(-1),
    ArrowUp: () => move(-1),
    J: nextUnchecked,
    v: () => panel.current?.choose('verified'),
    d: () => panel.current?.choose('disputed'),
    s: () => panel.current?.choose('sourced'),
    u: () => panel.current?.choose('unchecked'),
    n: () => panel.current?.focusNote(),
    c: () => panel.current?.focusCorrection(),
    a: () => panel.current?.openAddSource(),
    x: () => current && toggleChecked(current.id, !checked.has(current.id)),
    r: () => setMode((m) => (m === 'review' ? 'read' : 'review')),
    e: () => setDialog('export'),
    '/': () => search.current?.focus(),
    '?': () => setDialog('help'),
    Escape: onBack,
    'Mod+z': () => void undoOrRedo('undo'),
    'Mod+Shift+z': () => void undoOrRedo('redo'),
  });

  // File > Export… in the desktop app's menu.
  useEffect(
    () =>
      window.factdeskMenu?.onMenuCommand((command) => {
        if (command === 'menu:export') setDialog('export');
      }),
    [],
  );

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 4000);
    return () => clearTimeout(timer);
  }, [notice]);

  if (state.loadError) {
    return (
      <main className="article-view">
        <p className="error" role="alert">
          {state.loadError}
        </p>
        <button type="button" onClick={onBack}>
          Back to the library
        </button>
      </main>
    );
  }
  if (!article) return <main className="article-view" aria-busy="true" aria-label="Opening the article" />;

  const next = currentIndex >= 0 ? claims[currentIndex + 1] : undefined;
  const canMerge = !!current && !!next && next.section === current.section && !article.text.slice(current.end, next.start).includes('\n');

  return (
    <main className="article-view" aria-labelledby="article-title">
      <header className="article-head">
        <button type="button" className="back" onClick={onBack} aria-label="Back to the library">
          ← Library
        </button>
        <div>
          <h1 id="article-title">{article.title}</h1>
          <p className="muted article-subtitle">{[article.publication, article.author, article.sourceUrl].filter(Boolean).join(' · ')}</p>
        </div>
        <div className="summary" aria-label="Progress">
          <ProgressBar counts={counts} total={claims.length} />
          {changedCount > 0 && (
            <p className="changed-count">
              <span aria-hidden="true">⚑</span> {changedCount} changed since checked
            </p>
          )}
          <ul className="counts">
            {(Object.keys(STATUS_TEXT) as (keyof typeof STATUS_TEXT)[]).map((status) => (
              <li key={status} className={`status-${status}`}>
                <span aria-hidden="true">{STATUS_TEXT[status].icon}</span> {counts[status]} {STATUS_TEXT[status].label.toLowerCase()}
              </li>
            ))}
          </ul>
        </div>
        <div className="head-actions">
          <div className="segmented" role="group" aria-label="View">
            <button type="button" aria-pressed={mode === 'review'} onClick={() => setMode('review')}>
              Review
            </button>
            <button type="button" aria-pressed={mode === 'read'} onClick={() => setMode('read')}>
              Read article
            </button>
          </div>
          <button type="button" onClick={() => setDialog('details')}>
            Details…
          </button>
          <button type="button" onClick={() => setDialog('revision')}>
            New revision…
          </button>
          {article.orphans.length > 0 && (
            <button type="button" onClick={() => setDialog('orphans')}>
              Orphans ({article.orphans.length})
            </button>
          )}
          <button type="button" onClick={() => setDialog('export')} aria-keyshortcuts="E">
            Export report…
          </button>
          <button type="button" onClick={() => setDialog('help')} aria-label="Keyboard shortcuts" aria-keyshortcuts="?">
            ?
          </button>
        </div>
      </header>
      <p className="notice" role="status" aria-live="polite">
        {notice}
      </p>

      {claims.length === 0 ? (
        <p className="empty">This article has no claims to check.</p>
      ) : (
        <div className="desk">
          <aside className="claims-pane" aria-label="Claims list">
            <ClaimFilters ref={search} filter={filter} sort={sort} checkers={checkers} shown={order.length} total={claims.length} onFilter={setFilter} onSort={setSort} />
            {checked.size > 0 && (
              <BulkBar
                count={checked.size}
                sources={article.sources}
                onClear={() => setChecked(new Set())}
                onApply={async (patch) => {
                  await state.markMany([...checked], patch);
                  setNotice(`${checked.size} claims marked ${patch.status}. Ctrl+Z undoes it.`);
                  setChecked(new Set());
                }}
              />
            )}
            <ClaimsList claims={claims} order={order} selectedId={selectedId} checked={checked} onSelect={(cid) => { setSelectedId(cid); setMode('review'); }} onCheck={toggleChecked} />
          </aside>
          <section className="work-pane" aria-label={mode === 'review' ? 'Review' : 'Article'}>
            {mode === 'read' ? (
              <ArticleReader article={article} selectedId={selectedId} onOpen={(cid) => { setSelectedId(cid); setMode('review'); }} />
            ) : current ? (
              <ClaimPanel
                key={current.id}
                ref={panel}
                claim={current}
                number={currentIndex + 1}
                total={claims.length}
                articleText={article.text}
                sources={article.sources}
                onPatch={(patch) => state.mark(current.id, patch)}
                onAddSource={state.addSource}
                onSplit={(at) => state.split(current.id, at)}
                onMerge={canMerge ? () => state.merge(current.id, next!.id) : undefined}
                onConfirmChange={() => state.confirm(current.id)}
              />
            ) : null}
          </section>
        </div>
      )}

      {dialog === 'help' && <ShortcutSheet onClose={() => setDialog(null)} />}
      {dialog === 'export' && <ExportDialog articleId={article.id} claims={claims} listFilter={filter} onClose={() => setDialog(null)} />}
      {dialog === 'revision' && <RevisionDialog onRevise={state.revise} onClose={() => setDialog(null)} />}
      {dialog === 'orphans' && <OrphansDialog orphans={article.orphans} onClose={() => setDialog(null)} />}
      {dialog === 'details' && (
        <EditMetaDialog
          articleId={article.id}
          meta={{ title: article.title, sourceUrl: article.sourceUrl, author: article.author, publication: article.publication, publishedAt: article.publishedAt }}
          onCancel={() => setDialog(null)}
          onSaved={(_summary, meta) => {
            state.setMeta(meta);
            setDialog(null);
          }}
        />
      )}
      {dialog === 'done' && (
        <DoneSummary counts={counts} total={claims.length} onClose={() => setDialog(null)} onLibrary={onBack} onExport={() => setDialog('export')} />
      )}
    </main>
  );
}
