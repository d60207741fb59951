import { useEffect } from 'react';
import { highlightRanges } from '../../../../shared/memory/highlight';
import { STATUS_TEXT } from '../article/status-style';
import { Highlighted } from './Highlighted';
import { matchedExcerpts, whereFound, type ResultRow } from './search-results';

interface Props {
  id: string;
  rows: readonly ResultRow[];
  active: number;
  terms: readonly string[];
  prefix: string | undefined;
  onActive: (index: number) => void;
  onOpen: (row: ResultRow) => void;
}

export const optionId = (listId: string, index: number) => `${listId}-hit-${index}`;

/** The results as a listbox grouped by article: the field's ↓/↑ mark one (aria-activedescendant), Enter opens it. */
export function SearchResults({ id, rows, active, terms, prefix, onActive, onOpen }: Props) {
  // The marked result stays in view as the arrows move it.
  useEffect(() => {
    document.getElementById(optionId(id, active))?.scrollIntoView?.({ block: 'nearest' });
  }, [id, active]);

  const groups: ResultRow[][] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last[0]!.group === row.group) last.push(row);
    else groups.push([row]);
  }
  return (
    <div id={id} role="listbox" aria-label="Claims found" className="search-results">
      {groups.map((rowsOf) => {
        const { group } = rowsOf[0]!;
        const headId = `${id}-article-${group.articleId}`;
        return (
          <div key={group.articleId} role="group" aria-labelledby={headId} className="search-group">
            <div id={headId} className="search-article">
              <span className="search-article-title">{group.title}</span> <span className="muted">{group.date}</span>
            </div>
            {rowsOf.map((row) => {
              const { hit } = row;
              const status = STATUS_TEXT[hit.status];
              const where = whereFound(hit.fields);
              return (
                <div
                  key={hit.claimId}
                  id={optionId(id, row.index)}
                  role="option"
                  aria-selected={row.index === active}
                  className={`search-hit${row.index === active ? ' active' : ''}`}
                  onMouseMove={() => row.index !== active && onActive(row.index)}
                  onClick={() => onOpen(row)}
                >
                  <p className="search-hit-text">
                    <Highlighted text={hit.text} ranges={highlightRanges(hit.text, terms, prefix)} />
                  </p>
                  <p className="search-hit-meta">
                    <span className={`status-chip status-${hit.status}`}>
                      <span aria-hidden="true">{status.icon}</span> {status.label}
                    </span>
                    {hit.checker && <span> · {hit.checker}</span>}
                    {hit.checkedAt && <span> · {hit.checkedAt}</span>}
                    <span> · claim {hit.number}</span>
                    {where && <span className="search-where"> · {where}</span>}
                  </p>
                  {matchedExcerpts(hit, terms, prefix).map(({ field, excerpt }) => (
                    <p key={field} className="search-excerpt">
                      <span className="search-excerpt-field">{field}:</span> <Highlighted text={excerpt.text} ranges={excerpt.ranges} />
                    </p>
                  ))}
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
