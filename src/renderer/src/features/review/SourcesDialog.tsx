import { useEffect, useId, useRef, useState } from 'react';
import type { SourceInput } from '../../../../shared/contract';
import type { Claim, Source } from '../../../../shared/model';
import { errorMessage } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { SourceForm } from './SourceForm';

/** “claims 3, 7 and 12” */
function claimNumbers(numbers: number[]): string {
  if (numbers.length === 1) return `claim ${numbers[0]}`;
  return `claims ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}

/** What removing a source does to the claims citing it, in words, before it is done. */
export function removalWarning(source: Source, claims: readonly Claim[]): string | null {
  const citing = claims.flatMap((c, i) => (c.verdict.sourceIds.includes(source.id) ? [{ claim: c, number: i + 1 }] : []));
  if (citing.length === 0) return null;
  const alone = citing.filter(({ claim }) => claim.verdict.status === 'sourced' && claim.verdict.sourceIds.length === 1).map((c) => c.number);
  const rest = alone.length === 0 ? '' : ` ${alone.length === 1 ? `Claim ${alone[0]} rests` : `${capitalized(claimNumbers(alone))} rest`} on it alone and will be unchecked again.`;
  return `It is cited by ${claimNumbers(citing.map((c) => c.number))}; each will stop citing it, and its history will say so.${rest}`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Shift+A: the article's sources (the backup), each corrected in place or removed.
 * Removing a source that claims cite asks first, saying which claims and what happens
 * to them.
 */
export function SourcesDialog(props: {
  sources: Source[];
  claims: readonly Claim[];
  onUpdate: (sourceId: string, input: SourceInput) => Promise<void>;
  onRemove: (sourceId: string) => Promise<void>;
  onClose: () => void;
}) {
  const id = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Where the cursor goes once a form or question closes: that source's row (or the next one). */
  const [focusRow, setFocusRow] = useState<number | null>(props.sources.length > 0 ? 0 : null);
  const list = useRef<HTMLOListElement>(null);
  const done = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (focusRow === null) return;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('li .source-row-actions button:first-child');
    const target = buttons?.[Math.min(focusRow, (buttons?.length ?? 1) - 1)] ?? done.current;
    target?.focus();
    setFocusRow(null);
  }, [focusRow]);

  async function remove(source: Source, index: number) {
    setBusy(true);
    try {
      await props.onRemove(source.id);
      setRemoving(null);
      setError(null);
      setFocusRow(index);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function askToRemove(source: Source, index: number) {
    // Only a cited source is asked about; one nobody cites goes at once.
    if (removalWarning(source, props.claims)) setRemoving(source.id);
    else void remove(source, index);
  }

  return (
    <Dialog labelledBy={`${id}-title`} className="sources-dialog" onClose={props.onClose}>
      <h2 id={`${id}-title`}>Sources of this article ({props.sources.length})</h2>
      <p className="muted">The report’s source list (the backup). Correct a source here and every claim citing it shows the correction.</p>
      {props.sources.length === 0 && <p>There are no sources yet: A on a claim adds one and cites it.</p>}
      <ol className="source-rows" ref={list}>
        {props.sources.map((source, i) => {
          const warning = removalWarning(source, props.claims);
          const cites = props.claims.filter((c) => c.verdict.sourceIds.includes(source.id)).length;
          return (
            <li key={source.id}>
              {editing === source.id ? (
                <SourceForm
                  source={source}
                  label={`Edit source ${i + 1}`}
                  submit="Save source"
                  onSubmit={async (input) => {
                    await props.onUpdate(source.id, input);
                    setEditing(null);
                    setFocusRow(i);
                  }}
                  onCancel={() => {
                    setEditing(null);
                    setFocusRow(i);
                  }}
                />
              ) : (
                <>
                  <p className="source-row">
                    <span className="picker-number">{i + 1}</span>
                    <span className="source-kind">{source.kind}</span> <strong>{source.title}</strong>
                    {source.url && source.url !== source.title && <span className="muted source-url"> · {source.url}</span>}
                    <span className="muted"> · {cites === 0 ? 'not cited' : `cited by ${cites} claim${cites === 1 ? '' : 's'}`}</span>
                  </p>
                  {removing === source.id ? (
                    <div className="remove-question" role="group" aria-labelledby={`${id}-remove-${i}`}>
                      <p id={`${id}-remove-${i}`}>
                        <strong>Remove “{source.title}”?</strong> {warning}
                      </p>
                      <div className="actions">
                        <button
                          type="button"
                          autoFocus
                          onClick={() => {
                            setRemoving(null);
                            setFocusRow(i);
                          }}
                        >
                          Keep it
                        </button>
                        <button type="button" className="primary danger-fill" disabled={busy} onClick={() => void remove(source, i)}>
                          Remove the source
                        </button>
                      </div>
                    </div>
                  ) : (
                    <p className="source-row-actions">
                      <button type="button" onClick={() => setEditing(source.id)} aria-label={`Edit source ${i + 1}: ${source.title}`}>
                        Edit
                      </button>
                      <button type="button" className="danger" onClick={() => askToRemove(source, i)} aria-label={`Remove source ${i + 1}: ${source.title}`}>
                        Remove{warning ? '…' : ''}
                      </button>
                    </p>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ol>
      {error && (
        <p className="error" role="alert">
          Not saved: {error}
        </p>
      )}
      <div className="actions">
        <button ref={done} autoFocus={props.sources.length === 0} type="button" className="primary" onClick={props.onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
