// Web-page import measured on real copy: the saved pages in ../shared/corpus/web-pages
// (read at run time, never copied into the repository), each imported through
// importFile and extracted, against Readability's expected.html as the reference for
// "the article's own words". Shared by tests/unit/import/corpus.test.ts and
// bench/corpus.bench.ts.
//
// Words: lowercased runs of letters and digits, after the same normalization the
// article text gets; compared as multisets (a word found three times in the
// reference counts three times, and is matched at most as often as the import has it).
//
// Furniture claim (a claim the checker would have to wade through that is page
// furniture, not copy), counted when either:
//   (a) the claim matches FURNITURE_PATTERNS below: lines that are furniture on any
//       page (share bars, "Advertisement", newsletter prompts, "Read more", reprint
//       and print-edition lines, comment counters); or
//   (b) it is a short body claim (at most 12 words, no sentence-final punctuation)
//       and fewer than half of its words occur anywhere in expected.html: a label or
//       link title (related stories, menus) that the reference does not hold to be
//       the article's.
// The reference includes tables of contents and reference lists, which Factdesk sets
// aside on purpose; the words set aside as `contents` or `reference` are reported
// separately, and the "in claims" share is given both over all reference words and
// over the reference words minus those.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { blocksToText, parseInertHtml } from '../../../src/backend/import/html-dom';
import { importFile } from '../../../src/backend/import/import-file';
import { extractSegments, normalizeText, partitionProblem, type Segment } from '../../../src/shared/extract';

export const CORPUS_DIR = resolve(import.meta.dirname, '../../../../shared/corpus/web-pages');

