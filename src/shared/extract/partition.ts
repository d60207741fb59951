// Every word accounted for: the claims and set-aside segments of an article partition
// its text. These checks are what the tests hold every extraction, migration, revision
// and edit to, and what the extractor uses as a last safety net.

export interface Span {
  start: number;
  end: number;
}

/** Horizontal and vertical white space: never needs a segment of its own. */
function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/**
 * The stretches of non-space text that no segment covers, one per line, trimmed.
 * `segments` must be sorted by start.
 */
export function uncoveredRanges(text: string, segments: readonly Span[]): Span[] {
  const gaps: Span[] = [];
  let cursor = 0;
  const gapUpTo = (end: number) => {
    let s = cursor;
    while (s < end) {
      while (s < end && isBlank(text.charCodeAt(s))) s++;
      if (s >= end) break;
      let e = s;
      while (e < end && text.charCodeAt(e) !== 10) e++;
      let t = e;
      while (t > s && isBlank(text.charCodeAt(t - 1))) t--;
      gaps.push({ start: s, end: t });
      s = e;
    }
  };
  for (const seg of segments) {
    if (seg.start > cursor) gapUpTo(seg.start);
    if (seg.end > cursor) cursor = seg.end;
  }
  gapUpTo(text.length);
  return gaps;
}

/**
 * Why `segments` do not partition `text`, in one sentence naming the first place it
 * fails, or null when every non-space character is in exactly one segment and each
 * segment's text is the text at its offsets.
 */
export function partitionProblem(text: string, segments: ReadonlyArray<Span & { text: string }>): string | null {
  const sorted = [...segments].sort((a, b) => a.start - b.start);
  let end = 0;
  for (const seg of sorted) {
    if (seg.end <= seg.start || seg.end > text.length) return `segment ${seg.start}–${seg.end} is outside the text`;
    if (text.slice(seg.start, seg.end) !== seg.text) return `segment ${seg.start}–${seg.end} does not match the text at its offsets`;
    if (seg.start < end) return `segments overlap at ${seg.start}`;
    end = seg.end;
  }
  const gap = uncoveredRanges(text, sorted)[0];
  return gap ? `“${text.slice(gap.start, Math.min(gap.end, gap.start + 60))}” at ${gap.start} is in no segment` : null;
}
