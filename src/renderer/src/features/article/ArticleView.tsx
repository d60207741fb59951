import { useCallback, useEffect, useMemo, useRef } from 'react';
import { STALE_ARTICLE } from '../../../../shared/contract';
import type { Article, Claim, SetAsideSegment } from '../../../../shared/model';
import { countByStatus } from '../../../../shared/verdicts';
import { errorMessage } from '../../api/client';
import { PickerDialog } from '../../app/PickerDialog';
import { BulkBar } from '../claims/BulkBar';
import { ClaimFilters } from '../claims/ClaimFilters';
import { DeskArticleActions } from '../desk/DeskArticleActions';
import { DeskArticleNotices } from '../desk/DeskArticleNotices';
import { DeskClaimNotice } from '../desk/DeskClaimNotice';
import { DeskClaimRoles } from '../desk/DeskClaimRoles';
import { useDeskArticle } from '../desk/use-desk';
import { ClaimsList } from '../claims/ClaimsList';
import { countedSetAside, listItems, shortQuote, type ListItem } from '../claims/list-items';
import { keyMap } from '../help/review-keys';
import { ShortcutSheet } from '../help/ShortcutSheet';
import { EditMetaDialog } from '../import/EditMetaDialog';
import { ExportDialog } from '../report/ExportDialog';
import { OrphansDialog } from '../revisions/OrphansDialog';
import { RevisionDialog } from '../revisions/RevisionDialog';
import { ClaimPanel, type MergeBlock } from '../review/ClaimPanel';
import { DoneSummary } from '../review/DoneSummary';
import { SetAsidePanel } from '../review/SetAsidePanel';
import { SourcesDialog } from '../review/SourcesDialog';
import { ArticleReader } from './ArticleReader';
import { ProgressBar } from './ProgressBar';
import { claimAfter, claimAt, useReviewDesk } from './review-desk';
import { STATUS_TEXT } from './status-style';
import { isStale, useArticle, type ReloadReason } from './use-article';
import { useShortcuts } from './use-shortcuts';

const NOTICE_MS = 6000;

