import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { SourceInput, VerdictPatch } from '../../../../shared/contract';
import type { Claim, Source, Status } from '../../../../shared/model';
import { checkVerdictRules } from '../../../../shared/verdicts';
import { errorMessage } from '../../api/client';
import { MARKING_ORDER, STATUS_TEXT } from '../article/status-style';
import { ChangedBanner } from '../revisions/ChangedBanner';
import { ClaimInContext } from './ClaimInContext';
import { HistoryList } from './HistoryList';
import { SourcePicker } from './SourcePicker';
import { SplitChooser } from './SplitChooser';

export interface ClaimPanelHandle {
  choose(status: Status): void;
  focusNote(): void;
  focusCorrection(): void;
  openAddSource(): void;
}

interface Props {
  claim: Claim;
  number: number;
  total: number;
  /** The article's text, for the paragraph around the claim; the claim alone without it. */
  articleText?: string;
  sources: Source[];
  onPatch: (patch: VerdictPatch) => Promise<{ warnings: string[] }>;
  onAddSource: (source: SourceInput) => Promise<Source>;
  onSplit?: (at: number) => Promise<void>;
  onMerge?: () => Promise<void>;
  /** Confirms a claim flagged “changed since checked”. */
  onConfirmChange?: () => Promise<void>;
  /** Sets the claim aside as “not a claim” (O). */
  onSetAside?: () => Promise<void>;
}

/**
 * One claim under review: its paragraph, labels and score; the verdict buttons,
 * note, correction and cited sources. Every change saves at once, and a rule that
 * needs more (a note, a source) says so and waits for it.
 */
