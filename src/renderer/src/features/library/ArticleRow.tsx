import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ArticleSummary } from '../../../../shared/model';
import { errorMessage } from '../../api/client';
import { ProgressBar } from '../article/ProgressBar';
import { addedWhen } from './DuplicateNotice';
import { FormFooter } from '../../app/FormFooter';

/** One article in the library: open it, rename it, delete it (with confirmation). The list supplies the list item. */
export function ArticleRow(props: {
  article: ArticleSummary;
  /** The older article this one looks like a copy of: the row says so. */
  copyOf?: ArticleSummary;
  onOpen: () => void;
  onRename: (title: string) => Promise<void>;
  onDelete: () => void;
}) {
  const a = props.article;
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(a.title);
  const [error, setError] = useState<string | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);

  // Leaving the rename form (saved or cancelled) puts the focus back on Rename, not on the page.
  const wasRenaming = useRef(false);
  useEffect(() => {
    if (wasRenaming.current && !renaming) renameButton.current?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);

  async function rename(event: FormEvent) {
    event.preventDefault();
    try {
      await props.onRename(title);
      setRenaming(false);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const checked = a.total - a.counts.unchecked;
  return (
    <div className="article-item">
      {renaming ? (
        <form className="rename-form" onSubmit={rename} onKeyDown={(e) => e.key === 'Escape' && setRenaming(false)}>
          <label htmlFor={`rename-${a.id}`}>New title</label>
          <input id={`rename-${a.id}`} value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
          <FormFooter error={error} onCancel={() => setRenaming(false)} busy={false} submit="Rename" />
        </form>
      ) : (
        <button type="button" className="article-row" onClick={props.onOpen}>
          <span className="article-title">{a.title}</span>
          <span className="article-meta">
            {[a.publication, `added ${new Date(a.createdAt).toLocaleDateString()}`].filter(Boolean).join(' · ')}
          </span>
          <ProgressBar counts={a.counts} total={a.total} />
          <span className="article-counts">
            {checked} of {a.total} checked · {a.counts.disputed} disputed · {a.counts.unchecked} unchecked
            {a.changed > 0 && (
              <>
                {' · '}
                <strong className="changed-count">⚑ {a.changed} changed since checked</strong>
              </>
            )}
          </span>
          {props.copyOf && (
            <span className="copy-mark">
              <span aria-hidden="true">≈ </span>Looks like a copy of the one added {addedWhen(props.copyOf.createdAt)}
            </span>
          )}
        </button>
      )}
      {!renaming && (
        <div className="row-actions">
          <button type="button" ref={renameButton} onClick={() => setRenaming(true)} aria-label={`Rename “${a.title}”`}>
            Rename
          </button>
          <button type="button" className="danger" onClick={props.onDelete} aria-label={`Delete “${a.title}”`}>
            Delete
          </button>
        </div>
      )}
    </div>
  );
}
