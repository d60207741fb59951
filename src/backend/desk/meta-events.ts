// An article's details (title, author, publication, date, address) on a desk: a rename
// or a details edit is an event carrying the fields it changed, what they were, and
// what they became. Each field is the latest change to it, by time then id, the same on
// every replica whatever order the events arrive in. Two changes of one field made
// without seeing each other are both on the record; the one that is not kept is said
// on both sides (a desk notice), never dropped silently.
import { z } from 'zod';
import { ArticleMeta, type Article } from '../../shared/model';
import { quoteShort } from '../../shared/verdicts';
import type { DeskEvent } from './desk-events';
import { Common } from './event-base';
import type { Notice } from './replay-edits';

const META_FIELDS = ['title', 'author', 'publication', 'publishedAt', 'sourceUrl'] as const;
type MetaField = (typeof META_FIELDS)[number];

const FIELD_WORDS: Record<MetaField, string> = {
  title: 'title',
  author: 'author',
  publication: 'publication',
  publishedAt: 'publication date',
  sourceUrl: 'address',
};

const Fields = ArticleMeta.partial();

export const MetaEvent = z.object({
  ...Common,
  type: z.literal('meta'),
  /** The fields the change set, as it set them. */
  meta: Fields,
  /** The same fields as its author saw them before: another value here means a change it had not seen. */
  previous: Fields,
});
export type MetaEvent = z.infer<typeof MetaEvent>;

/** The fields `after` changed from `before`, for a meta event; undefined when none did. */
export function metaChange(before: Article, after: Article): Pick<MetaEvent, 'type' | 'meta' | 'previous'> | undefined {
  const changed = META_FIELDS.filter((field) => (before[field] ?? '') !== (after[field] ?? ''));
  if (changed.length === 0) return undefined;
  return {
    type: 'meta',
    meta: Object.fromEntries(changed.map((field) => [field, after[field] ?? ''])),
    previous: Object.fromEntries(changed.map((field) => [field, before[field] ?? ''])),
  };
}

const later = (a: MetaEvent, b: MetaEvent): boolean => (a.at !== b.at ? a.at > b.at : a._id > b._id);

/**
 * The article with each field set by its latest change among `events` (all the
 * article's events, old and newly arrived), and the notices for changes that `arrived`
 * brought: a field changed here and there without either seeing the other.
 */
export function settleMeta(article: Article, events: readonly DeskEvent[], arrived: ReadonlySet<string>): { article: Article; notices: (Notice & { eventId: string; by: string; at: string })[] } {
  const changes = events.filter((e): e is MetaEvent => e.type === 'meta');
  let next = article;
  const notices: (Notice & { eventId: string; by: string; at: string })[] = [];
  for (const field of META_FIELDS) {
    const setting = changes.filter((e) => e.meta[field] !== undefined);
    if (!setting.some((e) => arrived.has(e._id))) continue;
    const winner = setting.reduce((best, e) => (later(e, best) ? e : best));
    const value = winner.meta[field]!;
    if ((next[field] ?? '') !== value) next = { ...next, [field]: value, updatedAt: winner.at };
    // Concurrent: a change the winner had not seen (it started from another value), one of them new here.
    for (const loser of setting) {
      if (loser === winner || winner.previous[field] !== loser.previous[field] || loser.meta[field] === value) continue;
      if (!arrived.has(loser._id) && !arrived.has(winner._id)) continue;
      notices.push({
        eventId: loser._id,
        by: loser.by,
        at: loser.at,
        text: `${loser.by} changed the ${FIELD_WORDS[field]} to “${quoteShort(loser.meta[field]!)}” and ${winner.by} to “${quoteShort(value)}” without seeing each other’s change; “${quoteShort(value)}”, the later, is kept.`,
      });
    }
  }
  return { article: next, notices };
}
