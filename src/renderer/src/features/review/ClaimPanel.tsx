import { useEffect, useRef, useState } from 'react';
import type { SourceInput } from '../../../../shared/contract';
import type { Claim, Source } from '../../../../shared/model';
import { explainScore } from '../../../../shared/extract/checkworthy/explain';
import { checkVerdictRules } from '../../../../shared/verdicts';
import { errorMessage } from '../../api/client';
import { STATUS_TEXT } from '../article/status-style';
import { useShortcuts } from '../article/use-shortcuts';
import { keyMap } from '../help/review-keys';
import { SeenBefore, type SeenBeforeProps } from '../memory/SeenBefore';
import { ChangedBanner } from '../revisions/ChangedBanner';
import { ClaimFacts, type FactOps } from '../facts/ClaimFacts';
import { ClaimInContext } from './ClaimInContext';
import { FindSourceDialog } from './FindSourceDialog';
import { HistoryList } from './HistoryList';
import { SourcePicker } from './SourcePicker';
import { SplitPicker } from './SplitPicker';
import { StatusButtons } from './StatusButtons';
import { useVerdictDraft, verdictKeys, type DraftDeps, type TextField } from './verdict-draft';

/** Why a merge cannot be made (one sentence), or null when it can. */
export type MergeBlock = string | null;

interface Props {
  claim: Claim;
  number: number;
  total: number;
  /** The article's text, for the paragraph around the claim; the claim alone without it. */
  articleText?: string;
  sources: Source[];
  /** Saves a verdict patch built from the claim as the earlier saves left it. */
  onSave: DraftDeps['save'];
  /** The article's version now (a note typed since an older one is sent with that). */
  version?: () => number;
  /** Adds a source to the article; returns its id, which the claim then cites. */
  onAddSource: (source: SourceInput) => Promise<string>;
  onSplit?: (at: number) => Promise<void>;
  /** Merges with the claim before or after; `mergeBlocked` says why one cannot be merged. */
  onMerge?: (direction: 'next' | 'previous') => Promise<void>;
  mergeBlocked?: { next: MergeBlock; previous: MergeBlock };
  /** Confirms a claim flagged “changed since checked”. */
  onConfirmChange?: () => Promise<void>;
  /** Sets the claim aside as “not a claim” (O). */
  onSetAside?: () => Promise<void>;
  /** A sentence for the desk's notice line. */
  onNotice?: (text: string) => void;
  /** The claim's facts can be marked, added and removed (features/facts); without it, its spans are only underlined. */
  facts?: FactOps;
  /** Similar claims checked in other articles (the claim memory), below the sources. */
  seenBefore?: SeenBeforeProps;
  /** A fact of this claim to put the focus on (after an undo of its change): where its words start. */
  focusFact?: { start: number };
}

/**
 * One claim under review: its paragraph, labels and score; the verdict buttons, note,
 * correction and cited sources; splitting and merging. Every change saves at once; a
 * rule that needs more (a note, a source) says so and waits for it, without holding the
 * cursor: Esc or U gives up on it. The panel answers its own keys.
 */
