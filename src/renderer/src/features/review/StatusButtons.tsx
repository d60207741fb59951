import type { Status } from '../../../../shared/model';
import { MARKING_ORDER, STATUS_TEXT } from '../article/status-style';

/**
 * The four verdict buttons and, under them, what a verdict still waiting for its note
 * or source needs: for a claim (ClaimPanel) and for a fact inside it (FactCard).
 */
export function StatusButtons(props: {
  /** The group's name: “Verdict”, “Fact verdict”. */
  label: string;
  /** Said before each button's status (“Fact”), so two groups on screen have distinct buttons. */
  buttonPrefix?: string;
  className?: string;
  /** The status shown as pressed: a pending one while it waits for its note or source. */
  shown: Status;
  guidance: string | null | undefined;
  onChoose(status: Status): void;
}) {
  return (
    <>
      <div className={props.className ? `status-buttons ${props.className}` : 'status-buttons'} role="group" aria-label={props.label}>
        {MARKING_ORDER.map((status: Status) => (
          <button
            key={status}
            type="button"
            className={`status-button status-${status}`}
            aria-pressed={props.shown === status}
            onClick={() => props.onChoose(status)}
            aria-keyshortcuts={STATUS_TEXT[status].key}
            {...(props.buttonPrefix ? { 'aria-label': `${props.buttonPrefix} ${STATUS_TEXT[status].label.toLowerCase()}` } : {})}
          >
            <span aria-hidden="true">{STATUS_TEXT[status].icon}</span> {STATUS_TEXT[status].label}
            <kbd aria-hidden="true">{STATUS_TEXT[status].key}</kbd>
          </button>
        ))}
      </div>
      {props.guidance && (
        <p className="guidance" role="status">
          {props.guidance} <span className="muted">Esc or U cancels.</span>
        </p>
      )}
    </>
  );
}
