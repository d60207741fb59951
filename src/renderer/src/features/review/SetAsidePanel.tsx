import { useState } from 'react';
import { setAsideWords } from '../../../../shared/claim-edits';
import type { SetAsideSegment, Source } from '../../../../shared/model';
import { errorMessage } from '../../api/client';
import { STATUS_TEXT } from '../article/status-style';
import { ClaimInContext } from './ClaimInContext';
import { HistoryList } from './HistoryList';

interface Props {
  segment: SetAsideSegment;
  /** The article's text, for the paragraph around the segment. */
  articleText: string;
  sources: Source[];
  /** Makes the segment a claim (P). */
  onPromote: () => Promise<void>;
}

/**
 * Text that is no claim, as the checker looks at it: in its paragraph, why it was
 * set aside, and the one thing to do with it, make it a claim. A claim the checker
 * set aside keeps its verdict, shown here, and gets it back when made a claim again.
 */
export function SetAsidePanel({ segment, articleText, sources, onPromote }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const words = setAsideWords(segment.setAside);
  const byChecker = segment.setAside === 'not-a-claim';
  const status = STATUS_TEXT[segment.verdict.status];

  async function promote() {
    setBusy(true);
    try {
      await onPromote();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <section className="claim-panel set-aside-panel" aria-label={`Set aside as ${words}`}>
      <p className="claim-position">
        <span className="set-aside-icon" aria-hidden="true">
          ⊘
        </span>{' '}
        <strong>Set aside as {words}</strong> · <span className="section-tag">{segment.section}</span>
      </p>
      <ClaimInContext text={articleText} claim={segment} />
      <p className="set-aside-why">
        {byChecker
          ? 'A checker ruled this is not a claim. It is not checked, and the report lists it with who set it aside.'
          : 'Factdesk took this for no claim. It is not checked; the report counts it as set aside.'}{' '}
        If it says something that can be checked, make it a claim.
      </p>
      {segment.verdict.status !== 'unchecked' && (
        <p className={`set-aside-verdict status-${segment.verdict.status}`}>
          <span aria-hidden="true">{status.icon}</span> It was {status.label.toLowerCase()} as a claim, and keeps that verdict
          {segment.verdict.note ? ` (note: “${segment.verdict.note}”)` : ''} if made a claim again.
        </p>
      )}
      <div className="segment-actions">
        <button type="button" className="primary" onClick={() => void promote()} disabled={busy} aria-keyshortcuts="P">
          Make it a claim <kbd aria-hidden="true">P</kbd>
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          Not saved: {error}
        </p>
      )}
      <HistoryList history={segment.history} sources={sources} />
    </section>
  );
}