export function ClaimPanel(props: Props) {
  const { claim } = props;
  const verdict = claim.verdict;
  const { draft, dispatch, choose, enter, leave, cite } = useVerdictDraft(claim, {
    save: props.onSave,
    version: props.version ?? (() => 0),
    sourceCount: props.sources.length,
  });
  const [actionError, setActionError] = useState<string | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const correctionRef = useRef<HTMLTextAreaElement>(null);
  const addFormRef = useRef<HTMLFormElement>(null);
  const notice = props.onNotice ?? (() => {});

  // The cursor goes where the draft asks, once per ask; the form opens in view.
  useEffect(() => {
    if (!draft.focus) return;
    const target = draft.focus.target;
    if (target === 'note') noteRef.current?.focus();
    else if (target === 'correction') correctionRef.current?.focus();
    else if (target === 'add-source') {
      addFormRef.current?.scrollIntoView?.({ block: 'nearest' });
      addFormRef.current?.querySelector<HTMLInputElement>('.source-title')?.focus();
    }
  }, [draft.focus]);

  // Words typed but never left (the window reloaded or closed mid-sentence) are
  // saved as the page goes; the transports deliver a request sent at that moment.
  const leaveOnExit = useRef(leave);
  leaveOnExit.current = leave;
  useEffect(() => {
    const onPageHide = () => leaveOnExit.current('blur');
    window.addEventListener('pagehide', onPageHide);
    return () => window.removeEventListener('pagehide', onPageHide);
  }, []);

  async function run(action: () => Promise<void>) {
    try {
      await action();
      setActionError(null);
    } catch (e) {
      setActionError(errorMessage(e));
    }
  }

  function writeCorrection() {
    // A correction belongs to a disputed claim: asking for one starts a dispute, waiting for its note.
    if (draft.pending !== 'disputed' && verdict.status !== 'disputed') {
      const rules = checkVerdictRules({ status: 'disputed', note: draft.note, sourceIds: verdict.sourceIds });
      dispatch({ type: 'pend', status: 'disputed', guidance: rules.errors[0] ?? 'Suggest how the sentence should read; it is saved with the dispute.' });
    }
    dispatch({ type: 'focus', target: 'correction' });
  }

  function merge(direction: 'next' | 'previous') {
    const blocked = props.mergeBlocked?.[direction];
    if (!props.onMerge || blocked) return notice(blocked ?? 'This claim cannot be merged.');
    void run(() => props.onMerge!(direction));
  }

  function citeNumber(key: string) {
    const source = props.sources[Number(key) - 1];
    if (!source) return notice(props.sources.length === 0 ? 'The article has no sources yet: A adds one.' : `The article has ${props.sources.length} source${props.sources.length === 1 ? '' : 's'}; ${key} is not one of them.`);
    const citing = !verdict.sourceIds.includes(source.id);
    cite(source.id, citing);
    notice(`${citing ? 'Cited' : 'No longer citing'} source ${key}: ${source.title}.`);
  }

  useShortcuts(
    keyMap('claim', {
      ...verdictKeys(choose, dispatch),
      correction: writeCorrection,
      cancel: () => {
        if (draft.pending) {
          dispatch({ type: 'cancel' });
          notice(`${STATUS_TEXT[draft.pending].label} cancelled: the claim stays ${verdict.status}.`);
          return true;
        }
        if (draft.tool === 'add-source') {
          dispatch({ type: 'tool', tool: null });
          return true;
        }
        return false; // nothing to cancel: Esc goes on to the desk
      },
      cite: citeNumber,
      findSource: () => (props.sources.length === 0 ? notice('The article has no sources yet: A adds one.') : dispatch({ type: 'tool', tool: 'find-source' })),
      addSource: () => dispatch({ type: 'tool', tool: 'add-source' }),
      split: () => (props.onSplit ? dispatch({ type: 'tool', tool: 'split' }) : notice('This claim cannot be split.')),
      mergeNext: () => merge('next'),
      mergePrevious: () => merge('previous'),
    }),
    1,
  );

  // Set while Esc leaves a field: the blur that follows has nothing left to do.
  const leftByEsc = useRef(false);
  function textProps(field: TextField) {
    return {
      value: field === 'note' ? draft.note : draft.correction,
      onChange: (e: React.ChangeEvent<HTMLTextAreaElement>) => dispatch({ type: 'type', field, text: e.target.value }),
      onFocus: () => enter(field),
      onBlur: () => {
        if (leftByEsc.current) leftByEsc.current = false;
        else leave('blur');
      },
      onKeyDown: (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
        if (e.key === 'Escape') {
          // Esc leaves the field, keeps (and saves) its words, and gives up on a status still waiting.
          e.preventDefault();
          leave('esc');
          leftByEsc.current = true;
          e.currentTarget.blur();
          leftByEsc.current = false;
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          e.currentTarget.blur();
        }
      },
    };
  }

  const shownStatus = draft.pending ?? verdict.status;
  const warnings = draft.pending ? [] : checkVerdictRules(verdict).warnings;
  const error = draft.error ?? actionError;
  // The score's reasons from the model's own arithmetic ("figures, a date; but a prediction").
  const why = explainScore(claim).summary;
  return (
    <section className={`claim-panel status-${verdict.status}`} aria-label={`Claim ${props.number} of ${props.total}`}>
      <p className="claim-position">
        Claim {props.number} of {props.total} · <span className="section-tag">{claim.section}</span>
        {claim.labels.map((label) => (
          <span key={label} className="label-tag">
            {label}
          </span>
        ))}
        {claim.speaker && <span className="muted"> · speaker: {claim.speaker}</span>}
        <span className="worthiness" title="Check-worthiness: how specific and factual the claim is, and why">
          check-worthiness {Math.round(claim.score * 100)}%<span className="worthiness-why">: {why}</span>
        </span>
      </p>
      {claim.changed && props.onConfirmChange && <ChangedBanner claim={claim} onConfirm={() => run(props.onConfirmChange!)} />}
      {props.articleText && props.facts ? (
        <ClaimFacts
          claim={claim}
          articleText={props.articleText}
          sources={props.sources}
          version={props.version ?? (() => 0)}
          facts={props.facts}
          onAccept={async (patch) => void (await props.onSave(() => patch))}
          focusRequest={props.focusFact}
          onNotice={notice}
        />
      ) : props.articleText ? (
        <ClaimInContext text={props.articleText} claim={claim} />
      ) : (
        <blockquote className="claim-context">
          <span className="claim-focus">{claim.text}</span>
        </blockquote>
      )}

      <StatusButtons label="Verdict" shown={shownStatus} guidance={draft.guidance} onChoose={choose} />

      <label htmlFor="claim-note">
        Note <kbd aria-hidden="true">N</kbd>
      </label>
      <textarea id="claim-note" ref={noteRef} rows={3} {...textProps('note')} placeholder="What you checked, against what, and what you found" />
      {shownStatus === 'disputed' && (
        <>
          <label htmlFor="claim-correction">
            Suggested correction <kbd aria-hidden="true">C</kbd>
          </label>
          <textarea id="claim-correction" ref={correctionRef} rows={2} {...textProps('correction')} placeholder="How the sentence should read" />
        </>
      )}

      <div className="save-state" aria-live="polite">
        {error ? (
          <p className="error" role="alert">
            Not saved: {error}
          </p>
        ) : draft.saving > 0 ? (
          <p className="muted">Saving…</p>
        ) : verdict.updatedAt ? (
          <p className="muted">
            Saved · last changed by {verdict.checker} on {new Date(verdict.updatedAt).toLocaleString()}
          </p>
        ) : null}
        {warnings.map((w) => (
          <p key={w} className="warning">
            {w}
          </p>
        ))}
      </div>

      <SourcePicker
        sources={props.sources}
        cited={verdict.sourceIds}
        onToggle={(id, on) => cite(id, on)}
        onAdd={async (input) => cite(await props.onAddSource(input), true)}
        addOpen={draft.tool === 'add-source'}
        setAddOpen={(open) => dispatch({ type: 'tool', tool: open ? 'add-source' : null })}
        onCancelAdd={() => dispatch(draft.pending === 'sourced' ? { type: 'cancel' } : { type: 'tool', tool: null })}
        formRef={addFormRef}
      />

      {props.seenBefore && <SeenBefore {...props.seenBefore} claim={claim} onNotice={notice} />}

      {(props.onSplit || props.onMerge || props.onSetAside) && (
        <div className="segment-actions">
          {props.onSplit && (
            <button type="button" onClick={() => dispatch({ type: 'tool', tool: 'split' })} aria-keyshortcuts="B">
              Split claim… <kbd aria-hidden="true">B</kbd>
            </button>
          )}
          {props.onMerge && !props.mergeBlocked?.previous && (
            <button type="button" onClick={() => merge('previous')} aria-keyshortcuts="Shift+M">
              Merge with previous <kbd aria-hidden="true">⇧M</kbd>
            </button>
          )}
          {props.onMerge && !props.mergeBlocked?.next && (
            <button type="button" onClick={() => merge('next')} aria-keyshortcuts="M">
              Merge with next claim <kbd aria-hidden="true">M</kbd>
            </button>
          )}
          {props.onSetAside && (
            <button type="button" onClick={() => run(props.onSetAside!)} aria-keyshortcuts="O">
              Not a claim <kbd aria-hidden="true">O</kbd>
            </button>
          )}
        </div>
      )}

      <HistoryList history={claim.history} sources={props.sources} />

      {draft.tool === 'split' && props.onSplit && (
        <SplitPicker
          claim={claim}
          onCancel={() => dispatch({ type: 'tool', tool: null })}
          onSplit={(at) => {
            dispatch({ type: 'tool', tool: null });
            void run(() => props.onSplit!(at));
          }}
        />
      )}
      {draft.tool === 'find-source' && (
        <FindSourceDialog
          sources={props.sources}
          cited={verdict.sourceIds}
          onChoose={(source) => {
            dispatch({ type: 'tool', tool: null });
            const citing = !verdict.sourceIds.includes(source.id);
            cite(source.id, citing);
            notice(`${citing ? 'Cited' : 'No longer citing'}: ${source.title}.`);
          }}
          onClose={() => dispatch({ type: 'tool', tool: null })}
        />
      )}
    </section>
  );
}
