import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ArticleMeta, ArticleSummary } from '../../../../shared/model';
import { api, errorMessage } from '../../api/client';
import { MetaFields } from './MetaFields';
import './import.css';
import { Dialog } from '../../app/Dialog';

/**
 * “Edit details”: an article's title, source URL, author, publication and date
 * after import. Saves through articles:updateMeta; a refusal is shown, nothing saved.
 */
export function EditMetaDialog(props: {
  articleId: string;
  meta: ArticleMeta;
  onSaved: (summary: ArticleSummary, meta: ArticleMeta) => void;
  onCancel: () => void;
}) {
  const [meta, setMeta] = useState<ArticleMeta>(props.meta);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = useRef<HTMLDivElement>(null);
  useEffect(() => fields.current?.querySelector('input')?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { article } = await api['articles:updateMeta']({ id: props.articleId, meta });
      const saved = Object.fromEntries(Object.entries(meta).map(([k, v]) => [k, v.trim()])) as ArticleMeta;
      props.onSaved(article, saved);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <Dialog labelledBy="edit-meta-heading" className="edit-meta" onClose={props.onCancel} onSubmit={submit}>
        <h2 id="edit-meta-heading">Edit details</h2>
        <div ref={fields}>
          <MetaFields idPrefix="edit-meta" value={meta} onChange={setMeta} />
        </div>
        {error && <p className="error" role="alert">{error}</p>}
        <div className="actions">
          <button type="button" onClick={props.onCancel}>Cancel</button>
          <button type="submit" className="primary" disabled={busy}>{busy ? 'Saving…' : 'Save'}</button>
        </div>
    </Dialog>
  );
}
