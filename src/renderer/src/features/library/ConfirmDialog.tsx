import { useEffect, useRef } from 'react';
import { Dialog } from '../../app/Dialog';

/** A yes/no question; the safe answer has the focus. */
export function ConfirmDialog(props: { title: string; body: string; confirm: string; onConfirm: () => void; onCancel: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
  }, []);
  return (
    <Dialog role="alertdialog" labelledBy="confirm-title" describedBy="confirm-body" onClose={props.onCancel}>
      <h2 id="confirm-title">{props.title}</h2>
      <p id="confirm-body">{props.body}</p>
      <div className="actions">
        <button ref={cancel} type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" className="primary danger-fill" onClick={props.onConfirm}>
          {props.confirm}
        </button>
      </div>
    </Dialog>
  );
}
