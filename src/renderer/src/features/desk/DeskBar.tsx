import { useState } from 'react';
import { JoinDeskDialog } from './JoinDeskDialog';
import { statusLine, useDeskStatus } from './use-desk';
import './desk.css';

// Said to every member: any of them could write in another's name until the admin installs the rules.
const UNGUARDED = 'The desk’s server does not enforce its rules (any member could write in another’s name): ask its admin to install them with scripts/desk-rules.mjs.';

/**
 * The shared desk in the top bar, so it is always in sight in the library and the
 * review desk: the sync status line once joined ("Synced", "3 changes waiting",
 * "Offline since 14:03", the error), else "Join a desk…".
 */
export function DeskBar() {
  const [status, refresh] = useDeskStatus();
  const [joining, setJoining] = useState(false);
  if (!status) return null;
  return (
    <div className="desk-bar">
      {status.joined ? (
        <p className={`desk-sync desk-sync-${status.state}`} role="status" aria-live="polite" title={`${status.sentence} (${status.user} on ${status.url})`}>
          <span className="desk-sync-dot" aria-hidden="true" />
          <span className="desk-sync-text">{statusLine(status)}</span>
          {status.disagreements > 0 && (
            <span className="desk-sync-disagreements">
              {' '}
              · {status.disagreements} desk disagreement{status.disagreements === 1 ? '' : 's'}
            </span>
          )}
          {status.serverRules === false && (
            <span className="desk-sync-unguarded" title={UNGUARDED}>
              {' '}
              · rules not enforced by the server
            </span>
          )}
        </p>
      ) : (
        <button type="button" className="desk-join" onClick={() => setJoining(true)}>
          Join a desk…
        </button>
      )}
      {joining && (
        <JoinDeskDialog
          onClose={() => setJoining(false)}
          onJoined={() => {
            setJoining(false);
            refresh();
          }}
        />
      )}
    </div>
  );
}
