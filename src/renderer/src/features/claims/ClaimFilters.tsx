import { forwardRef } from 'react';
import type { ClaimFilter, ClaimSort } from '../../../../shared/claim-filter';
import { LABELS, SECTIONS, STATUSES, type Label, type Section, type Status } from '../../../../shared/model';

interface Props {
  filter: ClaimFilter;
  sort: ClaimSort;
  checkers: string[];
  shown: number;
  total: number;
  /** Set-aside segments that hold words, and how many of them the list shows now. */
  setAsideTotal: number;
  setAsideShown: number;
  showSetAside: boolean;
  onShowSetAside: (show: boolean) => void;
  onFilter: (filter: ClaimFilter) => void;
  onSort: (sort: ClaimSort) => void;
}

/** Search, filters and sort for the claims list. One choice per filter keeps it quick to scan. */
export const ClaimFilters = forwardRef<HTMLInputElement, Props>(function ClaimFilters(props, searchRef) {
  const { filter } = props;
  const one = <T extends string>(value: T | '') => (value ? [value] : undefined);
  return (
    <div className="claim-filters" role="search" aria-label="Filter claims">
      <label htmlFor="claim-search" className="visually-hidden">
        Search claims and notes
      </label>
      <input
        id="claim-search"
        ref={searchRef}
        type="search"
        placeholder="Search claims and notes  ( / )"
        value={filter.query ?? ''}
        onChange={(e) => props.onFilter({ ...filter, query: e.target.value })}
      />
      <div className="filter-row">
        <select aria-label="Status" value={filter.statuses?.[0] ?? ''} onChange={(e) => props.onFilter({ ...filter, statuses: one(e.target.value as Status | '') })}>
          <option value="">All statuses</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <select aria-label="Section" value={filter.sections?.[0] ?? ''} onChange={(e) => props.onFilter({ ...filter, sections: one(e.target.value as Section | '') })}>
          <option value="">All sections</option>
          {SECTIONS.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <select aria-label="Label" value={filter.labels?.[0] ?? ''} onChange={(e) => props.onFilter({ ...filter, labels: one(e.target.value as Label | '') })}>
          <option value="">All labels</option>
          {LABELS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        <select aria-label="Checker" value={filter.checkers?.[0] ?? ''} onChange={(e) => props.onFilter({ ...filter, checkers: one(e.target.value) })}>
          <option value="">All checkers</option>
          {props.checkers.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <select aria-label="Sort" value={props.sort} onChange={(e) => props.onSort(e.target.value as ClaimSort)}>
          <option value="article">Article order</option>
          <option value="worthiness">Most check-worthy first</option>
        </select>
      </div>
      <div className="check-row">
        <label className="inline-check">
          <input type="checkbox" checked={!!filter.changedOnly} onChange={(e) => props.onFilter({ ...filter, changedOnly: e.target.checked || undefined })} />
          Only claims changed since checked
        </label>
        <label className="inline-check">
          <input type="checkbox" checked={props.showSetAside} onChange={(e) => props.onShowSetAside(e.target.checked)} />
          Show set aside ({props.setAsideTotal})
        </label>
      </div>
      <p className="muted filter-count" aria-live="polite">
        {props.shown === props.total ? `${props.total} claims` : `${props.shown} of ${props.total} claims shown`}
        {props.showSetAside && ` · ${props.setAsideShown === props.setAsideTotal ? props.setAsideTotal : `${props.setAsideShown} of ${props.setAsideTotal}`} set aside shown`}
      </p>
    </div>
  );
});
