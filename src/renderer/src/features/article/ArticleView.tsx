import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ClaimFilter, ClaimSort } from '../../../../shared/claim-filter';
import type { Claim, SetAsideSegment } from '../../../../shared/model';
import { countByStatus } from '../../../../shared/verdicts';
import { errorMessage } from '../../api/client';
import { BulkBar } from '../claims/BulkBar';
import { ClaimFilters } from '../claims/ClaimFilters';
import { ClaimsList } from '../claims/ClaimsList';
import { countedSetAside, listItems, shortQuote, type ListItem } from '../claims/list-items';
import { ShortcutSheet } from '../help/ShortcutSheet';
import { EditMetaDialog } from '../import/EditMetaDialog';
import { ExportDialog } from '../report/ExportDialog';
import { OrphansDialog } from '../revisions/OrphansDialog';
import { RevisionDialog } from '../revisions/RevisionDialog';
import { ClaimPanel, type ClaimPanelHandle } from '../review/ClaimPanel';
import { DoneSummary } from '../review/DoneSummary';
import { SetAsidePanel } from '../review/SetAsidePanel';
import { ArticleReader } from './ArticleReader';
import { ProgressBar } from './ProgressBar';
import { STATUS_TEXT } from './status-style';
import { useArticle, type UndoOutcome } from './use-article';
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
  const [showSetAside, setShowSetAside] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const panel = useRef<ClaimPanelHandle>(null);
  const search = useRef<HTMLInputElement>(null);

  const claims = article?.claims ?? NONE;
  const setAside = article?.setAside ?? NONE_SET_ASIDE;
  const counted = useMemo(() => countedSetAside(setAside), [setAside]);
  const items = useMemo(() => listItems({ claims, setAside }, filter, sort, showSetAside), [claims, setAside, filter, sort, showSetAside]);
  const shownSetAside = useMemo(() => items.filter((i) => i.kind === 'set-aside').length, [items]);
  const counts = useMemo(() => countByStatus(claims), [claims]);
  const changedCount = useMemo(() => claims.filter((c) => c.changed).length, [claims]);
  const checkers = useMemo(() => [...new Set(claims.map((c) => c.verdict.checker).filter((c): c is string => !!c))].sort(), [claims]);
  const currentIndex = claims.findIndex((c) => c.id === selectedId);
  const current = currentIndex >= 0 ? claims[currentIndex] : undefined;
  const currentSegment = current ? undefined : setAside.find((s) => s.id === selectedId);

  // Start on the first claim; keep a selection that still exists after a split or merge.
  useEffect(() => {
    if (!current && !currentSegment && items.length > 0) setSelectedId(items[0]!.id);
  }, [current, currentSegment, items]);

  // An article with no claims at all opens on its set-aside text, so some of it can be made a claim.
  const opened = useRef(false);
  useEffect(() => {
    if (!article || opened.current) return;
    opened.current = true;
    if (article.claims.length === 0 && countedSetAside(article.setAside).length > 0) setShowSetAside(true);
  }, [article]);

  /**
   * Where the selection goes when the passage `id` leaves the list: the next claim the
   * list shows after it (the previous one at the end), else the next claim in the text.
   */
  const claimAfter = useCallback(
    (id: string, list: ListItem[]): string | null => {
      const position = list.findIndex((i) => i.id === id);
      if (position >= 0) {
        const after = list.slice(position + 1).find((i) => i.kind === 'claim');
        const before = list.slice(0, position).findLast((i) => i.kind === 'claim');
        return (after ?? before)?.id ?? null;
      }
      const start = [...claims, ...setAside].find((c) => c.id === id)?.start ?? 0;
      const others = claims.filter((c) => c.id !== id);
      return (others.find((c) => c.start > start) ?? others.at(-1))?.id ?? null;
    },
    [claims, setAside],
  );

  // Reaching the last unchecked claim shows the done summary, once per transition.
  const lastUnchecked = useRef<number | null>(null);
  useEffect(() => {
    if (!article) return;
    if (lastUnchecked.current !== null && lastUnchecked.current > 0 && counts.unchecked === 0) setDialog('done');
    lastUnchecked.current = counts.unchecked;
  }, [article, counts.unchecked]);

  // J and K walk the list as it is shown: claims, and set-aside rows when they are shown.
  const move = useCallback(
    (delta: number) => {
      if (items.length === 0) return;
      const position = items.findIndex((i) => i.id === selectedId);
      const next = position < 0 ? 0 : Math.min(Math.max(position + delta, 0), items.length - 1);
      setSelectedId(items[next]!.id);
    },
    [items, selectedId],
  );

  const nextUnchecked = useCallback(() => {
    const position = items.findIndex((i) => i.id === selectedId);
    for (let step = 1; step <= items.length; step++) {
      const item = items[(position + step + items.length) % items.length]!;
      if (item.kind === 'claim' && item.claim.verdict.status === 'unchecked') return setSelectedId(item.id);
    }
    if (counts.unchecked === 0) setDialog('done');
    else setNotice('No unchecked claim matches the current filter.');
  }, [items, selectedId, counts.unchecked]);

  const select = useCallback(
    (id: string) => {
      setSelectedId(id);
      setMode('review');
      // Chosen in the reader: the list shows it too.
      if (setAside.some((s) => s.id === id)) setShowSetAside(true);
    },
    [setAside],
  );

  const toggleSetAside = useCallback(
    (show: boolean) => {
      // Hiding the set-aside rows moves a selection on one of them to the claim after it.
      if (!show && currentSegment) setSelectedId(claimAfter(currentSegment.id, items));
      setShowSetAside(show);
    },
    [currentSegment, claimAfter, items],
  );

  /** After a passage moved: still selected where the list shows it, else the claim after it. */
  const followMove = useCallback(
    (id: string, nowSetAside: boolean, listBefore: ListItem[]) => {
      setSelectedId(nowSetAside && !showSetAside ? claimAfter(id, listBefore) : id);
    },
    [showSetAside, claimAfter],
  );

  const setCurrentAside = useCallback(async () => {
    if (!current) return;
    const listBefore = items;
    try {
      const name = await state.setAside(current.id);
      followMove(current.id, true, listBefore);
      setNotice(`${capitalize(name)} set aside as not a claim. Ctrl+Z undoes it.`);
    } catch (e) {
      setNotice(`Not saved: ${errorMessage(e)}`);
    }
  }, [current, items, state, followMove]);

  const promoteCurrent = useCallback(async () => {
    if (!currentSegment) return;
    try {
      const number = await state.promote(currentSegment.id);
      setSelectedId(currentSegment.id);
      setNotice(`${shortQuote(currentSegment.text)} is now claim ${number}. Ctrl+Z undoes it.`);
    } catch (e) {
      setNotice(`Not saved: ${errorMessage(e)}`);
    }
  }, [currentSegment, state]);

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
      const listBefore = items;
      try {
        const outcome: UndoOutcome | null = which === 'undo' ? await state.undo() : await state.redo();
        if (!outcome) return setNotice(`Nothing to ${which}.`);
        setNotice(`${which === 'undo' ? 'Undone' : 'Redone'}: ${outcome.description}.`);
        if (outcome.segment) followMove(outcome.segment.id, outcome.segment.setAside, listBefore);
      } catch (e) {
        setNotice(`Not saved: ${errorMessage(e)}`);
      }
    },
    [state, items, followMove],
  );

  /** A key meant for a claim, pressed on set-aside text: say what applies instead. */
  const onClaimOnly = useCallback(
    (action: () => void) => () => {
      if (currentSegment) setNotice('Set-aside text gets no verdict: press P to make it a claim first.');
      else action();
    },
    [currentSegment],
  );

  useShortcuts({
    j: () => move(1),
    ArrowDown: () => move(1),
    k: () => move(-1),
    ArrowUp: () => move(-1),
    J: nextUnchecked,
    v: onClaimOnly(() => panel.current?.choose('verified')),
    d: onClaimOnly(() => panel.current?.choose('disputed')),
    s: onClaimOnly(() => panel.current?.choose('sourced')),
    u: onClaimOnly(() => panel.current?.choose('unchecked')),
    n: onClaimOnly(() => panel.current?.focusNote()),
    c: onClaimOnly(() => panel.current?.focusCorrection()),
    a: onClaimOnly(() => panel.current?.openAddSource()),
    x: onClaimOnly(() => current && toggleChecked(current.id, !checked.has(current.id))),
    o: () => (currentSegment ? setNotice('This is set aside already: P makes it a claim.') : void setCurrentAside()),
    p: () => (current ? setNotice('This is a claim already: O sets it aside.') : void promoteCurrent()),
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
          <p className="segment-count">
            {plural(claims.length, 'claim')} · {counted.length} set aside
          </p>
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

      {claims.length === 0 && counted.length === 0 ? (
        <p className="empty">This article has no claims to check.</p>
      ) : (
        <div className="desk">
          <aside className="claims-pane" aria-label="Claims list">
            <ClaimFilters
              ref={search}
              filter={filter}
              sort={sort}
              checkers={checkers}
              shown={items.length - shownSetAside}
              total={claims.length}
              setAsideTotal={counted.length}
              setAsideShown={shownSetAside}
              showSetAside={showSetAside}
              onShowSetAside={toggleSetAside}
              onFilter={setFilter}
              onSort={setSort}
            />
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
            <ClaimsList items={items} selectedId={selectedId} checked={checked} onSelect={select} onCheck={toggleChecked} />
          </aside>
          <section className="work-pane" aria-label={mode === 'review' ? 'Review' : 'Article'}>
            {mode === 'read' ? (
              <ArticleReader article={article} selectedId={selectedId} onOpen={select} />
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
                onSetAside={setCurrentAside}
              />
            ) : currentSegment ? (
              <SetAsidePanel key={currentSegment.id} segment={currentSegment} articleText={article.text} sources={article.sources} onPromote={promoteCurrent} />
            ) : (
              <p className="empty">Nothing is selected: show the set-aside text to choose a passage.</p>
            )}
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

const NONE: Claim[] = [];
const NONE_SET_ASIDE: SetAsideSegment[] = [];

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
