// Pass 1, exact position: the same words at the same offsets. The cheapest and
// surest match; most of an article edited further down lands here.
import { resegmented, take, type Assignment } from '../assignment';
import { overlapsAny } from '../spans';

export function exactPosition(a: Assignment): void {
  const byRange = new Map<string, number>();
  a.segments.forEach((s, i) => byRange.set(`${s.start}:${s.end}`, i));
  for (const o of a.order) {
    const c = a.records[o]!;
    if (!a.newText.startsWith(c.text, c.start) || c.end - c.start !== c.text.length) continue;
    const i = byRange.get(`${c.start}:${c.end}`);
    if (i !== undefined && a.owner[i] === -1) take(a, o, { start: c.start, end: c.end, index: i, method: 'position', similarity: 1 });
    // A span the checker drew (split or merge) stays the checker's, where the extractor draws none.
    else if (i === undefined && resegmented(c) && !overlapsAny(a.free, c.start, c.end)) {
      take(a, o, { start: c.start, end: c.end, index: -1, method: 'position', similarity: 1 });
    }
  }
}
