// What the claims list shows: the claims the filter keeps, in the chosen order,
// and, when the checker asks for them, the set-aside segments interleaved in
// article order. Claims keep their numbers (their place among the claims);
// set-aside rows have none.
import { filterAndSort, matchesFilter, type ClaimFilter, type ClaimSort } from '../../../../shared/claim-filter';
import type { Claim, SetAsideKind, SetAsideSegment } from '../../../../shared/model';
import { countsAsSetAside } from '../../../../shared/report/report-model';

export type ListItem =
  | { kind: 'claim'; id: string; claim: Claim; /** 1-based, among the article's claims. */ number: number }
  | { kind: 'set-aside'; id: string; segment: SetAsideSegment };

/** The short tag a set-aside segment carries in the list and the reader. */
export const SET_ASIDE_TAGS: Record<SetAsideKind, string> = {
  subheading: 'heading',
  credit: 'credit',
  furniture: 'furniture',
  'list-marker': 'bullet',
  'speaker-label': 'speaker',
  timestamp: 'time stamp',
  reference: 'reference',
  contents: 'contents',
  comment: 'reader comment',
  'not-a-claim': 'not a claim',
};

/** The set-aside segments that hold words, in text order: the ones counted and listed (bullets are not). */
export function countedSetAside(setAside: readonly SetAsideSegment[]): SetAsideSegment[] {
  return setAside.filter((s) => countsAsSetAside(s.setAside));
}

/**
 * The rows of the claims list. Set-aside segments, when shown, pass the same filter
 * as the claims (a search finds an "Advertisement" line too). In article order they
 * fall in place between the claims; sorted by check-worthiness they come after every
 * claim, in article order, since they are not in the running.
 */
export function listItems(
  article: { claims: readonly Claim[]; setAside: readonly SetAsideSegment[] },
  filter: ClaimFilter,
  sort: ClaimSort,
  showSetAside: boolean,
): ListItem[] {
  const claims: ListItem[] = filterAndSort(article.claims, filter, sort).map((i) => {
    const claim = article.claims[i]!;
    return { kind: 'claim', id: claim.id, claim, number: i + 1 };
  });
  if (!showSetAside) return claims;
  const segments: ListItem[] = countedSetAside(article.setAside)
    .filter((s) => matchesFilter(s, filter))
    .map((segment) => ({ kind: 'set-aside', id: segment.id, segment }));
  if (segments.length === 0) return claims;
  if (sort !== 'article') return [...claims, ...segments];
  const merged: ListItem[] = [];
  let s = 0;
  for (const item of claims) {
    const start = (item as Extract<ListItem, { kind: 'claim' }>).claim.start;
    while (s < segments.length && startOf(segments[s]!) < start) merged.push(segments[s++]!);
    merged.push(item);
  }
  while (s < segments.length) merged.push(segments[s++]!);
  return merged;
}

export function startOf(item: ListItem): number {
  return item.kind === 'claim' ? item.claim.start : item.segment.start;
}

/** “Credit...Jonah Mills for The…”: a passage named in a sentence, short enough for a notice. */
export function shortQuote(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat}”`;
}
