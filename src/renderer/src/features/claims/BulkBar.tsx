import { useState } from 'react';
import type { VerdictPatch } from '../../../../shared/contract';
import type { Source, Status } from '../../../../shared/model';
import { errorMessage } from '../../api/client';
import { MARKING_ORDER, STATUS_TEXT } from '../article/status-style';

/** Sets the status of every selected claim at once; each claim's history records it. */
export function BulkBar(props: {
  count: number;
  sources: Source[];
  onApply: (patch: VerdictPatch) => Promise<void>;
  onClear: () => void;
}) {
  const [note, setNote] = useState('');
  const [sourceId, setSourceId] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function apply(status: Status) {
    const patch: VerdictPatch = { status };
    if (note.trim()) patch.note = note.trim();
    if (sourceId && (status === 'sourced' || status === 'verified')) patch.sourceIds = [sourceId];
    try {
      await props.onApply(patch);
      setError(null);
      setNote('');
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="bulk-bar" aria-label="Change the selected claims">
      <p>
        <strong>{props.count}</strong> selected
        <button type="button" className="link-button" onClick={props.onClear}>
          Clear selection
        </button>
      </p>
      <div className="filter-row">
        <input aria-label="Note for all selected (needed to dispute)" placeholder="Note for all (needed to dispute)" value={note} onChange={(e) => setNote(e.target.value)} />
        <select aria-label="Source for all selected (needed for sourced)" value={sourceId} onChange={(e) => setSourceId(e.target.value)}>
          <option value="">No source</option>
          {props.sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      <div className="status-buttons" role="group" aria-label="Set status of selected claims">
        {MARKING_ORDER.map((status) => (
          <button key={status} type="button" className={`status-button status-${status}`} onClick={() => apply(status)}>
            <span aria-hidden="true">{STATUS_TEXT[status].icon}</span> Mark {STATUS_TEXT[status].label.toLowerCase()}
          </button>
        ))}
      </div>
      {error && (
        <p className="error" role="alert">
          Not saved: {error}
        </p>
      )}
    </section>
  );
}
