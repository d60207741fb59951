import type { KeyboardEvent, Ref } from 'react';
import { PROGRESS, PROGRESS_LABEL, type LibraryFilter, type Progress } from './library-filter';

interface Props {
  filter: LibraryFilter;
  counts: Record<Progress, number>;
  shown: number;
  /** How many articles the library holds; null while it loads. */
  total: number | null;
  onFilter: (filter: LibraryFilter) => void;
  /** Enter in the search field: open the first article shown. */
  onOpenFirst: () => void;
  /** ↓ in the search field: into the list. */
  onEnterList: () => void;
  ref?: Ref<HTMLInputElement>;
}

const number = new Intl.NumberFormat();

/** Search and progress filter over the library, with how many articles they leave. */
export function LibraryFind({ filter, counts, shown, total, onFilter, onOpenFirst, onEnterList, ref }: Props) {
  const noun = total === 1 ? 'article' : 'articles';
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpenFirst();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      onEnterList();
    }
  }
  return (
    <div className="library-find" role="search" aria-label="Find articles">
      <label htmlFor="library-search" className="visually-hidden">
        Search titles and publications
      </label>
      <input
        id="library-search"
        ref={ref}
        type="search"
        placeholder="Search titles and publications  ( / )"
        aria-keyshortcuts="/"
        autoComplete="off"
        spellCheck={false}
        value={filter.query}
        onChange={(e) => onFilter({ ...filter, query: e.target.value })}
        onKeyDown={onKeyDown}
      />
      <select aria-label="Progress" value={filter.progress} onChange={(e) => onFilter({ ...filter, progress: e.target.value as Progress })}>
        {PROGRESS.map((p) => (
          <option key={p} value={p}>
            {PROGRESS_LABEL[p]} ({number.format(counts[p])})
          </option>
        ))}
      </select>
      <p className="muted library-count" aria-live="polite">
        {total === null
          ? 'Loading the library…'
          : shown === total
            ? `${number.format(total)} ${noun}`
            : `${number.format(shown)} of ${number.format(total)} ${noun}`}
      </p>
    </div>
  );
}
