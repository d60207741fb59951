// PDF text through pdfjs with everything active switched off (no eval, no font
// loading, no system fonts, no worker thread). A PDF has no paragraphs, only
// positioned runs of text, so the article is rebuilt in four steps:
//   page lines   text items grouped into lines by their baseline;
//   bands        the lines at the top and bottom of each page's text, where running
//                heads, running feet and page numbers live;
//   furniture    band lines that repeat on several pages, and page numbers, dropped;
//   paragraphs   lines joined by the vertical gap, a heading's size change, and, at a
//                page turn, whether the sentence goes on; a word hyphenated at a line
//                end is joined, a real hyphen (an address, a compound) is kept.
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { tooManyPages, tooMuchText } from './import-limits';
import { cleanAuthor, cleanDate, cleanLine, compact } from './meta-values';
import { ImportRefusal, type ImportedText } from './types';

const SCANNED = 'has no text layer (it looks scanned); run it through OCR first';

interface Line {
  /** Whitespace collapsed, trimmed, never empty. */
  text: string;
  /** Baseline, in PDF units up from the bottom of the page. */
  y: number;
  /** The largest font size on the line. */
  size: number;
  left: number;
  right: number;
}

/** The lines of one page, in the order the page draws them (its reading order, as a rule). */
type Page = Line[];

/**
 * Bounds on the work one PDF may ask for, checked as it is read: its page count
 * (which pdfjs knows before reading any page) and the text it has yielded so far.
 */
export interface PdfLimits {
  maxPages?: number;
  maxTextChars?: number;
}

export async function fromPdf(bytes: Uint8Array, limits: PdfLimits = {}): Promise<ImportedText> {
  const { maxPages = Infinity, maxTextChars = Infinity } = limits;
  let pdf: PDFDocumentProxy;
  try {
    pdf = await getDocument({
      data: new Uint8Array(bytes), // a copy: pdfjs takes ownership of (detaches) the buffer it is given
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      enableXfa: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    if ((error as { name?: string }).name === 'PasswordException') {
      throw new ImportRefusal('is protected by a password; remove the protection and import it again');
    }
    throw new ImportRefusal('is damaged or not a PDF');
  }
  try {
    if (pdf.numPages > maxPages) throw new ImportRefusal(tooManyPages(pdf.numPages));
    const pages: Page[] = [];
    let chars = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const lines = pageLines(content.items.filter((i): i is TextItem => 'str' in i));
      for (const line of lines) chars += line.text.length + 1;
      if (chars > maxTextChars) throw new ImportRefusal(tooMuchText());
      pages.push(lines);
      page.cleanup();
    }
    const text = paragraphs(withoutFurniture(pages)).join('\n\n');
    if (text.replace(/\s/g, '').length < 20) throw new ImportRefusal(SCANNED);
    const info = ((await pdf.getMetadata().catch(() => null))?.info ?? {}) as Record<string, unknown>;
    const title = cleanLine(info.Title, 1000);
    return {
      text,
      meta: compact({
        // Generators often leave "Untitled" or the file name in the Title field.
        title: /^(untitled|microsoft word - |.*\.(docx?|pdf|indd)$)/i.test(title) ? '' : title,
        author: cleanAuthor(info.Author),
        publishedAt: cleanDate(info.CreationDate),
      }),
    };
  } catch (error) {
    if (error instanceof ImportRefusal) throw error;
    throw new ImportRefusal('is damaged or not a PDF');
  } finally {
    await pdf.destroy();
  }
}

// ---- page lines -------------------------------------------------------------

/** Text items → lines: a new line where the baseline jumps or pdfjs marks an end of line. */
function pageLines(items: TextItem[]): Page {
  const lines: Page = [];
  let current: Line | null = null;
  for (const item of items) {
    const x = item.transform[4] as number;
    const y = item.transform[5] as number;
    const size = Math.abs((item.transform[3] as number) || item.height);
    if (item.str !== '') {
      if (current && Math.abs(current.y - y) > Math.max(2, size * 0.5)) {
        addLine(lines, current);
        current = null;
      }
      if (current) {
        current.text += item.str;
        current.size = Math.max(current.size, size);
        current.left = Math.min(current.left, x);
        current.right = Math.max(current.right, x + item.width);
      } else {
        current = { text: item.str, y, size, left: x, right: x + item.width };
      }
    }
    if (item.hasEOL && current) {
      addLine(lines, current);
      current = null;
    }
  }
  if (current) addLine(lines, current);
  return lines;
}

function addLine(lines: Page, line: Line): void {
  const text = line.text.replace(/\s+/g, ' ').trim();
  if (text) lines.push({ ...line, text });
}

// ---- bands and furniture ----------------------------------------------------

/**
 * The share of a page's text height, from its top and from its bottom, that counts
 * as the page's edge. Running heads and feet sit at the very edges of the text;
 * measuring from the text (not the paper) works whatever the margins are.
 */
const EDGE_BAND = 0.1;

/** The lines in the top and bottom bands of a page: the only candidates for furniture. */
function edgeLines(page: Page): Set<Line> {
  if (page.length === 0) return new Set();
  let top = -Infinity;
  let bottom = Infinity;
  for (const l of page) {
    top = Math.max(top, l.y);
    bottom = Math.min(bottom, l.y);
  }
  const depth = (top - bottom) * EDGE_BAND;
  return new Set(page.filter((l) => l.y >= top - depth || l.y <= bottom + depth));
}

/** "7", "- 7 -", "Page 7", "p. 7", "7 / 12", "Page 7 of 12". */
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:(?:page|p\.)\s*)?\d{1,4}(?:\s*(?:\/|of)\s*\d{1,4})?(?:\s*[-–—])?$/i;

