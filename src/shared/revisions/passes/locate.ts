// Fuzzy location with diff-match-patch's match_main (bitap), on an instance of
// its own: its settings depend on the stretch searched, and are never those of
// the instance the diffs share (similarity.ts).
import DiffMatchPatch from 'diff-match-patch';
import type { Span } from '../spans';
import { HEAD, MATCH_THRESHOLD } from '../weights';

function matcherFor(region: string): DiffMatchPatch {
  const dmp = new DiffMatchPatch();
  dmp.Match_Threshold = MATCH_THRESHOLD;
  // Nearness to the expected position counts little: the region is already the stretch it must be in.
  dmp.Match_Distance = 4 * region.length;
  return dmp;
}

/**
 * Where match_main finds the quote's head and tail in text[from, to), searching
 * out from `expected`. Bitap works on patterns of at most Match_MaxBits (32)
 * characters, hence the head/tail strategy.
 */
export function locate(text: string, quote: string, from: number, to: number, expected: number): Span[] {
  const found: Span[] = [];
  const region = text.slice(from, to);
  if (!region) return found;
  const head = quote.slice(0, HEAD);
  const tail = quote.slice(-HEAD);
  const dmp = matcherFor(region);
  const loc = Math.max(0, Math.min(region.length, expected - from));
  const h = dmp.match_main(region, head, loc);
  if (h >= 0) found.push({ start: from + h, end: from + h + quote.length });
  const t = dmp.match_main(region, tail, Math.min(region.length, loc + quote.length - tail.length));
  if (t >= 0) found.push({ start: from + t + tail.length - quote.length, end: from + t + tail.length });
  return found;
}
