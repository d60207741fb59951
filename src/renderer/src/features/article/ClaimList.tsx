import { useEffect, useRef } from 'react';
import type { Claim } from '../../../../shared/model';
import { STATUS_TEXT } from './status-style';

export function ClaimList(props: { claims: Claim[]; selected: number; onSelect: (index: number) => void }) {
  const selectedRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'nearest' });
  }, [props.selected]);

  return (
    <ol className="claim-list" aria-label="Claims in article order">
      {props.claims.map((claim, index) => {
        const status = STATUS_TEXT[claim.verdict.status];
        return (
          <li key={claim.id}>
            <button
              type="button"
              ref={index === props.selected ? selectedRef : undefined}
              className={`claim-item status-${claim.verdict.status}${index === props.selected ? ' selected' : ''}`}
              aria-current={index === props.selected ? 'true' : undefined}
              onClick={() => props.onSelect(index)}
            >
              <span className="claim-number">{index + 1}</span>
              <span className="status-icon" aria-label={status.label} title={status.label}>
                {status.icon}
              </span>
              <span className="claim-text">{claim.text}</span>
              {claim.section !== 'body' && <span className="section-tag">{claim.section}</span>}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
