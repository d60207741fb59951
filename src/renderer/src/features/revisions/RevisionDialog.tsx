import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formatList } from '../../../../shared/import-formats';
import { errorMessage } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { DropOverlay } from '../../files/DropOverlay';
import { HiddenFileInput } from '../../files/HiddenFileInput';
import { ACCEPT_DRAFT, readPickedFile, type PickedFile } from '../../files/read-file';
import { useFileDrop } from '../../files/use-file-drop';
import './revisions.css';

const DRAFT_FORMATS = formatList('draft');

/**
 * The new draft of the article, pasted or from a file (chosen or dropped on the
 * window); verdicts follow their claims into it. A chosen file is applied at once.
 */
export function RevisionDialog(props: { onRevise: (draft: { text: string } | { file: PickedFile }) => Promise<string>; onClose: () => void }) {
  const [text, setText] = useState('');
  /** The file being read and applied; its own name is in the result or the error after. */
  const [reading, setReading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  // The controls that had focus are gone once the result shows: Close takes it, so Esc and Enter still work.
  useEffect(() => {
    if (result) close.current?.focus();
  }, [result]);

  async function run(revise: () => Promise<string>) {
    setBusy(true);
    try {
      setResult(await revise());
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      setReading(null);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(() => props.onRevise({ text }));
  }

  function applyFile(file: File) {
    if (busy || result) return;
    setReading(file.name);
    void run(async () => props.onRevise({ file: await readPickedFile(file) }));
  }

  // Once applied, the dialog only reports: a later drop (or a dropped folder) is ignored.
  const dragging = useFileDrop(applyFile, (message) => !result && setError(message));

  return (
    <>
      {dragging && !busy && !result && <DropOverlay title="Drop the file to apply it as the new revision" hint={DRAFT_FORMATS} />}
      <Dialog labelledBy="revision-title" className="revision-dialog" onClose={props.onClose} onSubmit={submit}>
        <h2 id="revision-title">New revision</h2>
        {result ? (
          <p role="status" className="revision-result">
            {result}
          </p>
        ) : (
          <>
            <p className="muted">
              Paste the whole edited draft, or choose the file it is in. Unchanged claims keep their verdicts; changed ones are flagged; vanished ones are kept
              as orphans.
            </p>
            <label htmlFor="revision-text">Edited article text</label>
            <textarea id="revision-text" autoFocus rows={14} value={text} onChange={(e) => setText(e.target.value)} />
            <div className="revision-file">
              <button type="button" onClick={() => input.current?.click()} disabled={busy} aria-describedby="revision-file-note">
                Choose file…
              </button>
              <span id="revision-file-note" className="muted" role="status">
                {reading ? `Reading “${reading}”…` : `or drop it on this window: ${DRAFT_FORMATS}`}
              </span>
              <HiddenFileInput ref={input} accept={ACCEPT_DRAFT} label="File with the edited article" testId="revision-file-input" onFile={applyFile} />
            </div>
          </>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" ref={close} onClick={props.onClose}>
            {result ? 'Close' : 'Cancel'}
          </button>
          {!result && (
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Matching claims…' : 'Apply revision'}
            </button>
          )}
        </div>
      </Dialog>
    </>
  );
}
