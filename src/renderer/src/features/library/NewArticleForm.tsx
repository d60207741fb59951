import { useState, type FormEvent } from 'react';
import type { DuplicateOf } from '../../../../shared/contract';
import { api, errorMessage } from '../../api/client';
import { DuplicateNotice } from './DuplicateNotice';

/**
 * A new article from pasted copy, with the metadata the report will need. Copy the
 * library already has is not added again silently: the form says which article it
 * looks like and offers to open that one or add a copy.
 */
export function NewArticleForm({ onOpen, onCancel }: { onOpen: (id: string) => void; onCancel: () => void }) {
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [duplicate, setDuplicate] = useState<DuplicateOf | null>(null);

  async function create(allowDuplicate: boolean) {
    setBusy(true);
    setError(null);
    try {
      const { article } = await api['articles:create']({ text, meta: { title, sourceUrl }, allowDuplicate });
      onOpen(article.id);
    } catch (e) {
      // Refused as a duplicate: ask which article it repeats, to offer it by name.
      if (!allowDuplicate && (e as { code?: string }).code === 'conflict') {
        const found = await api['articles:inspect']({ text }).then((r) => r.duplicateOf, () => undefined);
        if (found) {
          setDuplicate(found);
          setBusy(false);
          return;
        }
      }
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void create(false);
  }

  return (
    <form className="new-article" onSubmit={submit} aria-labelledby="new-article-title" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <h2 id="new-article-title">New article</h2>
      <label htmlFor="article-text">Article text</label>
      <textarea
        id="article-text"
        autoFocus
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setDuplicate(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
        }}
        rows={12}
        placeholder="Paste the article here: headline, byline, body, captions… (Ctrl+Enter splits it)"
      />
      <div className="field-row">
        <div>
          <label htmlFor="article-title">Title (optional; the first line otherwise)</label>
          <input id="article-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div>
          <label htmlFor="article-url">Source URL (optional)</label>
          <input id="article-url" value={sourceUrl} onChange={(e) => setSourceUrl(e.target.value)} inputMode="url" />
        </div>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {duplicate && <DuplicateNotice duplicate={duplicate} busy={busy} onOpen={() => onOpen(duplicate.id)} onCopy={() => void create(true)} />}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className={duplicate ? undefined : 'primary'} disabled={busy}>
          {busy ? 'Splitting into claims…' : 'Split into claims'}
        </button>
      </div>
    </form>
  );
}
