import type { Status } from '../../../../shared/model';

const ORDER: Status[] = ['verified', 'sourced', 'disputed'];

/** A stacked bar of checked claims by status; unchecked is the empty track. */
export function ProgressBar({ counts, total }: { counts: Record<Status, number>; total: number }) {
  const checked = total - counts.unchecked;
  return (
    <span
      className="progress"
      role="progressbar"
      aria-label="Claims checked"
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={checked}
      aria-valuetext={`${checked} of ${total} claims checked`}
    >
      {ORDER.map((status) =>
        counts[status] > 0 ? (
          <span key={status} className={`progress-part status-${status}`} style={{ width: `${(100 * counts[status]) / Math.max(total, 1)}%` }} />
        ) : null,
      )}
    </span>
  );
}
