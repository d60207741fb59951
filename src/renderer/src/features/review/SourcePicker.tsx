import { useState, type FormEvent } from 'react';
import type { SourceInput } from '../../../../shared/contract';
import { SOURCE_KINDS, type Source, type SourceKind } from '../../../../shared/model';
import { errorMessage } from '../../api/client';

const EMPTY = { kind: 'web' as SourceKind, title: '', url: '', contact: '', accessedAt: '', excerpt: '' };

/** The claim's cited sources, picked from the article's list (the backup) or added on the spot. */
export function SourcePicker(props: {
  sources: Source[];
  cited: string[];
  onToggle: (sourceId: string, cite: boolean) => void;
  onAdd: (source: SourceInput) => Promise<void>;
  addOpen: boolean;
  setAddOpen: (open: boolean) => void;
}) {
  const [draft, setDraft] = useState(() => ({ ...EMPTY, accessedAt: new Date().toISOString().slice(0, 10) }));
  const [error, setError] = useState<string | null>(null);
  const field = (name: keyof typeof EMPTY) => ({
    value: draft[name],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: e.target.value })),
  });

  async function add(event: FormEvent) {
    event.preventDefault();
    try {
      await props.onAdd(draft);
      setDraft({ ...EMPTY, accessedAt: draft.accessedAt });
      setError(null);
      props.setAddOpen(false);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <fieldset className="sources">
      <legend>Sources cited</legend>
      {props.sources.length === 0 && <p className="muted">The article has no sources yet.</p>}
      <ul>
        {props.sources.map((source) => (
          <li key={source.id}>
            <label>
              <input type="checkbox" checked={props.cited.includes(source.id)} onChange={(e) => props.onToggle(source.id, e.target.checked)} />
              <span className="source-kind">{source.kind}</span> {source.title}
              {source.url && source.url !== source.title && <span className="muted source-url"> · {source.url}</span>}
            </label>
          </li>
        ))}
      </ul>
      {props.addOpen ? (
        <form className="add-source" onSubmit={add} aria-label="Add a source" onKeyDown={(e) => e.key === 'Escape' && props.setAddOpen(false)}>
          <div className="field-row">
            <div>
              <label htmlFor="source-kind">Kind</label>
              <select id="source-kind" {...field('kind')}>
                {SOURCE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="source-accessed">Date accessed</label>
              <input id="source-accessed" type="date" {...field('accessedAt')} />
            </div>
          </div>
          <label htmlFor="source-title">Title</label>
          <input id="source-title" {...field('title')} autoFocus placeholder="Council minutes, 12 March 2025" />
          <label htmlFor="source-url">URL</label>
          <input id="source-url" {...field('url')} inputMode="url" placeholder="https://" />
          <label htmlFor="source-contact">Contact</label>
          <input id="source-contact" {...field('contact')} placeholder="Name, role, phone or email" />
          <label htmlFor="source-excerpt">Supporting excerpt</label>
          <textarea id="source-excerpt" rows={2} {...field('excerpt')} />
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="button" onClick={() => props.setAddOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="primary">
              Add and cite
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => props.setAddOpen(true)} aria-keyshortcuts="A">
          Add a source <kbd aria-hidden="true">A</kbd>
        </button>
      )}
    </fieldset>
  );
}