export const ClaimPanel = forwardRef<ClaimPanelHandle, Props>(function ClaimPanel(props, ref) {
  const { claim } = props;
  const verdict = claim.verdict;
  const [note, setNote] = useState(verdict.note);
  const [correction, setCorrection] = useState(verdict.correction);
  const [pending, setPending] = useState<Status | null>(null);
  const [guidance, setGuidance] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [addOpen, setAddOpen] = useState(false);
  const [splitting, setSplitting] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const correctionRef = useRef<HTMLTextAreaElement>(null);

  // An undo, redo or bulk change replaces the verdict from outside: show it,
  // unless the checker is typing in that very field.
  useEffect(() => {
    if (document.activeElement !== noteRef.current) setNote(verdict.note);
  }, [verdict.note]);
  useEffect(() => {
    if (document.activeElement !== correctionRef.current) setCorrection(verdict.correction);
  }, [verdict.correction]);

  async function save(patch: VerdictPatch): Promise<void> {
    setSaving(true);
    try {
      await props.onPatch(patch);
      setSaveError(null);
      // Only a save that carried the status settles a pending one.
      if (patch.status !== undefined) {
        setGuidance(null);
        setPending(null);
      }
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  /** Saves a status, or, when a rule needs more first, says what and waits for it. */
  function choose(status: Status, sourceIds = verdict.sourceIds): void {
    const rules = checkVerdictRules({ status, note, sourceIds });
    if (rules.errors.length > 0) {
      setPending(status);
      setGuidance(rules.errors[0]!);
      if (status === 'disputed') noteRef.current?.focus();
      if (status === 'sourced') setAddOpen(props.sources.length === 0);
      return;
    }
    void save({ status, note, correction, sourceIds });
  }

  function commitText(): void {
    if (pending) return choose(pending);
    if (note !== verdict.note || correction !== verdict.correction) void save({ note, correction });
  }

  // Words typed but never left (the window reloaded or closed mid-sentence) are
  // saved as the page goes; the transports deliver a request sent at that moment.
  const commitOnExit = useRef(commitText);
  commitOnExit.current = commitText;
  useEffect(() => {
    const onPageHide = () => commitOnExit.current();
    window.addEventListener('pagehide', onPageHide);
    return () => window.removeEventListener('pagehide', onPageHide);
  }, []);

  function toggleSource(sourceId: string, cite: boolean): void {
    const sourceIds = cite ? [...verdict.sourceIds, sourceId] : verdict.sourceIds.filter((id) => id !== sourceId);
    if (pending) return choose(pending, sourceIds);
    void save({ sourceIds });
  }

  async function addSource(input: SourceInput): Promise<void> {
    const source = await props.onAddSource(input);
    toggleSource(source.id, true);
  }

  async function run(action: () => Promise<void>) {
    try {
      await action();
    } catch (e) {
      setSaveError(errorMessage(e));
    }
  }

  useImperativeHandle(ref, () => ({
    choose: (status) => choose(status),
    focusNote: () => noteRef.current?.focus(),
    focusCorrection: () => {
      if (pending !== 'disputed' && verdict.status !== 'disputed') setPending('disputed');
      setTimeout(() => correctionRef.current?.focus(), 0);
    },
    openAddSource: () => setAddOpen(true),
  }));

  const shownStatus = pending ?? verdict.status;
  const warnings = pending ? [] : checkVerdictRules(verdict).warnings;
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
        <span className="worthiness" title="Check-worthiness: how specific and factual the claim is">
          check-worthiness {Math.round(claim.score * 100)}%
        </span>
      </p>
      {claim.changed && props.onConfirmChange && <ChangedBanner claim={claim} onConfirm={() => run(props.onConfirmChange!)} />}
      {props.articleText ? <ClaimInContext text={props.articleText} claim={claim} /> : <blockquote className="claim-context"><span className="claim-focus">{claim.text}</span></blockquote>}

      <div className="status-buttons" role="group" aria-label="Verdict">
        {MARKING_ORDER.map((status) => (
          <button
            key={status}
            type="button"
            className={`status-button status-${status}`}
            aria-pressed={shownStatus === status}
            onClick={() => choose(status)}
            aria-keyshortcuts={STATUS_TEXT[status].key}
          >
            <span aria-hidden="true">{STATUS_TEXT[status].icon}</span> {STATUS_TEXT[status].label}
            <kbd aria-hidden="true">{STATUS_TEXT[status].key}</kbd>
          </button>
        ))}
      </div>
      {guidance && (
        <p className="guidance" role="status">
          {guidance}
        </p>
      )}

      <label htmlFor="claim-note">
        Note <kbd aria-hidden="true">N</kbd>
      </label>
      <textarea
        id="claim-note"
        ref={noteRef}
        value={note}
        rows={3}
        onChange={(e) => setNote(e.target.value)}
        onBlur={commitText}
        onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && commitText()}
        placeholder="What you checked, against what, and what you found"
      />
      {shownStatus === 'disputed' && (
        <>
          <label htmlFor="claim-correction">
            Suggested correction <kbd aria-hidden="true">C</kbd>
          </label>
          <textarea
            id="claim-correction"
            ref={correctionRef}
            value={correction}
            rows={2}
            onChange={(e) => setCorrection(e.target.value)}
            onBlur={commitText}
            placeholder="How the sentence should read"
          />
        </>
      )}

      <SourcePicker sources={props.sources} cited={verdict.sourceIds} onToggle={toggleSource} onAdd={addSource} addOpen={addOpen} setAddOpen={setAddOpen} />

      <div className="save-state" aria-live="polite">
        {saveError ? (
          <p className="error" role="alert">
            Not saved: {saveError}
          </p>
        ) : saving ? (
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

      {(props.onSplit || props.onMerge || props.onSetAside) && !splitting && (
        <div className="segment-actions">
          {props.onSplit && (
            <button type="button" onClick={() => setSplitting(true)}>
              Split claim…
            </button>
          )}
          {props.onMerge && (
            <button type="button" onClick={() => run(props.onMerge!)}>
              Merge with next claim
            </button>
          )}
          {props.onSetAside && (
            <button type="button" onClick={() => run(props.onSetAside!)} aria-keyshortcuts="O">
              Not a claim <kbd aria-hidden="true">O</kbd>
            </button>
          )}
        </div>
      )}
      {splitting && props.onSplit && (
        <SplitChooser claim={claim} onCancel={() => setSplitting(false)} onSplit={(at) => run(() => props.onSplit!(at))} />
      )}

      <HistoryList history={claim.history} sources={props.sources} />
    </section>
  );
});
