import { Dialog } from '../../app/Dialog';

/** A yes/no question; the safe answer has the focus. */
export function ConfirmDialog(props: { title: string; body: string; confirm: string; onConfirm: () => void; onCancel: () => void }) {
  return (
    <Dialog role="alertdialog" labelledBy="confirm-title" describedBy="confirm-body" onClose={props.onCancel}>
      <h2 id="confirm-title">{props.title}</h2>
      <p id="confirm-body">{props.body}</p>
      <div className="actions">
        <button autoFocus type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" className="primary danger-fill" onClick={props.onConfirm}>
          {props.confirm}
        </button>
      </div>
    </Dialog>
  );
}
