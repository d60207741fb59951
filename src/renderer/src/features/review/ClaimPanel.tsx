import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import type { VerdictPatch } from '../../../../shared/contract';
import type { Claim, HistoryEntry, Source, SourceKind, Status } from '../../../../shared/model';
import { checkVerdictRules } from '../../../../shared/verdicts';
import { errorMessage } from '../../api/client';
import { SourcePicker } from './SourcePicker';
import { MARKING_ORDER, STATUS_TEXT } from './status-style';

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
  sources: Source[];
  onPatch: (patch: VerdictPatch) => Promise<{ warnings: string[] }>;
  onAddSource: (source: { kind: SourceKind; title: string; url: string }) => Promise<Source>;
}

/** One claim's verdict: status, note, correction and cited sources. Every change saves at once. */
export const ClaimPanel = forwardRef<ClaimPanelHandle, Props>(function ClaimPanel(props, ref) {
  const { claim } = props;
  const verdict = claim.verdict;
  const [note, setNote] = useState(verdict.note);
  const [correction, setCorrection] = useState(verdict.correction);
  const [pending, setPending] = useState<Status | null>(null);
  const [guidance, setGuidance] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [addOpen, setAddOpen] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const correctionRef = useRef<HTMLTextAreaElement>(null);

  async function save(patch: VerdictPatch): Promise<void> {
    setSaving(true);
    try {
      const result = await props.onPatch(patch);
      setWarnings(result.warnings);
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

  function toggleSource(sourceId: string, cite: boolean): void {
    const sourceIds = cite ? [...verdict.sourceIds, sourceId] : verdict.sourceIds.filter((id) => id !== sourceId);
    if (pending) return choose(pending, sourceIds);
    void save({ sourceIds });
  }

  async function addSource(input: { kind: SourceKind; title: string; url: string }): Promise<void> {
    const source = await props.onAddSource(input);
    toggleSource(source.id, true);
  }

  useImperativeHandle(ref, () => ({
    choose: (status) => choose(status),
    focusNote: () => noteRef.current?.focus(),
    focusCorrection: () => correctionRef.current?.focus(),
    openAddSource: () => setAddOpen(true),
  }));

  const shownStatus = pending ?? verdict.status;
  return (
    <section className={`claim-panel status-${verdict.status}`} aria-label={`Claim ${props.number} of ${props.total}`}>
      <p className="claim-position">
        Claim {props.number} of {props.total} · <span className="section-tag">{claim.section}</span>
        {claim.labels.map((label) => (
          <span key={label} className="label-tag">
            {label}
          </span>
        ))}
      </p>
      <blockquote className="claim-quote">{claim.text}</blockquote>

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

      <label htmlFor="claim-note">Note</label>
      <textarea
        id="claim-note"
        ref={noteRef}
        value={note}
        rows={3}
        onChange={(e) => setNote(e.target.value)}
        onBlur={commitText}
        onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && commitText()}
        placeholder="What you checked and how"
      />
      {shownStatus === 'disputed' && (
        <>
          <label htmlFor="claim-correction">Suggested correction</label>
          <textarea
            id="claim-correction"
            ref={correctionRef}
            value={correction}
            rows={2}
            onChange={(e) => setCorrection(e.target.value)}
            onBlur={commitText}
          />
        </>
      )}

      <SourcePicker
        sources={props.sources}
        cited={verdict.sourceIds}
        onToggle={toggleSource}
        onAdd={addSource}
        addOpen={addOpen}
        setAddOpen={setAddOpen}
      />

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

      {claim.history.length > 0 && (
        <details className="history">
          <summary>History ({claim.history.length})</summary>
          <ol>
            {claim.history.map((entry, i) => (
              <li key={i}>{describeEntry(entry, props.sources)}</li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
});

function describeEntry(entry: HistoryEntry, sources: Source[]): string {
  const when = new Date(entry.at).toLocaleString();
  const title = (id: string) => sources.find((s) => s.id === id)?.title ?? id;
  const parts = entry.changes.map((change) => {
    if (change.field === 'status') return `status ${String(change.from)} → ${String(change.to)}`;
    if (change.field === 'sourceIds') return `sources: ${(change.to as string[]).map(title).join(', ') || 'none'}`;
    return `${change.field} “${String(change.to)}”`;
  });
  return `${when} · ${entry.by}: ${parts.join('; ')}${entry.detail ? ` (${entry.detail})` : ''}`;
}
