import { Dialog } from '../../app/Dialog';
import type { Claim } from '../../../../shared/model';
import { STATUS_TEXT } from '../article/status-style';

/** Claims that vanished in a revision, with the verdicts and notes they carried. */
export function OrphansDialog({ orphans, onClose }: { orphans: Claim[]; onClose: () => void }) {
  return (
    <Dialog labelledBy="orphans-title" className="orphans-dialog" onClose={onClose}>
      <h2 id="orphans-title">Claims no longer in the article ({orphans.length})</h2>
      <p className="muted">A revision removed or rewrote these beyond recognition. Their verdicts and notes are kept here.</p>
      <ol className="orphans">
        {orphans.map((o) => (
          <li key={o.id}>
            <p className="orphan-text">{o.text}</p>
            <p className={`status-${o.verdict.status}`}>
              <span aria-hidden="true">{STATUS_TEXT[o.verdict.status].icon}</span> {STATUS_TEXT[o.verdict.status].label}
              {o.verdict.checker && <span className="muted"> · {o.verdict.checker}</span>}
            </p>
            {o.verdict.note && <p className="muted">Note: {o.verdict.note}</p>}
            {o.verdict.correction && <p className="muted">Correction: {o.verdict.correction}</p>}
          </li>
        ))}
      </ol>
      <div className="actions">
        <button autoFocus type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
