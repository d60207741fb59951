// Claim extraction: the public entry points. Process-free (renderer, Node, tests).
import type { ExtractedClaim } from '../model';
import { findLabels, findSpeaker, hasPronounTag } from './labels';
import { normalizeText } from './normalize';
import { splitLine, splitSentences, type TextRange } from './sentence-splitter';
import { findSpans } from './spans';
import { scoreClaim } from './score';
import { classifyLines, type Line } from './structure';
import { scanWords } from './words';

export { normalizeText, splitSentences };
export type { TextRange };

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

/** Sentences with no letter or digit ("* * *"), and lone words in running text ("Yes."). */
function isNonClaim(text: string, s: number, e: number): boolean {
  let alnum = false;
  let space = false;
  let digit = false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) space = true;
    else if (c >= 48 && c <= 57) { digit = true; alnum = true; }
    else if (c >= 65 && c <= 90 || c >= 97 && c <= 122 || c > 127) alnum = true;
  }
  return !alnum || (!space && !digit);
}

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

export function extractClaims(text: string): ExtractedClaim[] {
  const lines = splitLines(text);
  const roles = classifyLines(text, lines);
  const claims: ExtractedClaim[] = [];
  const ranges: TextRange[] = [];
  let lastSpeaker: string | undefined; // named speaker of this or the previous paragraph
  for (let li = 0; li < lines.length; li++) {
    const section = roles[li];
    if (section === null || section === undefined) continue;
    const line = lines[li]!;
    ranges.length = 0;
    splitLine(text, line.start, line.end, ranges);
    let quoteOpen = false;
    let paragraphSpeaker: string | undefined;
    for (const r of ranges) {
      if (section !== 'headline' && section !== 'byline' && isNonClaim(text, r.start, r.end)) continue;
      const claimText = text.slice(r.start, r.end);
      const insideQuote = quoteOpen && !/^[“"]/.test(claimText);
      quoteOpen = quoteOpenAfter(text, r.start, r.end, quoteOpen);
      const words = scanWords(claimText);
      const findings = findSpans(claimText, r.start, section === 'headline' && isTitleCase(claimText), words);
      const labels = findLabels(claimText, findings, words, { insideQuote });
      let speaker = labels.includes('quote') || labels.includes('attribution') ? findSpeaker(claimText) : undefined;
      if (speaker !== undefined) paragraphSpeaker = speaker;
      else if (labels.includes('quote') && hasPronounTag(claimText)) speaker = paragraphSpeaker ?? lastSpeaker;
      const claim: ExtractedClaim = {
        text: claimText,
        start: r.start,
        end: r.end,
        section,
        labels,
        spans: findings.spans,
        score: scoreClaim(claimText, section, labels, findings),
      };
      if (speaker !== undefined) claim.speaker = speaker;
      claims.push(claim);
    }
    lastSpeaker = paragraphSpeaker;
  }
  return claims;
}