/**
 * What a running line has in common from page to page: its words with every number
 * made alike ("Page 3 of 12" and "Page 4 of 12"), and its size, so that a headline
 * on the first page is not mistaken for the same title run small atop the others.
 */
function runningKey(line: Line): string {
  return `${Math.round(line.size)}|${line.text.toLowerCase().replace(/\d+/g, '#')}`;
}

/** A line is running when it sits in an edge band on at least this many pages. */
const RUNNING_PAGES = 2;

/** The keys of the edge lines that repeat on several pages: running heads and feet. */
function runningKeys(bands: Set<Line>[]): Set<string> {
  const pagesOf = new Map<string, number>();
  for (const band of bands) {
    // Counted once per page: a key twice in the same band is still one page.
    for (const key of new Set([...band].map(runningKey))) pagesOf.set(key, (pagesOf.get(key) ?? 0) + 1);
  }
  return new Set([...pagesOf].filter(([, pages]) => pages >= RUNNING_PAGES).map(([key]) => key));
}

/**
 * The pages without their running heads, running feet and page numbers. Only lines
 * in a page's edge bands are candidates, so a body sentence that happens to repeat
 * stays; on a one-page document nothing runs, but a page number is still dropped.
 */
function withoutFurniture(pages: Page[]): Page[] {
  const bands = pages.map(edgeLines);
  const running = runningKeys(bands);
  return pages.map((page, n) =>
    page.filter((line) => !(bands[n]!.has(line) && (PAGE_NUMBER.test(line.text) || running.has(runningKey(line))))),
  );
}

// ---- paragraphs -------------------------------------------------------------

/** A font size change bigger than this is a heading starting or ending. */
const SIZE_STEP = 1.5;
/** A vertical gap bigger than this many line heights is a paragraph break. */
const PARAGRAPH_GAP = 1.6;
/** A last line at least this share of the page's widest line was wrapped, not ended. */
const FULL_LINE = 0.8;

