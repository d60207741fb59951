import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../../api/client';

/** A new article from pasted copy, with the metadata the report will need. */
export function NewArticleForm({ onCreated, onCancel }: { onCreated: (id: string) => void; onCancel: () => void }) {
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { article } = await api['articles:create']({ text, meta: { title, sourceUrl } });
      onCreated(article.id);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <form className="new-article" onSubmit={submit} aria-labelledby="new-article-title" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <h2 id="new-article-title">New article</h2>
      <label htmlFor="article-text">Article text</label>
      <textarea
        id="article-text"
        autoFocus
        value={text}
        onChange={(e) => setText(e.target.value)}
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
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Splitting into claims…' : 'Split into claims'}
        </button>
      </div>
    </form>
  );
}
