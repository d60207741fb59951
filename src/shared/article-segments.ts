// From the extractor's segments to an article's records, and back to one list in text
// order: `claims` and `setAside` together partition the article's text.
import { describeSegment, extractSegments, uncoveredRanges, type Segment } from './extract';
import { UNCHECKED, type Claim, type SetAsideSegment } from './model';

export interface ArticleSegments {
  claims: Claim[];
  setAside: SetAsideSegment[];
}

/** New, unchecked records for freshly extracted segments. */
export function recordsOf(segments: readonly Segment[], newId: () => string): ArticleSegments {
  const claims: Claim[] = [];
  const setAside: SetAsideSegment[] = [];
  for (const segment of segments) {
    const { setAside: kind, ...extracted } = segment;
    const record: Claim = { ...extracted, id: newId(), verdict: { ...UNCHECKED }, history: [] };
    if (kind === undefined) claims.push(record);
    else setAside.push({ ...record, setAside: kind });
  }
  return { claims, setAside };
}

/** Claims and set-aside segments in one list, in text order. */
export function segmentsInOrder(article: ArticleSegments): (Claim | SetAsideSegment)[] {
  return [...article.claims, ...article.setAside].sort((a, b) => a.start - b.start);
}

/**
 * Fills whatever of the text no claim or set-aside segment covers (an article from an
 * older Factdesk, which dropped short lines; text left between re-anchored claims):
 * fresh extraction where its segments fit between the existing ones, and any words
 * still uncovered as claims, so that nothing goes unseen. Existing records are kept
 * as they are.
 */
export function completePartition(text: string, existing: ArticleSegments, newId: () => string): ArticleSegments {
  const occupied = segmentsInOrder(existing);
  if (uncoveredRanges(text, occupied).length === 0) return existing;
  const fits = (s: { start: number; end: number }) => {
    let lo = 0;
    let hi = occupied.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (occupied[mid]!.end <= s.start) lo = mid + 1;
      else hi = mid;
    }
    return lo >= occupied.length || occupied[lo]!.start >= s.end;
  };
  const fresh = recordsOf(extractSegments(text).filter(fits), newId);
  const claims = [...existing.claims, ...fresh.claims];
  const setAside = [...existing.setAside, ...fresh.setAside];
  for (const gap of uncoveredRanges(text, segmentsInOrder({ claims, setAside }))) {
    claims.push({ ...describeSegment(text, gap.start, gap.end, 'body'), id: newId(), verdict: { ...UNCHECKED }, history: [] });
  }
  return { claims: claims.sort((a, b) => a.start - b.start), setAside: setAside.sort((a, b) => a.start - b.start) };
}