export function corpusPages(): string[] {
  try {
    return readdirSync(CORPUS_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

/** Lowercased letter/digit runs of already-normalized text. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

type Bag = Map<string, number>;

function bagOf(list: Iterable<string>): Bag {
  const bag: Bag = new Map();
  for (const w of list) bag.set(w, (bag.get(w) ?? 0) + 1);
  return bag;
}

function size(bag: Bag): number {
  let n = 0;
  for (const v of bag.values()) n += v;
  return n;
}

/** How many of `reference`'s words `found` has (multiset intersection size). */
function matched(reference: Bag, found: Bag): number {
  let n = 0;
  for (const [w, k] of reference) n += Math.min(k, found.get(w) ?? 0);
  return n;
}

function minus(a: Bag, b: Bag): Bag {
  const out: Bag = new Map();
  for (const [w, k] of a) {
    const left = k - (b.get(w) ?? 0);
    if (left > 0) out.set(w, left);
  }
  return out;
}

function sum(...bags: Bag[]): Bag {
  const out: Bag = new Map();
  for (const bag of bags) for (const [w, k] of bag) out.set(w, (out.get(w) ?? 0) + k);
  return out;
}

/** Furniture on any page: what a checker should never see as a claim. */
export const FURNITURE_PATTERNS: readonly RegExp[] = [
  /^(?:advertisement|advertisements|sponsored|ad)$/i,
  /^(?:share|tweet|email|print|save|pin|whatsapp|facebook|twitter|linkedin|reddit|copy link)(?:\s*[|·,]?\s*(?:share|tweet|email|print|save|pin|whatsapp|facebook|twitter|linkedin|reddit|copy link))*$/i,
  /^share (?:this|on|via|full article|article|story)\b/i,
  /\bsign up for\b.{0,80}\bnewsletter/i,
  /^(?:subscribe|sign up|sign in|log in|register)\b.{0,40}$/i,
  /^a version of this article appears in print\b/i,
  /\border reprints\b|\btoday['’]s paper\b/i,
  /^\[?(?:read|read more|related|see also|more|watch|listen)\s*[:|›»]/i,
  /^(?:read more|continue reading|see more|view more|load more|show more)\b.{0,40}$/i,
  /^more (?:about|from|on|stories)\b.{0,60}$/i,
  /^(?:follow|like) us\b/i,
  /^\d+\s+(?:comments?|responses?|shares?|likes?)$/i,
  /^(?:leave a (?:comment|reply)|post a comment|add a comment|reply|comments)$/i,
  /^(?:skip to|jump to) (?:content|main|navigation)/i,
  /^(?:we use cookies|accept (?:all )?cookies)\b/i,
  /^(?:previous|next) (?:post|article|story)\b/i,
];

const SENTENCE_END = /[.!?…]["”’)\]]*$/u;

export interface PageMetrics {
  name: string;
  /** The refusal sentence, or null when the page imported. */
  refused: string | null;
  /** partitionProblem's sentence, or null when the segments partition the text. */
  partition: string | null;
  /** How many structure hints import-file kept (none when the reader's text was not already prepared). */
  hints: number;
  importMs: number;
  extractMs: number;
  referenceWords: number;
  /** Reference words set aside as a table of contents or a reference list. */
  contentsReferenceWords: number;
  /** Share of all reference words found in claims. */
  inClaims: number;
  /** Share of reference words found in claims, not counting those set aside as contents/reference. */
  inClaimsExcludingApparatus: number;
  /** Share of reference words found in claims or set-aside segments. */
  inClaimsOrSetAside: number;
  /**
   * Where the reference words that are not in claims went, as shares of the reference
   * words outside contents/reference lists: set aside as credit, furniture, a label
   * heading, a reader's comment, another kind; or nowhere (not in the import's text).
   */
  notInClaims: { credit: number; furniture: number; label: number; comment: number; other: number; nowhere: number };
  claims: number;
  setAside: number;
  furnitureClaims: string[];
  captions: number;
  credits: number;
  bylines: number;
  deks: number;
  bios: number;
  /** Reference words in neither claims nor set-aside segments (up to 40, for diagnosis). */
  missing: string[];
  /** What the import told the checker about how it read the page, if anything. */
  notice: string | null;
}

export function referenceText(name: string): string {
  return normalizeText(blocksToText(parseInertHtml(readFileSync(join(CORPUS_DIR, name, 'expected.html'), 'utf8'))));
}

export function isFurnitureClaim(segment: Segment, referenceVocabulary: ReadonlySet<string>): boolean {
  const text = segment.text.trim();
  if (FURNITURE_PATTERNS.some((re) => re.test(text))) return true;
  if (segment.section !== 'body' && segment.section !== 'subheading') return false;
  const ws = words(text);
  if (ws.length === 0 || ws.length > 12 || SENTENCE_END.test(text)) return false;
  const known = ws.filter((w) => referenceVocabulary.has(w)).length;
  return known * 2 < ws.length;
}

export async function measurePage(name: string): Promise<PageMetrics> {
  const bytes = readFileSync(join(CORPUS_DIR, name, 'source.html'));
  const reference = bagOf(words(referenceText(name)));
  const empty: PageMetrics = {
    name, refused: null, partition: null, hints: 0, importMs: 0, extractMs: 0, referenceWords: size(reference),
    contentsReferenceWords: 0, inClaims: 0, inClaimsExcludingApparatus: 0, inClaimsOrSetAside: 0, claims: 0, setAside: 0,
    furnitureClaims: [], captions: 0, credits: 0, bylines: 0, deks: 0, bios: 0, missing: [], notice: null,
    notInClaims: { credit: 0, furniture: 0, label: 0, comment: 0, other: 0, nowhere: 0 },
  };
  const t0 = performance.now();
  let imported: Awaited<ReturnType<typeof importFile>>;
  try {
    imported = await importFile(`${name}.html`, bytes);
  } catch (error) {
    return { ...empty, importMs: performance.now() - t0, refused: error instanceof Error ? error.message : String(error) };
  }
  const t1 = performance.now();
  const segments = extractSegments(imported.text, imported.structure);
  const t2 = performance.now();

  const claims = segments.filter((s) => s.setAside === undefined);
  const aside = segments.filter((s) => s.setAside !== undefined);
  const apparatus = aside.filter((s) => s.setAside === 'contents' || s.setAside === 'reference');
  const claimBag = bagOf(claims.flatMap((s) => words(s.text)));
  const asideBag = bagOf(aside.flatMap((s) => words(s.text)));
  const apparatusBag = bagOf(apparatus.flatMap((s) => words(s.text)));
  const total = size(reference) || 1;
  const withoutApparatus = minus(reference, apparatusBag);
  const vocabulary = new Set(reference.keys());
  const missingBag = minus(reference, sum(claimBag, asideBag));
  // The reference words outside claims (and outside contents/reference lists), followed kind by kind.
  const denominator = size(withoutApparatus) || 1;
  let left = minus(withoutApparatus, claimBag);
  const follow = (kinds: ReadonlyArray<string>): number => {
    const bag = bagOf(aside.filter((s) => kinds.includes(s.setAside!)).flatMap((s) => words(s.text)));
    const n = matched(left, bag);
    left = minus(left, bag);
    return n / denominator;
  };
  const credit = follow(['credit']);
  const furniture = follow(['furniture']);
  const label = follow(['subheading']);
  const comment = follow(['comment']);
  const other = follow(['list-marker', 'speaker-label', 'timestamp', 'not-a-claim']);
  const notInClaims = { credit, furniture, label, comment, other, nowhere: size(left) / denominator };

  return {
    ...empty,
    importMs: t1 - t0,
    extractMs: t2 - t1,
    partition: partitionProblem(imported.text, segments),
    hints: imported.structure.length,
    contentsReferenceWords: matched(reference, apparatusBag),
    inClaims: matched(reference, claimBag) / total,
    inClaimsExcludingApparatus: matched(withoutApparatus, claimBag) / (size(withoutApparatus) || 1),
    inClaimsOrSetAside: matched(reference, sum(claimBag, asideBag)) / total,
    claims: claims.length,
    setAside: aside.length,
    furnitureClaims: claims.filter((c) => isFurnitureClaim(c, vocabulary)).map((c) => c.text),
    captions: claims.filter((s) => s.section === 'caption').length,
    credits: aside.filter((s) => s.setAside === 'credit').length,
    bylines: claims.filter((s) => s.section === 'byline').length,
    deks: claims.filter((s) => s.section === 'dek').length,
    bios: claims.filter((s) => s.section === 'bio').length,
    missing: [...missingBag.keys()].slice(0, 40),
    notInClaims,
    notice: imported.notice ?? null,
  };
}
