import { useId, useMemo, useState, type ReactNode } from 'react';
import { actionFor } from '../features/help/review-keys';
import { Dialog } from './Dialog';

/**
 * A type-ahead picker in a dialog: a search field (a combobox) over a list. Typing
 * narrows the list, ↓ and ↑ move through it, Enter takes the one marked, Esc closes.
 */
export function PickerDialog<T>(props: {
  title: string;
  /** The search field's label. */
  label: string;
  placeholder?: string;
  items: readonly T[];
  keyOf: (item: T) => string;
  /** Whether an item matches what was typed (already trimmed and lower-cased; never empty). */
  matches: (item: T, query: string) => boolean;
  /** Orders the matches for a query (best first); the list's own order when left out. */
  rank?: (matches: T[], query: string) => T[];
  render: (item: T) => ReactNode;
  /** The item's name for screen readers. */
  describe: (item: T) => string;
  onChoose: (item: T) => void;
  onClose: () => void;
  empty: string;
  className?: string;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [...props.items];
    const found = props.items.filter((item) => props.matches(item, q));
    return props.rank ? props.rank(found, q) : found;
  }, [props, query]);
  const current = Math.min(active, Math.max(shown.length - 1, 0));
  const optionId = (i: number) => `${id}-option-${i}`;

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    const action = actionFor('list', event);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    if (action === 'next') setActive(Math.min(current + 1, shown.length - 1));
    else if (action === 'previous') setActive(Math.max(current - 1, 0));
    else if (action === 'choose' && shown[current]) props.onChoose(shown[current]);
    else if (action === 'cancel') props.onClose();
  }

  return (
    <Dialog labelledBy={`${id}-title`} className={`picker-dialog ${props.className ?? ''}`.trim()} onClose={props.onClose}>
      <h2 id={`${id}-title`}>{props.title}</h2>
      <label htmlFor={`${id}-query`}>{props.label}</label>
      <input
        id={`${id}-query`}
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={shown.length > 0 ? optionId(current) : undefined}
        autoComplete="off"
        placeholder={props.placeholder}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={`${id}-list`} role="listbox" aria-label={props.title} className="picker-list">
        {shown.map((item, i) => (
          <li
            key={props.keyOf(item)}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            aria-label={props.describe(item)}
            className={i === current ? 'active' : undefined}
            onMouseEnter={() => setActive(i)}
            onClick={() => props.onChoose(item)}
          >
            {props.render(item)}
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="muted">{props.empty}</p>}
      <p className="muted picker-help">
        <kbd>↓</kbd> <kbd>↑</kbd> choose · <kbd>Enter</kbd> take it · <kbd>Esc</kbd> close
      </p>
    </Dialog>
  );
}
