import type { Status } from '../../../../shared/model';
import { Dialog } from '../../app/Dialog';
import { STATUS_TEXT } from '../article/status-style';

/** Shown when the last unchecked claim has been ruled on. */
export function DoneSummary(props: {
  counts: Record<Status, number>;
  total: number;
  onExport: () => void;
  onLibrary: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog labelledBy="done-title" onClose={props.onClose}>
      <h2 id="done-title">Every claim is checked</h2>
      <p>All {props.total} claims have a verdict:</p>
      <ul className="done-counts">
        {(['verified', 'sourced', 'disputed'] as const).map((s) => (
          <li key={s} className={`status-${s}`}>
            <span aria-hidden="true">{STATUS_TEXT[s].icon}</span> {props.counts[s]} {STATUS_TEXT[s].label.toLowerCase()}
          </li>
        ))}
      </ul>
      {props.counts.disputed > 0 && <p className="muted">The report lists the disputed claims first, with your corrections.</p>}
      <div className="actions">
        <button type="button" onClick={props.onClose}>
          Keep reviewing
        </button>
        <button type="button" onClick={props.onLibrary}>
          Back to the library
        </button>
        <button autoFocus type="button" className="primary" onClick={props.onExport}>
          Export the report
        </button>
      </div>
    </Dialog>
  );
}
