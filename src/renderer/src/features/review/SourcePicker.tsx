import { useState, type FormEvent } from 'react';
import { SOURCE_KINDS, type Source, type SourceKind } from '../../../../shared/model';
import { errorMessage } from '../../api/client';

/** The claim's cited sources, picked from the article's list or added on the spot. */
export function SourcePicker(props: {
  sources: Source[];
  cited: string[];
  onToggle: (sourceId: string, cite: boolean) => void;
  onAdd: (source: { kind: SourceKind; title: string; url: string }) => Promise<void>;
  addOpen: boolean;
  setAddOpen: (open: boolean) => void;
}) {
  const [kind, setKind] = useState<SourceKind>('web');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    try {
      await props.onAdd({ kind, title, url });
      setTitle('');
      setUrl('');
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
              <input
                type="checkbox"
                checked={props.cited.includes(source.id)}
                onChange={(e) => props.onToggle(source.id, e.target.checked)}
              />
              <span className="source-kind">{source.kind}</span> {source.title}
              {source.url && source.url !== source.title && <span className="muted"> · {source.url}</span>}
            </label>
          </li>
        ))}
      </ul>
      {props.addOpen ? (
        <form className="add-source" onSubmit={add} aria-label="Add a source">
          <label htmlFor="source-kind">Kind</label>
          <select id="source-kind" value={kind} onChange={(e) => setKind(e.target.value as SourceKind)}>
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
          <label htmlFor="source-title">Title</label>
          <input id="source-title" value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
          <label htmlFor="source-url">URL</label>
          <input id="source-url" value={url} onChange={(e) => setUrl(e.target.value)} inputMode="url" />
          {error && <p className="error" role="alert">{error}</p>}
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
        <button type="button" onClick={() => props.setAddOpen(true)}>
          Add a source
        </button>
      )}
    </fieldset>
  );
}
