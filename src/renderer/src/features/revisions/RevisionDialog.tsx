import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client';
import { Dialog } from '../../app/Dialog';

/** Paste the new draft of the article; verdicts follow their claims into it. */
export function RevisionDialog(props: { onRevise: (text: string) => Promise<string>; onClose: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      setResult(await props.onRevise(text));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog labelledBy="revision-title" className="revision-dialog" onClose={props.onClose} onSubmit={submit}>
      <h2 id="revision-title">New revision</h2>
      {result ? (
        <p role="status" className="revision-result">
          {result}
        </p>
      ) : (
        <>
          <p className="muted">Paste the whole edited draft. Unchanged claims keep their verdicts; changed ones are flagged; vanished ones are kept as orphans.</p>
          <label htmlFor="revision-text">Edited article text</label>
          <textarea id="revision-text" autoFocus rows={14} value={text} onChange={(e) => setText(e.target.value)} />
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={props.onClose}>
          {result ? 'Close' : 'Cancel'}
        </button>
        {!result && (
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Matching claims…' : 'Apply revision'}
          </button>
        )}
      </div>
    </Dialog>
  );
}
