import { useState } from 'react';
import type { DeskArticle } from '../../../../shared/desk-contract';
import { api, errorMessage } from '../../api/client';

interface Props {
  articleId: string;
  claimId: string;
  desk: DeskArticle;
  /** Whether the claim has a verdict by someone else: only then can this account give it a second read. */
  mayReadSecond: boolean;
  onChanged: () => void;
  onNotice: (text: string) => void;
}

/**
 * One small line above the claim on a desk: who it is assigned to and who gave it a
 * second read, with a button (in the tab order) to record this account's own.
 */
export function DeskClaimRoles({ articleId, claimId, desk, mayReadSecond, onChanged, onNotice }: Props) {
  const [error, setError] = useState<string | null>(null);
  const roles = desk.claimRoles[claimId];
  const notices = desk.notices.filter((n) => n.claimId === claimId);
  const canRead = mayReadSecond && !desk.locked && roles?.secondReader !== desk.user;
  if (!roles && !canRead && notices.length === 0) return null;

  async function readSecond() {
    try {
      await api['desk:secondRead']({ articleId, claimId });
      setError(null);
      onNotice('Second read recorded; the desk will see it at the next sync.');
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <div className="desk-roles">
      <p>
        {roles?.assignee ? <>Assigned to <strong>{roles.assignee}</strong></> : <span className="muted">Not assigned</span>}
        {' · '}
        {roles?.secondReader ? <>second read by <strong>{roles.secondReader}</strong></> : <span className="muted">no second read yet</span>}
        {canRead && (
          <button type="button" className="link-button" onClick={() => void readSecond()}>
            Record my second read
          </button>
        )}
      </p>
      {notices.map((n) => (
        <p key={`${n.at}${n.text}`} className="desk-notice" role="note">
          <strong>Desk notice:</strong> {n.text}
        </p>
      ))}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
