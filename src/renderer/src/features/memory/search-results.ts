// Library search results as the dialog shows them: one list to walk with the arrow
// keys across the article groups, where the words were found, and a short excerpt of
// the note, correction or source that matched. Pure, so it is tested without a page.
import { highlightRanges, type Range } from '../../../../shared/memory/highlight';
import type { SearchAnswer, SearchField, SearchGroup, SearchHit } from '../../../../shared/memory/memory-contract';

export interface ResultRow {
  /** Position in the whole list (what ↓ and ↑ move through). */
  index: number;
  group: SearchGroup;
  hit: SearchHit;
}

/** Every hit in the order shown: article by article, best article first. */
export function resultRows(answer: SearchAnswer | null): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const group of answer?.groups ?? []) for (const hit of group.hits) rows.push({ index: rows.length, group, hit });
  return rows;
}

/** The word still being typed at the end of the box (folded as the index folds it), for prefix highlighting. */
export function typedPrefix(query: string): string | undefined {
  if (!/[\p{L}\p{N}]$/u.test(query)) return undefined;
  const word = /[\p{L}\p{N}]+$/u.exec(query)![0];
  return word.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '');
}

const FIELD_NAMES: Record<Exclude<SearchField, 'claim'>, string> = { note: 'note', correction: 'correction', source: 'sources' };

/** “in the note and sources”: where the words were found besides the claim's own text (empty when only there). */
export function whereFound(fields: readonly SearchField[]): string {
  const names = fields.filter((f): f is Exclude<SearchField, 'claim'> => f !== 'claim').map((f) => FIELD_NAMES[f]);
  if (names.length === 0) return '';
  const listed = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `found in the ${listed}`;
}

export interface Excerpt {
  text: string;
  ranges: Range[];
}

/**
 * About `width` characters of `text` around its first searched word, cut at spaces,
 * with the marks moved to match; the whole text when it is short.
 */
export function excerpt(text: string, terms: readonly string[], prefix: string | undefined, width = 160): Excerpt {
  const flat = text.replace(/\s+/g, ' ').trim();
  const ranges = highlightRanges(flat, terms, prefix);
  if (flat.length <= width) return { text: flat, ranges };
  const first = ranges[0]?.start ?? 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  let end = Math.min(flat.length, start + width);
  if (end < flat.length) end = flat.lastIndexOf(' ', end) > start ? flat.lastIndexOf(' ', end) : end;
  const lead = start > 0 ? '…' : '';
  const tail = end < flat.length ? '…' : '';
  const shift = lead.length - start;
  const kept = ranges.filter((r) => r.start >= start && r.end <= end).map((r) => ({ start: r.start + shift, end: r.end + shift }));
  return { text: `${lead}${flat.slice(start, end)}${tail}`, ranges: kept };
}

/** The excerpts worth showing under a hit: the fields other than the claim where the words were found. */
export function matchedExcerpts(hit: SearchHit, terms: readonly string[], prefix: string | undefined): { field: string; excerpt: Excerpt }[] {
  const out: { field: string; excerpt: Excerpt }[] = [];
  if (hit.fields.includes('note') && hit.note) out.push({ field: 'Note', excerpt: excerpt(hit.note, terms, prefix) });
  if (hit.fields.includes('correction') && hit.correction) out.push({ field: 'Correction', excerpt: excerpt(hit.correction, terms, prefix) });
  if (hit.fields.includes('source')) {
    const titles = hit.sources.map((s) => [s.title, s.url].filter(Boolean).join(' ')).join(' · ');
    if (titles) out.push({ field: 'Sources', excerpt: excerpt(titles, terms, prefix) });
  }
  return out;
}

/** How many results, in a sentence for the live region. */
export function resultsSentence(answer: SearchAnswer | null, query: string): string {
  if (!query.trim()) return 'Type words from a claim, a note, a correction or a source.';
  if (!answer) return 'Searching…';
  if (answer.matched === 'none') return 'No claim, note, correction or source matches.';
  const shown = answer.groups.reduce((n, g) => n + g.hits.length, 0);
  const claims = `${answer.total} ${answer.total === 1 ? 'claim' : 'claims'} in ${answer.articles} ${answer.articles === 1 ? 'article' : 'articles'}`;
  const some = answer.matched === 'some' ? ': none has every word, these have some' : '';
  const best = shown < answer.total ? ` (the best ${shown} shown)` : '';
  return `${claims}${some}${best}.`;
}
