import { useEffect, useRef, useState } from 'react';
import type { ArticleMeta, ArticleSummary } from '../../../../shared/model';
import { api } from '../../api/client';
import { FormFooter } from '../../app/FormFooter';
import { useFormSubmit } from '../../app/use-form-submit';
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
  const fields = useRef<HTMLDivElement>(null);
  useEffect(() => fields.current?.querySelector('input')?.focus(), []);
  const { busy, error, submit } = useFormSubmit(async () => {
    const { article } = await api['articles:updateMeta']({ id: props.articleId, meta });
    const saved = Object.fromEntries(Object.entries(meta).map(([k, v]) => [k, v.trim()])) as ArticleMeta;
    props.onSaved(article, saved);
  });

  return (
    <Dialog labelledBy="edit-meta-heading" className="edit-meta" onClose={props.onCancel} onSubmit={submit}>
        <h2 id="edit-meta-heading">Edit details</h2>
        <div ref={fields}>
          <MetaFields idPrefix="edit-meta" value={meta} onChange={setMeta} />
        </div>
        <FormFooter error={error} onCancel={props.onCancel} busy={busy} submit={busy ? 'Saving…' : 'Save'} />
    </Dialog>
  );
}
