import type { Ref } from 'react';
import type { SourceInput } from '../../../../shared/contract';
import type { Source } from '../../../../shared/model';
import { SourceForm } from './SourceForm';

/**
 * The claim's cited sources, picked from the article's list (the backup; the first nine
 * numbered for the keys 1–9) or added on the spot.
 */
export function SourcePicker(props: {
  sources: Source[];
  cited: readonly string[];
  onToggle: (sourceId: string, cite: boolean) => void;
  onAdd: (source: SourceInput) => Promise<void>;
  addOpen: boolean;
  setAddOpen: (open: boolean) => void;
  /** The add form given up (Esc, Cancel); closes it unless said otherwise. */
  onCancelAdd?: () => void;
  formRef?: Ref<HTMLFormElement>;
}) {
  return (
    <fieldset className="sources">
      <legend>Sources cited</legend>
      {props.sources.length === 0 && <p className="muted">The article has no sources yet.</p>}
      <ul>
        {props.sources.map((source, i) => (
          <li key={source.id}>
            <label>
              <input type="checkbox" checked={props.cited.includes(source.id)} onChange={(e) => props.onToggle(source.id, e.target.checked)} />
              {i < 9 && (
                <kbd className="source-number" aria-hidden="true">
                  {i + 1}
                </kbd>
              )}
              <span className="source-kind">{source.kind}</span> {source.title}
              {source.url && source.url !== source.title && <span className="muted source-url"> · {source.url}</span>}
            </label>
          </li>
        ))}
      </ul>
      {props.addOpen ? (
        <SourceForm
          label="Add a source"
          submit="Add and cite"
          formRef={props.formRef}
          onSubmit={async (input) => {
            await props.onAdd(input);
            props.setAddOpen(false);
          }}
          onCancel={props.onCancelAdd ?? (() => props.setAddOpen(false))}
        />
      ) : (
        <p className="source-actions">
          <button type="button" onClick={() => props.setAddOpen(true)} aria-keyshortcuts="A">
            Add a source <kbd aria-hidden="true">A</kbd>
          </button>
          {props.sources.length > 0 && (
            <span className="muted">
              <kbd>1</kbd>–<kbd>9</kbd> cite by number · <kbd>L</kbd> find one · <kbd>⇧A</kbd> edit or remove
            </span>
          )}
        </p>
      )}
    </fieldset>
  );
}
