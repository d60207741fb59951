import { useEffect, useRef } from 'react';
import type { DuplicateOf } from '../../../../shared/contract';

/** “Mar 2, 2026, 11:30 AM”: when an article was added, in the reader's time and words, as the library shows it. */
export function addedWhen(createdAt: string): string {
  const date = new Date(createdAt);
  return Number.isNaN(date.getTime()) ? createdAt : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * New text the library already has: says which article it looks like and when that
 * one was added, and offers to open it or add a copy anyway. The focus moves to
 * “Open”, so the choice is one key away; Tab reaches the copy; Esc leaves the form.
 * For the paste form here and the import preview (src/renderer/src/features/import).
 */
export function DuplicateNotice(props: {
  duplicate: DuplicateOf;
  /** “Add a copy” (a paste) or “Import a copy” (a file). */
  copyLabel?: string;
  busy?: boolean;
  /** Moves the focus to “Open” when shown (the default). */
  autoFocus?: boolean;
  onOpen: () => void;
  onCopy: () => void;
}) {
  const { duplicate } = props;
  const open = useRef<HTMLButtonElement>(null);
  const autoFocus = props.autoFocus ?? true;
  useEffect(() => {
    if (!autoFocus) return;
    open.current?.focus();
    open.current?.scrollIntoView({ block: 'nearest' });
  }, [duplicate.id, autoFocus]);
  const messageId = `duplicate-${duplicate.id}`;
  return (
    <div className="duplicate-notice" role="group" aria-labelledby={messageId}>
      <p id={messageId} role="alert">
        This looks like “<strong>{duplicate.title}</strong>”, added on {addedWhen(duplicate.createdAt)}; open it instead, or add a copy.
        {!duplicate.sameText && <span className="muted"> Nearly all of its passages are the same as this text.</span>}
      </p>
      <div className="actions">
        <button type="button" ref={open} className="primary" onClick={props.onOpen}>
          Open “{duplicate.title}”
        </button>
        <button type="button" onClick={props.onCopy} disabled={props.busy}>
          {props.copyLabel ?? 'Add a copy'}
        </button>
      </div>
    </div>
  );
}
