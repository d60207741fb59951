import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { formatList } from '../../../../shared/import-formats';
import type { DuplicateOf } from '../../../../shared/contract';
import { api, errorMessage } from '../../api/client';
import { DuplicateNotice } from '../library/DuplicateNotice';
import { MetaFields, type MetaDraft } from './MetaFields';
import { DropOverlay } from '../../files/DropOverlay';
import { HiddenFileInput } from '../../files/HiddenFileInput';
import { ACCEPT, readPickedFile, type PickedFile } from '../../files/read-file';
import { useFileDrop } from '../../files/use-file-drop';
import './import.css';

export interface ImportPanelHandle {
  /** Opens the file picker (the native open dialog in the desktop app). */
  openPicker(): void;
}

type State =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'review'; file: PickedFile; meta: MetaDraft; preview: string; claimCount: number; conflict?: string; duplicateOf?: DuplicateOf; notice?: string }
  | { step: 'importing'; file: PickedFile; meta: MetaDraft; preview: string; claimCount: number; duplicateOf?: DuplicateOf; notice?: string };

/**
 * A file into an article: pick it (or drop it on the window, or File > Open… in
 * the desktop app), see what Factdesk found (metadata, preview, claim count),
 * correct the details, import. Nothing is created until “Import”; a file that
 * cannot be imported gets its one sentence and nothing else.
 */
export function ImportPanel({ onImported, ref }: { onImported: (id: string) => void; ref?: Ref<ImportPanelHandle> }) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const titleField = useRef<HTMLDivElement>(null);

  useImperativeHandle(ref, () => ({ openPicker: () => input.current?.click() }), []);

  async function inspect(read: () => Promise<PickedFile>, fileName: string) {
    setError(null);
    setState({ step: 'reading', fileName });
    try {
      const file = await read();
      const result = await api['articles:inspect'](file);
      setState({ step: 'review', file, ...result });
    } catch (e) {
      setError(errorMessage(e));
      setState({ step: 'idle' });
    }
  }

  const inspectFile = (file: File) => void inspect(() => readPickedFile(file), file.name);

  const dragging = useFileDrop(inspectFile, (message) => {
    setError(message);
    setState({ step: 'idle' });
  });

  useEffect(() => {
    return window.factdeskMenu?.onMenuCommand((command, opened) => {
      if (command !== 'menu:open-file') return;
      if (!opened) return input.current?.click();
      if (opened.error) return setError(opened.error);
      void inspect(async () => opened, opened.fileName);
    });
  }, []);

  useEffect(() => {
    if (state.step === 'review') titleField.current?.querySelector('input')?.focus();
  }, [state.step]);

  async function submit(event: { preventDefault(): void }, onConflict: 'ask' | 'copy' | 'replace' = 'ask') {
    event.preventDefault();
    if (state.step !== 'review') return;
    setError(null);
    setState({ ...state, step: 'importing' });
    try {
      const { article } = await api['articles:import']({ ...state.file, meta: state.meta, onConflict });
      setState({ step: 'idle' });
      onImported(article.id);
    } catch (e) {
      const message = errorMessage(e);
      const conflict = (e as { code?: string }).code === 'conflict' ? message : undefined;
      setState({ ...state, step: 'review', conflict });
      if (!conflict) setError(message);
    }
  }

  return (
    <>
      <HiddenFileInput ref={input} accept={ACCEPT} label="Article file to import" testId="import-file-input" onFile={inspectFile} />
      {dragging && <DropOverlay title="Drop the file to import it" hint={formatList('import')} />}
      {error && (
        <p className="error import-error" role="alert">
          {error}
        </p>
      )}
      {state.step === 'reading' && (
        <p className="import-status" role="status">
          Reading “{state.fileName}”…
        </p>
      )}
      {(state.step === 'review' || state.step === 'importing') && (
        <form className="import-review" aria-labelledby="import-review-heading" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && setState({ step: 'idle' })}>
          <h2 id="import-review-heading">Import “{state.file.fileName}”</h2>
          <p className="muted">Check the details Factdesk found in the file; you can change them later too.</p>
          <div ref={titleField}>
            <MetaFields idPrefix="import" value={state.meta} onChange={(meta) => state.step === 'review' && setState({ ...state, meta })} />
          </div>
          {/* How the text was read, when the checker must know: a page showing less than its own data holds. */}
          {state.notice && (
            <p className="import-notice" role="note">
              {state.notice}
            </p>
          )}
          <p className="import-count">
            {state.claimCount === 1 ? '1 claim' : `${state.claimCount} claims`} found. The text begins:
          </p>
          {/* It scrolls, so it takes the focus: the keyboard can scroll it too (axe: scrollable-region-focusable). */}
          <blockquote className="import-preview" aria-label="Text preview" tabIndex={0}>
            {state.preview}
          </blockquote>
          {/* Text the library already has is said before Import, not only refused at it. */}
          {state.step === 'review' && state.duplicateOf && !state.conflict && (
            <DuplicateNotice
              duplicate={state.duplicateOf}
              copyLabel="Import a copy"
              autoFocus={false}
              onOpen={() => {
                const id = state.duplicateOf!.id;
                setState({ step: 'idle' });
                onImported(id);
              }}
              onCopy={() => void submit({ preventDefault() {} }, 'copy')}
            />
          )}
          {state.step === 'review' && state.conflict && (
            <div className="import-conflict" role="alert">
              <p>{state.conflict}</p>
              <p className="muted">Replacing keeps the library’s current version, verdicts and all, among the article’s backups.</p>
              <div className="actions">
                <button type="button" onClick={(e) => void submit(e, 'copy')}>Import as a copy</button>
                <button type="button" onClick={(e) => void submit(e, 'replace')}>Replace the library’s version</button>
              </div>
            </div>
          )}
          <div className="actions">
            <button type="button" onClick={() => setState({ step: 'idle' })}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={state.step === 'importing'}>
              {state.step === 'importing' ? 'Importing…' : 'Import'}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
