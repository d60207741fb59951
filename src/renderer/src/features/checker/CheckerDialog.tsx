import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client';
import { Dialog } from '../../app/Dialog';

/** Asks who is checking; every verdict and history entry carries this name. */
export function CheckerDialog(props: {
  initial: string;
  onSave: (name: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setError('Type your name: it goes on every verdict you make.');
    try {
      await props.onSave(name.trim());
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <Dialog labelledBy="checker-title" onClose={props.onCancel} onSubmit={submit}>
      <h2 id="checker-title">Who is checking?</h2>
      <p className="muted">Your name goes on every verdict and in each claim’s history.</p>
      <label htmlFor="checker-name">Checker’s name</label>
      <input id="checker-name" autoFocus value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
      {error && <p className="error" role="alert">{error}</p>}
      <div className="actions">
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary">
          Save
        </button>
      </div>
    </Dialog>
  );
}
