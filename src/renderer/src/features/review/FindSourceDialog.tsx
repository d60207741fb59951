import type { Source } from '../../../../shared/model';
import { PickerDialog } from '../../app/PickerDialog';

/** L: one of the article's sources, found by typing part of its title, URL or contact, cited (or no longer cited) with Enter. */
export function FindSourceDialog(props: { sources: Source[]; cited: readonly string[]; onChoose: (source: Source) => void; onClose: () => void }) {
  const number = (source: Source) => props.sources.indexOf(source) + 1;
  return (
    <PickerDialog
      title="Cite a source"
      label="Find a source by its title, address or contact"
      placeholder="Type part of its title…"
      className="find-source"
      items={props.sources}
      keyOf={(s) => s.id}
      matches={(s, q) => [s.title, s.url, s.contact, s.kind].some((field) => field.toLowerCase().includes(q))}
      describe={(s) => `${number(s)}. ${s.title}${props.cited.includes(s.id) ? ', cited: Enter stops citing it' : ''}`}
      render={(s) => (
        <>
          <span className="picker-mark" aria-hidden="true">
            {props.cited.includes(s.id) ? '✓' : ''}
          </span>
          <span className="picker-number">{number(s)}</span>
          <span className="source-kind">{s.kind}</span> {s.title}
          {s.url && s.url !== s.title && <span className="muted source-url"> · {s.url}</span>}
        </>
      )}
      empty="No source matches; Esc, then A adds one."
      onChoose={props.onChoose}
      onClose={props.onClose}
    />
  );
}
