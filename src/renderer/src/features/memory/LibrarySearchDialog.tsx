import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { SearchInput } from '../../../../shared/memory/memory-contract';
import { STATUSES, type Status } from '../../../../shared/model';
import { Dialog } from '../../app/Dialog';
import { STATUS_TEXT } from '../article/status-style';
import { memoryStatusText } from './memory-status';
import { optionId, SearchResults } from './SearchResults';
import { resultRows, resultsSentence, typedPrefix } from './search-results';
import { useLibrarySearch } from './use-library-search';
import './memory.css';

interface Filters {
  query: string;
  status: Status | '';
  checker: string;
  from: string;
  to: string;
  dateOf: 'article' | 'verdict';
}

// Closed and opened again (Ctrl/⌘+K), the search is where the checker left it.
let remembered: Filters = { query: '', status: '', checker: '', from: '', to: '', dateOf: 'article' };

/**
 * Library-wide search (Ctrl/⌘+K): every article's claims, notes, corrections and
 * sources, grouped by article. ↓/↑ mark a result, Enter opens its claim in the review
 * desk, Esc closes. Filters narrow by status, checker and the article's or verdict's date.
 */
export function LibrarySearchDialog(props: {
  /** Words to start from (what was typed in the library's title search), else the last search. */
  initialQuery?: string;
  /** Names offered in the checker filter. */
  checkers: readonly string[];
  onOpen: (articleId: string, claimId: string) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [filters, setFilters] = useState<Filters>(() => (props.initialQuery ? { ...remembered, query: props.initialQuery } : remembered));
  const [active, setActive] = useState(0);
  const change = (next: Partial<Filters>) => {
    remembered = { ...filters, ...next };
    setFilters(remembered);
    setActive(0);
  };

  const request = useMemo<SearchInput>(() => {
    const dates = filters.from || filters.to;
    return {
      query: filters.query,
      ...(filters.status ? { statuses: [filters.status] } : {}),
      ...(filters.checker.trim() ? { checker: filters.checker.trim() } : {}),
      ...(filters.from ? { from: filters.from } : {}),
      ...(filters.to ? { to: filters.to } : {}),
      ...(dates ? { dateOf: filters.dateOf } : {}),
    };
  }, [filters]);
  const { answer, memory, error } = useLibrarySearch(request);
  const rows = useMemo(() => (filters.query.trim() ? resultRows(answer) : []), [answer, filters.query]);
  const current = Math.min(active, Math.max(rows.length - 1, 0));
  const prefix = typedPrefix(filters.query);
  const listId = `${id}-results`;

  function open(index: number) {
    const row = rows[index];
    if (row) props.onOpen(row.group.articleId, row.hit.claimId);
  }

  // The arrows and Enter work from every field of the dialog except the ones that use them (the selects, the dates).
  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const target = event.target as HTMLElement;
    const ownsArrows = target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === 'date');
    if (event.key === 'ArrowDown' && !ownsArrows) setActive(Math.min(current + 1, rows.length - 1));
    else if (event.key === 'ArrowUp' && !ownsArrows) setActive(Math.max(current - 1, 0));
    else if (event.key === 'Enter' && target.tagName !== 'BUTTON' && !(target instanceof HTMLSelectElement)) open(current);
    else return;
    event.preventDefault();
  }

  const building = memoryStatusText(memory);
  return (
    <Dialog labelledBy={`${id}-title`} className="library-search" onClose={props.onClose}>
      <div onKeyDown={onKeyDown}>
        <h2 id={`${id}-title`}>Search the library</h2>
        <label htmlFor={`${id}-query`} className="visually-hidden">
          Words in claims, notes, corrections and sources
        </label>
        <input
          id={`${id}-query`}
          className="library-search-query"
          autoFocus
          // The last search comes back selected (typing replaces it); words carried over from the title search are kept to add to.
          onFocus={(e) => (props.initialQuery ? e.currentTarget.setSelectionRange(e.currentTarget.value.length, e.currentTarget.value.length) : e.currentTarget.select())}
          role="combobox"
          aria-expanded={rows.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={rows.length > 0 ? optionId(listId, current) : undefined}
          aria-describedby={`${id}-count`}
          autoComplete="off"
          spellCheck={false}
          placeholder="Words in claims, notes, corrections and sources"
          value={filters.query}
          onChange={(e) => change({ query: e.target.value })}
        />
        <div className="library-search-filters" role="group" aria-label="Filters">
          <div>
            <label htmlFor={`${id}-status`}>Status</label>
            <select id={`${id}-status`} value={filters.status} onChange={(e) => change({ status: e.target.value as Status | '' })}>
              <option value="">Any</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_TEXT[s].label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-checker`}>Checker</label>
            <input id={`${id}-checker`} list={`${id}-checkers`} value={filters.checker} placeholder="Anyone" onChange={(e) => change({ checker: e.target.value })} />
            <datalist id={`${id}-checkers`}>
              {props.checkers.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </div>
          <div>
            <label htmlFor={`${id}-from`}>From</label>
            <input id={`${id}-from`} type="date" value={filters.from} onChange={(e) => change({ from: e.target.value })} />
          </div>
          <div>
            <label htmlFor={`${id}-to`}>To</label>
            <input id={`${id}-to`} type="date" value={filters.to} onChange={(e) => change({ to: e.target.value })} />
          </div>
          <div>
            <label htmlFor={`${id}-date-of`}>Dates of</label>
            <select id={`${id}-date-of`} value={filters.dateOf} onChange={(e) => change({ dateOf: e.target.value as Filters['dateOf'] })}>
              <option value="article">the article</option>
              <option value="verdict">the verdict</option>
            </select>
          </div>
        </div>
        <p id={`${id}-count`} className="muted library-search-count" aria-live="polite">
          {error ? <span className="error">{error}</span> : resultsSentence(answer, filters.query)}
        </p>
        {building && (
          <p className="library-search-building" role="status">
            {building}
          </p>
        )}
        {rows.length > 0 && (
          <SearchResults id={listId} rows={rows} active={current} terms={answer?.terms ?? []} prefix={prefix} onActive={setActive} onOpen={(row) => open(row.index)} />
        )}
        <p className="muted picker-help">
          <kbd>↓</kbd> <kbd>↑</kbd> choose · <kbd>Enter</kbd> open the claim · <kbd>Esc</kbd> close
        </p>
      </div>
    </Dialog>
  );
}
