import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useImperativeHandle, useRef, useState, type FocusEvent, type KeyboardEvent, type Ref } from 'react';
import type { ArticleSummary } from '../../../../shared/model';
import { isTyping } from '../article/use-shortcuts';
import { ArticleRow } from './ArticleRow';

export interface ArticleListHandle {
  /** Moves the focus to a row's Open button, scrolling it into view. */
  focusRow(index: number, align?: 'auto' | 'center'): void;
  scrollToTop(): void;
}

interface Props {
  articles: ArticleSummary[];
  /** Rows that look like a copy of an older article (see duplicates.ts), by id. */
  copies?: ReadonlyMap<string, ArticleSummary>;
  onOpen: (article: ArticleSummary) => void;
  onRename: (article: ArticleSummary, title: string) => Promise<void>;
  onDelete: (article: ArticleSummary) => void;
  /** ↑ on the first row: back to the search field. */
  onLeaveTop: () => void;
  ref?: Ref<ArticleListHandle>;
}

const rowIndex = (target: EventTarget | null) => {
  const row = target instanceof Element ? target.closest<HTMLElement>('[data-index]') : null;
  return row ? Number(row.dataset.index) : null;
};

/**
 * The library's articles, virtualized so 10,000 of them cost what a screenful
 * does. ↓ and ↑ move between rows, as J and K do in the claims list; Tab still
 * reaches every row's actions in order.
 */
export function ArticleList({ articles, copies, onOpen, onRename, onDelete, onLeaveTop, ref }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // The row holding the focus stays rendered when it scrolls out of view, so
  // the focus is never dropped to the page (and Tab goes on from that row).
  const [focused, setFocused] = useState<number | null>(null);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focused === null || focused >= range.count || indexes.includes(focused)) return indexes;
      return [...indexes, focused].sort((a, b) => a - b);
    },
    [focused],
  );
  const virtualizer = useVirtualizer({
    count: articles.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 92,
    overscan: 8,
    getItemKey: (i) => articles[i]!.id,
    rangeExtractor,
  });

  const focusRow = useCallback(
    (index: number, align: 'auto' | 'center' = 'auto') => {
      const target = () => list.current?.querySelector<HTMLElement>(`[data-index="${index}"] :is(button, input)`);
      virtualizer.scrollToIndex(index, { align });
      const now = target();
      // The virtualizer's own scroll is the smaller one; focus() alone would centre the row.
      if (now) return now.focus({ preventScroll: true });
      // Not rendered yet: it will be once the scroll above has been painted. By then the
      // checker may have moved on (N opened the new-article form): their focus stays.
      const asked = document.activeElement;
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (document.activeElement === asked || document.activeElement === document.body) target()?.focus({ preventScroll: true });
        }),
      );
    },
    [virtualizer],
  );
  useImperativeHandle(ref, () => ({ focusRow, scrollToTop: () => virtualizer.scrollToOffset(0) }), [focusRow, virtualizer]);

  function onKeyDown(event: KeyboardEvent) {
    if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || isTyping(event.target)) return;
    const index = rowIndex(event.target);
    if (index === null) return;
    event.preventDefault();
    const next = index + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) onLeaveTop();
    else if (next < articles.length) focusRow(next);
  }

  function onBlur(event: FocusEvent) {
    if (!list.current?.contains(event.relatedTarget as Node | null)) setFocused(null);
  }

  return (
    <div className="library-scroller" ref={scroller}>
      <ul
        className="article-list"
        aria-label="Articles"
        ref={list}
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
        onFocus={(e) => setFocused(rowIndex(e.target))}
        onBlur={onBlur}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const article = articles[row.index]!;
          return (
            <li
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              className="article-slot"
              style={{ transform: `translateY(${row.start}px)` }}
              aria-setsize={articles.length}
              aria-posinset={row.index + 1}
            >
              <ArticleRow
                article={article}
                copyOf={copies?.get(article.id)}
                onOpen={() => onOpen(article)}
                onRename={(title) => onRename(article, title)}
                onDelete={() => onDelete(article)}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
