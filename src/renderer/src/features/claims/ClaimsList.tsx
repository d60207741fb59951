import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { Claim } from '../../../../shared/model';
import { STATUS_TEXT } from '../article/status-style';

interface Props {
  claims: Claim[];
  /** Indexes into `claims`, in display order. */
  order: number[];
  selectedId: string | null;
  checked: ReadonlySet<string>;
  onSelect: (claimId: string) => void;
  onCheck: (claimId: string, checked: boolean) => void;
}

/** The claims, virtualized so a 5,000-claim article scrolls as smoothly as a short one. */
export function ClaimsList(props: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: props.order.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 64,
    overscan: 12,
    getItemKey: (i) => props.claims[props.order[i]!]!.id,
  });
  const selectedPosition = props.order.findIndex((i) => props.claims[i]!.id === props.selectedId);

  useEffect(() => {
    if (selectedPosition >= 0) virtualizer.scrollToIndex(selectedPosition, { align: 'auto' });
  }, [selectedPosition, virtualizer]);

  return (
    <div className="claims-scroller" ref={scroller}>
      <ol className="claims-list" aria-label="Claims" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const index = props.order[row.index]!;
          const claim = props.claims[index]!;
          const status = STATUS_TEXT[claim.verdict.status];
          const selected = claim.id === props.selectedId;
          return (
            <li
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              className={`claims-row status-${claim.verdict.status}${selected ? ' selected' : ''}`}
              style={{ transform: `translateY(${row.start}px)` }}
              aria-setsize={props.order.length}
              aria-posinset={row.index + 1}
            >
              <input
                type="checkbox"
                aria-label={`Select claim ${index + 1}`}
                checked={props.checked.has(claim.id)}
                onChange={(e) => props.onCheck(claim.id, e.target.checked)}
              />
              <button type="button" className="claims-row-button" aria-current={selected ? 'true' : undefined} onClick={() => props.onSelect(claim.id)}>
                <span className="claim-number">{index + 1}</span>
                <span className="status-icon" role="img" aria-label={status.label}>
                  {status.icon}
                </span>
                <span className="claim-text">
                  {claim.changed && (
                    <span className="changed-mark" role="img" aria-label="Changed since checked">
                      ⚑{' '}
                    </span>
                  )}
                  {claim.text}
                </span>
                {claim.section !== 'body' && <span className="section-tag">{claim.section}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