/** The review desk: the claims list on the left, one claim (or the whole article) on the right. */
export function ArticleView({ id, onBack, openClaim, onClaimOpened }: {
  id: string;
  onBack: () => void;
  /** A claim to open on (a library search result); a new object for each time it is asked. */
  openClaim?: { claim?: string };
  /** The claim asked for is on screen. */
  onClaimOpened?: () => void;
}) {
  const [desk, dispatch] = useReviewDesk();
  const deskRef = useRef(desk);
  deskRef.current = desk;
  const notice = useCallback((text: string | null) => dispatch({ type: 'notice', text }), [dispatch]);

  /** What another window's save did to the passage on screen, in words. */
  const onReload = useCallback(
    (before: Article, after: Article, why: ReloadReason) => {
      if (why === 'stale') return notice(STALE_ARTICLE);
      const selected = deskRef.current.selectedId;
      const index = before.claims.findIndex((c) => c.id === selected);
      if (index < 0) return;
      const now = after.claims.find((c) => c.id === selected);
      if (!now) notice(`Claim ${index + 1} was split, merged or set aside in another window.`);
      else if (now.verdict !== before.claims[index]!.verdict && JSON.stringify(now.verdict) !== JSON.stringify(before.claims[index]!.verdict)) {
        notice(`Claim ${index + 1} was changed in another window: ${STATUS_TEXT[now.verdict.status].label.toLowerCase()}.`);
      }
    },
    [notice],
  );
  const state = useArticle(id, { onReload });
  // The shared desk's lock and disagreements on this article (features/desk).
  const [deskArticle, refreshDesk] = useDeskArticle(id);
  const { article } = state;
  const search = useRef<HTMLInputElement>(null);
  const workPane = useRef<HTMLElement>(null);

  const claims = article?.claims ?? NONE;
  const setAside = article?.setAside ?? NONE_SET_ASIDE;
  const { filter, sort, showSetAside, selectedId, checked, mode } = desk;
  const counted = useMemo(() => countedSetAside(setAside), [setAside]);
  const items = useMemo(() => listItems({ claims, setAside }, filter, sort, showSetAside), [claims, setAside, filter, sort, showSetAside]);
  const shownSetAside = useMemo(() => items.filter((i) => i.kind === 'set-aside').length, [items]);
  const counts = useMemo(() => countByStatus(claims), [claims]);
  const changedCount = useMemo(() => claims.filter((c) => c.changed).length, [claims]);
  const checkers = useMemo(() => [...new Set(claims.map((c) => c.verdict.checker).filter((c): c is string => !!c))].sort(), [claims]);
  const currentIndex = claims.findIndex((c) => c.id === selectedId);
  const current = currentIndex >= 0 ? claims[currentIndex] : undefined;
  const currentSegment = current ? undefined : setAside.find((s) => s.id === selectedId);

  // Where the selection is in the text: a selection that disappears (split, merged or set
  // aside, here or in another window) lands on the claim that now holds those words.
  const lastStart = useRef<number | null>(null);
  useEffect(() => {
    const start = (current ?? currentSegment)?.start;
    if (start !== undefined) lastStart.current = start;
  }, [current, currentSegment]);
  useEffect(() => {
    if (!article || current || currentSegment || items.length === 0) return;
    const fallback = lastStart.current === null ? items[0]!.id : (claimAt(claims, lastStart.current) ?? items[0]!.id);
    dispatch({ type: 'select', id: fallback });
  }, [article, claims, current, currentSegment, items, dispatch]);

  // A library search result opens its claim, once per time it is asked (the same claim twice included).
  const openedClaim = useRef<object | null>(null);
  useEffect(() => {
    if (!article || !openClaim?.claim || openedClaim.current === openClaim) return;
    openedClaim.current = openClaim;
    const number = article.claims.findIndex((c) => c.id === openClaim.claim) + 1;
    if (number === 0) notice('That claim is no longer in the article: it was split, merged or set aside since it was found.');
    else {
      dispatch({ type: 'open', id: openClaim.claim, isSetAside: false });
      if (!items.some((i) => i.id === openClaim.claim)) notice(`Claim ${number} is not in the filtered list; the filter stays as it is.`);
    }
    onClaimOpened?.();
  }, [article, openClaim, items, notice, dispatch, onClaimOpened]);

  // An article with no claims at all opens on its set-aside text, so some of it can be made a claim.
  const opened = useRef(false);
  useEffect(() => {
    if (!article || opened.current) return;
    opened.current = true;
    if (article.claims.length === 0 && countedSetAside(article.setAside).length > 0) dispatch({ type: 'showSetAside', show: true });
  }, [article, dispatch]);

  // Reaching the last unchecked claim shows the done summary, once per transition.
  const lastUnchecked = useRef<number | null>(null);
  useEffect(() => {
    if (!article) return;
    if (lastUnchecked.current !== null && lastUnchecked.current > 0 && counts.unchecked === 0) dispatch({ type: 'dialog', dialog: 'done' });
    lastUnchecked.current = counts.unchecked;
  }, [article, counts.unchecked, dispatch]);

  // A new passage on screen starts at its top.
  useEffect(() => {
    if (mode === 'review' && workPane.current) workPane.current.scrollTop = 0;
  }, [selectedId, mode]);

  /** A change refused or failed: the sentence, on the notice line. */
  const failed = useCallback((e: unknown) => notice(isStale(e) ? STALE_ARTICLE : `Not saved: ${errorMessage(e)}`), [notice]);

  const nextUnchecked = () => {
    const position = items.findIndex((i) => i.id === selectedId);
    for (let step = 1; step <= items.length; step++) {
      const item = items[(position + step + items.length) % items.length]!;
      if (item.kind === 'claim' && item.claim.verdict.status === 'unchecked') return dispatch({ type: 'select', id: item.id });
    }
    if (counts.unchecked === 0) dispatch({ type: 'dialog', dialog: 'done' });
    else notice('No unchecked claim matches the current filter.');
  };

  const claimAfterIn = (passageId: string, list: ListItem[]) => {
    const start = [...claims, ...setAside].find((c) => c.id === passageId)?.start ?? 0;
    return claimAfter(passageId, list, claims, start);
  };

  const toggleSetAside = (show: boolean) =>
    dispatch({ type: 'showSetAside', show, fallback: !show && currentSegment ? claimAfterIn(currentSegment.id, items) : undefined });

  /** After a passage moved: still selected where the list shows it, else the claim after it. */
  const followMove = (passageId: string, nowSetAside: boolean, listBefore: ListItem[]) =>
    dispatch({ type: 'select', id: nowSetAside && !deskRef.current.showSetAside ? claimAfterIn(passageId, listBefore) : passageId });

  const setCurrentAside = async () => {
    if (!current) return;
    const listBefore = items;
    try {
      const name = await state.setAside(current.id);
      followMove(current.id, true, listBefore);
      notice(`${capitalize(name)} set aside as not a claim. Ctrl+Z undoes it.`);
    } catch (e) {
      failed(e);
    }
  };

  const promoteCurrent = async () => {
    if (!currentSegment) return;
    try {
      const number = await state.promote(currentSegment.id);
      dispatch({ type: 'select', id: currentSegment.id });
      notice(`${shortQuote(currentSegment.text)} is now claim ${number}. Ctrl+Z undoes it.`);
    } catch (e) {
      failed(e);
    }
  };

  const undoOrRedo = async (which: 'undo' | 'redo') => {
    const listBefore = items;
    try {
      const outcome = which === 'undo' ? await state.undo() : await state.redo();
      if (!outcome) return notice(`Nothing to ${which}.`);
      if (outcome.segment) followMove(outcome.segment.id, outcome.segment.setAside, listBefore);
      else dispatch({ type: 'select', id: outcome.selectId, ...(outcome.fact ? { fact: outcome.fact.start } : {}) });
      notice(`${which === 'undo' ? 'Undone' : 'Redone'}: ${outcome.description}.`);
    } catch (e) {
      failed(e);
    }
  };

  const split = async (claim: Claim, number: number, at: number) => {
    const first = await state.split(claim.id, at);
    dispatch({ type: 'select', id: first });
    notice(`Claim ${number} split in two: claims ${number} and ${number + 1}. Ctrl+Z undoes it.`);
  };

  const merge = async (first: Claim, second: Claim, number: number) => {
    const merged = await state.merge(first.id, second.id);
    dispatch({ type: 'select', id: merged });
    notice(`Claims ${number} and ${number + 1} merged into claim ${number}. Ctrl+Z undoes it.`);
  };

  useShortcuts(
    keyMap('desk', {
      next: () => dispatch({ type: 'move', delta: 1, items }),
      previous: () => dispatch({ type: 'move', delta: -1, items }),
      nextUnchecked,
      goTo: () => dispatch({ type: 'dialog', dialog: 'goto' }),
      search: () => search.current?.focus(),
      sources: () => dispatch({ type: 'dialog', dialog: 'sources' }),
      select: () => (current ? dispatch({ type: 'check', id: current.id }) : notice('Set-aside text gets no verdict: press P to make it a claim first.')),
      setAside: () => (currentSegment ? notice('This is set aside already: P makes it a claim.') : void setCurrentAside()),
      promote: () => (current ? notice('This is a claim already: O sets it aside.') : void promoteCurrent()),
      undo: () => void undoOrRedo('undo'),
      redo: () => void undoOrRedo('redo'),
      read: () => dispatch({ type: 'mode', mode: 'toggle' }),
      export: () => dispatch({ type: 'dialog', dialog: 'export' }),
      help: () => dispatch({ type: 'dialog', dialog: 'help' }),
      back: onBack,
    }),
  );

  // The claim's own keys are the claim panel's; with no panel on screen, they say why nothing happens.
  const noPanel = () => {
    if (mode === 'read') notice('Press R to go back to reviewing, where the claim can be marked.');
    else notice('Set-aside text gets no verdict: press P to make it a claim first.');
  };
  const withoutPanel = (current && mode === 'review') || !article ? () => false : noPanel;
  useShortcuts(
    keyMap('claim', {
      verified: withoutPanel,
      disputed: withoutPanel,
      sourced: withoutPanel,
      unchecked: withoutPanel,
      note: withoutPanel,
      correction: withoutPanel,
      cancel: () => false,
      cite: withoutPanel,
      findSource: withoutPanel,
      addSource: withoutPanel,
      split: withoutPanel,
      mergeNext: withoutPanel,
      mergePrevious: withoutPanel,
    }),
  );

  // File > Export… in the desktop app's menu.
  useEffect(
    () =>
      window.factdeskMenu?.onMenuCommand((command) => {
        if (command === 'menu:export') dispatch({ type: 'dialog', dialog: 'export' });
      }),
    [dispatch],
  );

  useEffect(() => {
    if (!desk.notice) return;
    const timer = setTimeout(() => notice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [desk.notice, desk.noticeId, notice]);

  if (state.loadError) {
    return (
      <main className="article-view" aria-labelledby="article-error">
        <p className="error" role="alert" id="article-error">
          {state.loadError}
        </p>
        <button type="button" onClick={onBack}>
          Back to the library
        </button>
      </main>
    );
  }
  if (!article) return <main className="article-view" aria-busy="true" aria-label="Opening the article" />;

  const close = () => dispatch({ type: 'dialog', dialog: null });
  const previousClaim = currentIndex > 0 ? claims[currentIndex - 1] : undefined;
  const nextClaim = currentIndex >= 0 ? claims[currentIndex + 1] : undefined;
  const mergeBlock = (first: Claim | undefined, second: Claim | undefined, number: number, edge: string): MergeBlock => {
    if (!first || !second) return `Claim ${number} is the ${edge} claim: there is none ${edge === 'last' ? 'after' : 'before'} it to merge with.`;
    const apart = first.section !== second.section || article.text.slice(first.end, second.start).includes('\n');
    return apart ? `Claims ${number} and ${number + 1} are in different paragraphs, so they cannot be merged.` : null;
  };

  return (
    <main className="article-view" aria-labelledby="article-title">
      <header className="article-head">
        <button type="button" className="back" onClick={onBack} aria-label="Back to the library">
          ← Library
        </button>
        <div className="article-name">
          <h1 id="article-title" title={article.title}>
            {article.title}
          </h1>
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
            <button type="button" aria-pressed={mode === 'review'} onClick={() => dispatch({ type: 'mode', mode: 'review' })}>
              Review
            </button>
            <button type="button" aria-pressed={mode === 'read'} onClick={() => dispatch({ type: 'mode', mode: 'read' })} aria-keyshortcuts="R">
              Read article
            </button>
          </div>
          <button type="button" onClick={() => dispatch({ type: 'dialog', dialog: 'sources' })} aria-keyshortcuts="Shift+A">
            Sources ({article.sources.length})
          </button>
          <button type="button" onClick={() => dispatch({ type: 'dialog', dialog: 'details' })}>
            Details…
          </button>
          <button type="button" onClick={() => dispatch({ type: 'dialog', dialog: 'revision' })}>
            New revision…
          </button>
          {article.orphans.length > 0 && (
            <button type="button" onClick={() => dispatch({ type: 'dialog', dialog: 'orphans' })}>
              Orphans ({article.orphans.length})
            </button>
          )}
          <DeskArticleActions articleId={article.id} claimCount={article.claims.length} desk={deskArticle} onChanged={refreshDesk} onNotice={notice} />
          <button type="button" onClick={() => dispatch({ type: 'dialog', dialog: 'export' })} aria-keyshortcuts="E">
            Export report…
          </button>
          <button type="button" onClick={() => dispatch({ type: 'dialog', dialog: 'help' })} aria-label="Keyboard shortcuts" aria-keyshortcuts="?">
            ?
          </button>
        </div>
        <p className="notice" role="status" aria-live="polite">
          {desk.notice}
        </p>
      </header>

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
              onFilter={(next) => dispatch({ type: 'filter', filter: next })}
              onSort={(next) => dispatch({ type: 'sort', sort: next })}
            />
            {checked.size > 0 && (
              <BulkBar
                count={checked.size}
                sources={article.sources}
                onClear={() => dispatch({ type: 'clearChecked' })}
                onApply={async (patch) => {
                  await state.markMany([...checked], patch);
                  notice(`${checked.size} claims marked ${patch.status}. Ctrl+Z undoes it.`);
                  dispatch({ type: 'clearChecked' });
                }}
              />
            )}
            <ClaimsList
              items={items}
              selectedId={selectedId}
              checked={checked}
              onSelect={(passageId) => dispatch({ type: 'open', id: passageId, isSetAside: setAside.some((s) => s.id === passageId) })}
              onCheck={(claimId, on) => dispatch({ type: 'check', id: claimId, on })}
            />
          </aside>
          <section className="work-pane" ref={workPane} aria-label={mode === 'review' ? 'Review' : 'Article'}>
            {mode === 'read' ? (
              <ArticleReader article={article} selectedId={selectedId} onOpen={(passageId) => dispatch({ type: 'open', id: passageId, isSetAside: setAside.some((s) => s.id === passageId) })} />
            ) : current ? (
              <>
              <DeskArticleNotices desk={deskArticle} />
              <DeskClaimNotice articleId={article.id} claimId={current.id} desk={deskArticle} onChanged={refreshDesk} onNotice={notice} />
              {deskArticle?.joined && (
                <DeskClaimRoles articleId={article.id} claimId={current.id} desk={deskArticle} mayReadSecond={current.verdict.status !== 'unchecked' && current.verdict.checker !== deskArticle.user} onChanged={refreshDesk} onNotice={notice} />
              )}
              <ClaimPanel
                key={current.id}
                claim={current}
                number={currentIndex + 1}
                total={claims.length}
                articleText={article.text}
                sources={article.sources}
                onSave={(build, options) => state.update(current.id, build, options)}
                facts={{
                  mark: (fact, patch, options) => state.markFact(current.id, fact, patch, options),
                  add: (start, end) => state.addFact(current.id, start, end),
                  remove: (fact) => state.removeFact(current.id, fact),
                }}
                version={state.version}
                onAddSource={state.addSource}
                onSplit={(at) => split(current, currentIndex + 1, at)}
                onMerge={(direction) =>
                  direction === 'next' ? merge(current, nextClaim!, currentIndex + 1) : merge(previousClaim!, current, currentIndex)
                }
                mergeBlocked={{
                  next: mergeBlock(current, nextClaim, currentIndex + 1, 'last'),
                  previous: previousClaim ? mergeBlock(previousClaim, current, currentIndex, 'first') : `Claim 1 is the first claim: there is none before it to merge with.`,
                }}
                onConfirmChange={() => state.confirm(current.id)}
                onSetAside={setCurrentAside}
                seenBefore={{ articleId: article.id, reuse: state.reuseEarlier }}
                focusFact={desk.factFocus?.claimId === current.id ? desk.factFocus : undefined}
                onNotice={notice}
              />
              </>
            ) : currentSegment ? (
              <SetAsidePanel key={currentSegment.id} segment={currentSegment} articleText={article.text} sources={article.sources} onPromote={promoteCurrent} />
            ) : (
              <p className="empty">Nothing is selected: show the set-aside text to choose a passage.</p>
            )}
          </section>
        </div>
      )}

      {desk.dialog === 'help' && <ShortcutSheet onClose={close} />}
      {desk.dialog === 'export' && <ExportDialog articleId={article.id} claims={claims} listFilter={filter} onClose={close} />}
      {desk.dialog === 'revision' && <RevisionDialog onRevise={state.revise} onClose={close} />}
      {desk.dialog === 'orphans' && <OrphansDialog orphans={article.orphans} onClose={close} />}
      {desk.dialog === 'sources' && <SourcesDialog sources={article.sources} claims={claims} onUpdate={state.updateSource} onRemove={state.removeSource} onClose={close} />}
      {desk.dialog === 'goto' && (
        <PickerDialog
          title="Go to claim"
          label="Claim number, or words from it"
          placeholder="12, or “seawall”"
          items={claims}
          keyOf={(c) => c.id}
          matches={(c, q) => (/^\d+$/.test(q) ? String(claims.indexOf(c) + 1).startsWith(q) : c.text.toLowerCase().includes(q))}
          rank={(found, q) => (/^\d+$/.test(q) ? [...found].sort((a, b) => Number(String(claims.indexOf(a) + 1) !== q) - Number(String(claims.indexOf(b) + 1) !== q)) : found)}
          describe={(c) => `Claim ${claims.indexOf(c) + 1}: ${c.text}`}
          render={(c) => (
            <>
              <span className="picker-number">{claims.indexOf(c) + 1}</span>
              <span className={`status-icon status-${c.verdict.status}`} aria-hidden="true">
                {STATUS_TEXT[c.verdict.status].icon}
              </span>{' '}
              {c.text}
            </>
          )}
          empty="No claim has that number or those words."
          onChoose={(c) => {
            close();
            dispatch({ type: 'open', id: c.id, isSetAside: false });
            if (!items.some((i) => i.id === c.id)) notice(`Claim ${claims.indexOf(c) + 1} is not in the filtered list; the filter stays as it is.`);
          }}
          onClose={close}
        />
      )}
      {desk.dialog === 'details' && (
        <EditMetaDialog
          articleId={article.id}
          meta={{ title: article.title, sourceUrl: article.sourceUrl, author: article.author, publication: article.publication, publishedAt: article.publishedAt }}
          onCancel={close}
          onSaved={(_summary, meta) => {
            state.setMeta(meta);
            close();
          }}
        />
      )}
      {desk.dialog === 'done' && (
        <DoneSummary counts={counts} total={claims.length} onClose={close} onLibrary={onBack} onExport={() => dispatch({ type: 'dialog', dialog: 'export' })} />
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