const ENDS_SENTENCE = /[.!?:…]["'”’»)\]]*$/u;
const ENDS_MID_SENTENCE = /[,;(\-–—]$/u;

/** Lines → paragraphs, each one line of text, across all pages. */
function paragraphs(pages: Page[]): string[] {
  const vocabulary = vocabularyOf(pages);
  const out: string[] = [];
  let para = '';
  let prev: Line | null = null;
  let prevPageWidth = 0;
  for (const page of pages) {
    for (const [i, line] of page.entries()) {
      const breaks =
        prev !== null &&
        (i === 0 ? !continuesOverPage(para, prev, prevPageWidth, line) : startsParagraph(prev, line));
      if (breaks && para) {
        out.push(para);
        para = '';
      }
      para = para ? joinLines(para, line.text, vocabulary) : line.text;
      prev = line;
    }
    if (page.length > 0) prevPageWidth = page.reduce((widest, l) => Math.max(widest, l.right - l.left), 0);
  }
  if (para) out.push(para);
  return out;
}

/** Within a page: a wide gap, a step back up (a new column), or a heading's size change. */
function startsParagraph(prev: Line, line: Line): boolean {
  const gap = prev.y - line.y;
  return gap > PARAGRAPH_GAP * Math.max(prev.size, line.size) || gap < 0 || Math.abs(prev.size - line.size) > SIZE_STEP;
}

/**
 * At a page turn the paragraph goes on when its sentence does: the page's last
 * paragraph does not end a sentence, the type size is the same (no heading), and the
 * next page's first line carries on — it starts in lowercase, or the last line ends
 * mid-sentence (a comma, a dash, or a line filled to the margin, which was wrapped
 * rather than ended). A short unpunctuated last line, like a subheading, is an end.
 */
function continuesOverPage(para: string, last: Line, lastPageWidth: number, first: Line): boolean {
  if (ENDS_SENTENCE.test(para) || Math.abs(last.size - first.size) > SIZE_STEP) return false;
  if (/^\p{Ll}/u.test(first.text)) return true;
  return ENDS_MID_SENTENCE.test(para) || last.right - last.left >= FULL_LINE * lastPageWidth;
}

// ---- joining lines, and the hyphen at a line end ----------------------------

interface Vocabulary {
  /** Every word of the document, lowercased; the parts of hyphenated words too. */
  words: Set<string>;
  /** Every "a-b" pair found hyphenated inside a line. */
  compounds: Set<string>;
}

/**
 * The document's own words are the best evidence for a hyphen at a line end: a
 * word that appears joined elsewhere was broken; one that appears only hyphenated
 * is a compound. Lines are read one by one, so the line-end fragments themselves
 * ("infor", "mation") never make either form appear.
 */
function vocabularyOf(pages: Page[]): Vocabulary {
  const words = new Set<string>();
  const compounds = new Set<string>();
  for (const line of pages.flat()) {
    for (const [token] of line.text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
      const parts = token.split('-');
      parts.forEach((part, i) => {
        words.add(part);
        if (i > 0) compounds.add(`${parts[i - 1]}-${part}`);
      });
    }
  }
  return { words, compounds };
}

/** Prefixes that usually make a real compound ("well-known", "self-employed", "two-thirds"). */
const COMPOUND_PREFIXES = new Set([
  'self', 'well', 'non', 'co', 'ex', 'anti', 'pre', 'post', 'multi', 'cross', 'half', 'long', 'short', 'full', 'all',
  'high', 'low', 'mid', 'semi', 'vice', 'so', 'ill', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight',
  'nine', 'ten', 'first', 'second', 'third',
]);

/**
 * Endings that are not words of their own: after one of the prefixes above they
 * mean a word broken by the typesetter ("so-cial", "mid-dle", "low-er", "ten-sion"),
 * not a compound.
 */
const WORD_ENDING = /^(?:er|ers|est|ly|ness|ment|ments|tion|tions|sion|sions|cial|tial|ity|ous|ple|dle|ing|ed|age|ary|ery|ance|ence|ant|ent|ive|ism|ist|ish|ful|less)$/;

/** An e-mail address, a URL, or a bare domain ("example.org/path"). */
const WEB_TOKEN = /@|:\/\/|www\.|[\p{L}\p{N}-]\.\p{L}{2,}/iu;

/** How a line goes on from the one before it: a space, nothing, or in place of the final hyphen. */
type LineJoin = 'space' | 'same token' | 'broken word';

function joinLines(para: string, next: string, vocabulary: Vocabulary): string {
  const last = para.slice(para.lastIndexOf(' ') + 1);
  const first = next.split(' ', 1)[0]!;
  switch (lineJoin(last, first, vocabulary)) {
    case 'broken word':
      return para.slice(0, -1) + next;
    case 'same token':
      return para + next;
    default:
      return `${para} ${next}`;
  }
}

/**
 * The break between the last token of a line and the first of the next. Only a
 * lowercase word broken at its hyphen is joined without it ("infor-" + "mation");
 * an address or URL broken at a hyphen, slash or "@" is one token again, hyphen
 * kept ("hq-" + "media@example.org"), and so is anything with digits or capitals
 * ("COVID-" + "19", "Jean-" + "Pierre", "2019-" + "20") or a likely compound.
 */
function lineJoin(last: string, first: string, vocabulary: Vocabulary): LineJoin {
  const web = WEB_TOKEN.test(last) || WEB_TOKEN.test(first);
  if (web && continuesAddress(last, first)) return 'same token';
  if (!last.endsWith('-')) return 'space';
  // A free-standing dash ("-", "--") is punctuation between words.
  const stem = last.slice(0, -1).replace(/^[\p{P}\p{S}]+/u, '');
  if (!/[\p{L}\p{N}]$/u.test(stem)) return 'space';
  // "well-" + "known": a lowercase word of two letters or more (capitalised, at most
  // at the start of a sentence or a name), and a lowercase word going on.
  const tail = /^\p{Ll}+/u.exec(first)?.[0];
  if (!tail || !/^(?:\p{Lu}\p{Ll}+|\p{Ll}{2,})$/u.test(stem)) return 'same token';
  const head = stem.toLowerCase();
  if (vocabulary.words.has(head + tail)) return 'broken word';
  if (vocabulary.compounds.has(`${head}-${tail}`)) return 'same token';
  if (COMPOUND_PREFIXES.has(head) && !WORD_ENDING.test(tail)) return 'same token';
  return 'broken word';
}

/**
 * An address goes on over the line end when the line breaks inside it: at a hyphen,
 * after its "@", or after a slash with more of the path to come ("example.org/" +
 * "some-path"; not "example.org/" + "for", which is the sentence going on).
 */
function continuesAddress(last: string, first: string): boolean {
  if (last.endsWith('-') || last.endsWith('@')) return true;
  return last.endsWith('/') && WEB_TOKEN.test(last) && /[-/.?=#&_%@][\p{L}\p{N}]/u.test(first);
}
