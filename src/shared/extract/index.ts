// Claim extraction: the public entry points. Process-free (renderer, Node, tests).
import type { ExtractedClaim, Section, SetAsideKind } from '../model';
import { findLabels } from './labels';
import { normalizeText } from './normalize';
import { uncoveredRanges } from './partition';
import { splitLine, splitSentences, type TextRange } from './sentence-splitter';
import { attributeSpeakers } from './speakers';
import { findSpans } from './spans';
import { scoreClaim } from './score';
import { classifyLines, isCredit, type Line, type LineRole, type StructureHint } from './structure';
import { transcriptLines } from './transcript';
import { prepareText } from './unwrap';
import { scanWords } from './words';

export { normalizeText, prepareText, splitSentences };
export type { StructureHint, TextRange };
export { partitionProblem, uncoveredRanges } from './partition';

/** Lines of the text, trimmed, empty lines skipped. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let e = text.indexOf('\n', i);
    if (e < 0) e = n;
    let s = i;
    let t = e;
    while (s < t && text.charCodeAt(s) === 32) s++;
    while (t > s && text.charCodeAt(t - 1) === 32) t--;
    if (t > s) lines.push({ start: s, end: t });
    i = e + 1;
  }
  return lines;
}

/** No letter or digit at all: "* * *", "—", "|". */
function hasNoWords(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && LETTER_OR_DIGIT.test(text[i]!))) return false;
  }
  return true;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const BULLET = /^[•◦▪‣·⁃*–—-]$/u;
// "Credit...Owen Lacroix" glued to a caption: the splitter gives it a range of its own.
const CREDIT_RANGE = /^(?:Credit)+(?:\.\.\.|…|:|\p{Lu})/u;

/** "Regional Transit Halts Driverless Shuttle": most longer words capitalised. */
function isTitleCase(s: string): boolean {
  let long = 0;
  let caps = 0;
  for (const w of s.split(' ')) {
    if (w.length < 4) continue;
    long++;
    const c = w.charCodeAt(0);
    if (c >= 65 && c <= 90) caps++;
  }
  return long >= 3 && caps / long >= 0.6;
}

/** Tracks whether a quotation stays open across sentences in a paragraph. */
function quoteOpenAfter(text: string, s: number, e: number, open: boolean): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c) open = true;
    else if (c === 0x201d) open = false;
    else if (c === 0x22) open = !open;
  }
  return open;
}

/** A segment of the article: a claim, or text set aside as no claim (with why). */
export interface Segment extends ExtractedClaim {
  setAside?: SetAsideKind;
}

function segmentOf(text: string, start: number, end: number, section: Section, insideQuote: boolean, setAside?: SetAsideKind): Segment {
  const claimText = text.slice(start, end);
  const words = scanWords(claimText);
  const findings = findSpans(claimText, start, section === 'headline' && isTitleCase(claimText), words);
  const labels = findLabels(claimText, findings, words, { insideQuote });
  const segment: Segment = {
    text: claimText,
    start,
    end,
    section,
    labels,
    spans: findings.spans,
    score: scoreClaim(claimText, section, labels, findings, setAside),
  };
  if (setAside !== undefined) segment.setAside = setAside;
  return segment;
}

/** Labels, spans and score for any range of the text, as the extractor gives them. */
export function describeSegment(text: string, start: number, end: number, section: Section): ExtractedClaim {
  return segmentOf(text, start, end, section, false);
}

/** For each line, the importer's role for it: the hint whose range holds the whole line. */
function hintsByLine(lines: readonly Line[], hints: readonly StructureHint[]): (LineRole | undefined)[] {
  const sorted = [...hints].sort((a, b) => a.start - b.start);
  const out: (LineRole | undefined)[] = new Array(lines.length);
  let h = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    while (h < sorted.length && sorted[h]!.end < line.end) h++;
    const hint = sorted[h];
    if (hint && hint.start <= line.start && line.end <= hint.end) {
      out[i] = hint.setAside ? { section: hint.section, setAside: hint.setAside } : { section: hint.section };
    }
  }
  return out;
}

/**
 * Splits the article into segments that partition it: every non-space character is in
 * exactly one segment, a claim or a set-aside one, in text order. `hints` carry what
 * an importer knows of the structure (see StructureHint).
 */
export function extractSegments(text: string, hints: readonly StructureHint[] = []): Segment[] {
  const lines = splitLines(text);
  let hinted = hints.length > 0 ? hintsByLine(lines, hints) : undefined;
  const turns = transcriptLines(text, lines, hinted);
  // A transcript's turns are its body: never taken for a headline, a dek or a subheading.
  if (turns.some((t) => t !== undefined)) {
    hinted = lines.map((_, i) => hinted?.[i] ?? (turns[i] ? { section: 'body' } : undefined));
  }
  const roles = classifyLines(text, lines, hinted);
  const segments: Segment[] = [];
  const ranges: TextRange[] = [];
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    const role = roles[li]!;
    const turn = turns[li];
    if (turn?.kind === 'timestamp') {
      segments.push(segmentOf(text, line.start, line.end, role.section, false, 'timestamp'));
      continue;
    }
    if (role.setAside || hasNoWords(text, line.start, line.end)) {
      // "* * *", a rule of dashes: one furniture segment for the line, not a bullet and its rest.
      const kind = role.setAside ?? 'furniture';
      segments.push(segmentOf(text, line.start, line.end, role.section, false, kind));
      continue;
    }
    let from = line.start;
    if (turn?.kind === 'turn') {
      const label = segmentOf(text, line.start, turn.labelEnd, role.section, false, 'speaker-label');
      label.speaker = turn.speaker;
      segments.push(label);
      from = turn.labelEnd;
    }
    ranges.length = 0;
    splitLine(text, from, line.end, ranges);
    let quoteOpen = false;
    for (const r of ranges) {
      const first = text.charCodeAt(r.start);
      const insideQuote = quoteOpen && first !== 0x201c && first !== 0x22;
      quoteOpen = quoteOpenAfter(text, r.start, r.end, quoteOpen);
      const rangeText = text.slice(r.start, r.end);
      let setAside: SetAsideKind | undefined;
      let section = role.section;
      if (BULLET.test(rangeText)) setAside = 'list-marker';
      else if (hasNoWords(text, r.start, r.end) && section !== 'headline' && section !== 'byline') setAside = 'furniture';
      else if (CREDIT_RANGE.test(rangeText) && (r.start > line.start || isCredit(rangeText))) {
        setAside = 'credit';
        section = 'caption';
      }
      segments.push(segmentOf(text, r.start, r.end, section, insideQuote, setAside));
    }
  }
  // The safety net under the rules above: text they left out becomes a claim, never lost.
  const gaps = uncoveredRanges(text, segments);
  if (gaps.length > 0) {
    for (const gap of gaps) segments.push(segmentOf(text, gap.start, gap.end, 'body', false));
    segments.sort((a, b) => a.start - b.start);
  }
  attributeSpeakers(text, segments);
  return segments;
}

/** The claims of the text: its segments minus those set aside. */
export function extractClaims(text: string, hints: readonly StructureHint[] = []): ExtractedClaim[] {
  return extractSegments(text, hints).filter((s) => s.setAside === undefined);
}
