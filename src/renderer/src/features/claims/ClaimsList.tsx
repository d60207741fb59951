import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { setAsideWords } from '../../../../shared/claim-edits';
import { STATUS_TEXT } from '../article/status-style';
import { SET_ASIDE_TAGS, type ListItem } from './list-items';

interface Props {
  /** The rows, in display order: claims, and set-aside segments when they are shown. */
  items: ListItem[];
  selectedId: string | null;
  checked: ReadonlySet<string>;
  onSelect: (id: string) => void;
  onCheck: (claimId: string, checked: boolean) => void;
}

/**
 * The claims, virtualized so a 5,000-claim article scrolls as smoothly as a short one.
 * Set-aside rows are dimmed and italic, carry their kind in words and no number, and
 * take no part in a bulk change.
 */
export function ClaimsList(props: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: props.items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 64,
    overscan: 12,
    getItemKey: (i) => props.items[i]!.id,
  });
  const selectedPosition = props.items.findIndex((item) => item.id === props.selectedId);

  useEffect(() => {
    if (selectedPosition >= 0) virtualizer.scrollToIndex(selectedPosition, { align: 'auto' });
  }, [selectedPosition, virtualizer]);

  return (
    <div className="claims-scroller" ref={scroller}>
      <ol className="claims-list" aria-label="Claims" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = props.items[row.index]!;
          const selected = item.id === props.selectedId;
          const common = {
            'data-index': row.index,
            ref: virtualizer.measureElement,
            style: { transform: `translateY(${row.start}px)` },
            'aria-setsize': props.items.length,
            'aria-posinset': row.index + 1,
          };
          if (item.kind === 'set-aside') {
            const { segment } = item;
            return (
              <li {...common} key={row.key} className={`claims-row set-aside${selected ? ' selected' : ''}`}>
                <span aria-hidden="true" />
                <button type="button" className="claims-row-button" aria-current={selected ? 'true' : undefined} onClick={() => props.onSelect(segment.id)}>
                  <span className="claim-number">
                    <span className="visually-hidden">Set aside as {setAsideWords(segment.setAside)}: </span>
                  </span>
                  <span className="status-icon set-aside-icon" aria-hidden="true">
                    ⊘
                  </span>
                  <span className="claim-text">{segment.text}</span>
                  <span className="set-aside-tag" aria-hidden="true">
                    {SET_ASIDE_TAGS[segment.setAside]}
                  </span>
                </button>
              </li>
            );
          }
          const { claim, number } = item;
          const status = STATUS_TEXT[claim.verdict.status];
          return (
            <li {...common} key={row.key} className={`claims-row status-${claim.verdict.status}${selected ? ' selected' : ''}`}>
              <input
                type="checkbox"
                aria-label={`Select claim ${number}`}
                checked={props.checked.has(claim.id)}
                onChange={(e) => props.onCheck(claim.id, e.target.checked)}
              />
              <button type="button" className="claims-row-button" aria-current={selected ? 'true' : undefined} onClick={() => props.onSelect(claim.id)}>
                <span className="claim-number">{number}</span>
                <span className="status-icon" role="img" aria-label={status.label}>
                  {status.icon}
                </span>
                <span className="claim-text">
                  {claim.changed && (
                    <span className="changed-mark" role="img" aria-label={claim.changed.confidence ? 'Moved: please confirm' : 'Changed since checked'}>
                      {claim.changed.confidence ? '?⚑' : '⚑'}{' '}
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
