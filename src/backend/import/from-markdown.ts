// Markdown to plain article text with a small hand-written stripper rather than a
// Markdown library: we want text, never HTML, and a parser would hand back markup
// or an AST that still needs this walk. Block structure survives (a heading or a
// paragraph per line, blank lines between); inline markup, link targets, images
// and raw HTML tags fall away. YAML front matter prefills the metadata.
//
// Every step is linear in its input (a file is hostile until read): the line tests
// are anchored regexes with no nested or adjacent repetition, and the inline passes
// are scanners that find each closing mark once (a sorted list of its positions)
// instead of regexes that rescan the rest of the paragraph from every opening mark.
// A 253-byte `[x](aaaa…` once never finished, and `**a ` × 20,000 took 19 s.
import type { ArticleMeta } from '../../shared/model';
import { cleanAuthor, cleanDate, cleanLine, cleanUrl, compact } from './meta-values';
import type { ImportedText } from './types';

export function fromMarkdown(source: string): ImportedText {
  const { body, front } = splitFrontMatter(source.replace(/\r\n?/g, '\n'));
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let fence: string | null = null;
  let title = '';
  const flush = () => {
    const text = inline(paragraph.join(' '));
    if (text) blocks.push(text);
    paragraph = [];
  };
  const heading = (text: string) => {
    flush();
    const clean = inline(text);
    if (!clean) return;
    title ||= clean;
    blocks.push(clean);
  };

  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (fence !== null) {
      if (raw.trim().startsWith(fence)) fence = null;
      else if (raw.trim()) blocks.push(raw.trim());
      continue;
    }
    const fenceOpen = /^\s*(```+|~~~+)/.exec(raw);
    if (fenceOpen) {
      flush();
      fence = fenceOpen[1]!;
      continue;
    }
    const line = raw.replace(/^\s{0,3}(?:>\s?)+/, '').trimEnd(); // blockquotes read as text
    const next = lines[i + 1] ?? '';
    if (line.trim() === '') { flush(); continue; }
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue; // link reference definition
    const atx = atxHeading(line);
    if (atx !== null) { heading(atx); continue; }
    if (paragraph.length === 0 && /^\s{0,3}(?:=+|-+)\s*$/.test(next) && !/^\s{0,3}[-*+]\s/.test(line)) {
      heading(line); // setext heading: the text line above === or ---
      i++;
      continue;
    }
    if (isThematicBreak(line)) { flush(); continue; }
    if (isTableRule(line)) continue;
    const item = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/.exec(line);
    if (item) { flush(); paragraph.push(item[1]!); flush(); continue; }
    if (line.includes('|') && /^\s*\|.*\|\s*$/.test(line)) {
      flush();
      paragraph.push(line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()).filter(Boolean).join(' · '));
      flush();
      continue;
    }
    paragraph.push(line.trim().replace(/\\$/, ''));
    if (raw.endsWith('  ') || raw.endsWith('\\')) flush(); // a hard line break keeps its line
  }
  flush();

  return { text: blocks.join('\n\n'), meta: { ...compact({ title }), ...front } };
}

/** `# Heading #` → "Heading"; null when the line is no ATX heading. */
function atxHeading(line: string): string | null {
  const open = /^\s{0,3}#{1,6}\s+/.exec(line);
  if (!open) return null;
  // The closing sequence: a run of # at the end, after a space (or making up the whole rest).
  const rest = line.slice(open[0].length).trimEnd();
  let cut = rest.length;
  while (cut > 0 && rest.charCodeAt(cut - 1) === HASH) cut--;
  const text = cut > 0 && cut < rest.length && isSpace(rest.charCodeAt(cut - 1)) ? rest.slice(0, cut).trimEnd() : rest;
  // As the regex it replaces (`.` stops at a line end): a line separator inside the text is no heading.
  for (let i = 0; i < text.length; i++) if (isLineEnd(text.charCodeAt(i))) return null;
  return text;
}

/** `***`, `- - -`, `___`: three or more marks and nothing else, indented at most three spaces. */
function isThematicBreak(line: string): boolean {
  let i = 0;
  while (i < line.length && i < 4 && isSpace(line.charCodeAt(i))) i++;
  if (i > 3) return false;
  let marks = 0;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === DASH || c === STAR || c === UNDERSCORE) marks++;
    else if (!isSpace(c)) return false;
  }
  return marks >= 3;
}

/** A table's rule line: `|---|:--:|`, cells of three dashes or more with optional colons. */
function isTableRule(line: string): boolean {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|')) t = t.slice(0, -1);
  return t.split('|').every((cell) => /^:?-{3,}:?$/.test(cell.trim()));
}

/** Inline markup to text: images go, links keep their words, emphasis and code lose their marks. */
export function inline(text: string): string {
  let s = withoutComments(text);
  s = withoutImages(s);
  s = inlineLinksAsText(s);
  s = referenceLinksAsText(s);
  s = autolinksAsText(s);
  s = withoutTags(s);
  s = codeAsText(s);
  s = unwrapDoubled(s); // **strong**, __strong__
  s = unwrapSingle(s, STAR); // *emphasis*
  s = unwrapSingle(s, UNDERSCORE); // _emphasis_ (but not snake_case)
  s = unwrapTilde(s); // ~~strike~~
  return s
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

// ---- linear inline passes ------------------------------------------------------
// Each pass does what one regex `replace` did, left to right and without rescanning:
// the first closing mark after an opening one comes from a sorted list of positions.

const HASH = 0x23;
const STAR = 0x2a;
const UNDERSCORE = 0x5f;
const DASH = 0x2d;
const TILDE = 0x7e;
const BACKTICK = 0x60;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

/** JavaScript's `\s`. */
function isSpace(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** What a regex `.` does not match. */
function isLineEnd(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/** JavaScript's `\w`. */
function isWord(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === UNDERSCORE;
}

const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** The positions in a string where something holds, to find the first one at or after a point in O(log n). */
class Positions {
  private constructor(private readonly at: Int32Array) {}

  static where(s: string, holds: (i: number) => boolean): Positions {
    let count = 0;
    for (let i = 0; i < s.length; i++) if (holds(i)) count++;
    const at = new Int32Array(count);
    for (let i = 0, k = 0; k < count; i++) if (holds(i)) at[k++] = i;
    return new Positions(at);
  }

  static of(s: string, char: string): Positions {
    let count = 0;
    for (let i = s.indexOf(char); i !== -1; i = s.indexOf(char, i + 1)) count++;
    const at = new Int32Array(count);
    for (let i = s.indexOf(char), k = 0; i !== -1; i = s.indexOf(char, i + 1)) at[k++] = i;
    return new Positions(at);
  }

  /** The first position at or after `from`, or -1. */
  next(from: number): number {
    let lo = 0;
    let hi = this.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.at[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.at.length ? this.at[lo]! : -1;
  }
}

/** Collects the output of a pass: the text between matches, and each match's replacement. */
class Rewriter {
  private parts: string[] = [];
  private pos = 0;
  constructor(private readonly s: string) {}
  /** Replaces s[start, end) with `by`. */
  replace(start: number, end: number, by: string): void {
    this.parts.push(this.s.slice(this.pos, start), by);
    this.pos = end;
  }
  done(): string {
    if (this.pos === 0) return this.s;
    this.parts.push(this.s.slice(this.pos));
    return this.parts.join('');
  }
}

/** `<!-- … -->` goes. */
function withoutComments(s: string): string {
  const out = new Rewriter(s);
  for (let from = 0; ; ) {
    const open = s.indexOf('<!--', from);
    if (open === -1) break;
    const close = s.indexOf('-->', open + 4);
    if (close === -1) break;
    out.replace(open, close + 3, '');
    from = close + 3;
  }
  return out.done();
}

/** `![alt](src)` and `![alt][ref]` go. */
function withoutImages(s: string): string {
  if (!s.includes('![')) return s;
  const brackets = Positions.of(s, ']');
  const parens = Positions.of(s, ')');
  const out = new Rewriter(s);
  for (let from = 0; ; ) {
    const i = s.indexOf('![', from);
    if (i === -1) break;
    const k = brackets.next(i + 2);
    if (k === -1) break; // no "]" left: no image can close
    const after = s[k + 1];
    const end = after === '(' ? parens.next(k + 2) : after === '[' ? brackets.next(k + 2) : -1;
    if (end === -1) {
      from = i + 1;
      continue;
    }
    out.replace(i, end + 1, '');
    from = end + 1;
  }
  return out.done();
}

/**
 * `[words](target "title")` → "words". The target has no spaces and may hold one
 * level of parentheses; a title in double quotes may follow it. Where a target ends
 * depends only on where it starts, so each answer is kept: many `[` before one `](`,
 * or many targets that rejoin after the same `)`, never rescan the same stretch.
 */
function inlineLinksAsText(s: string): string {
  if (!s.includes('](')) return s;
  const n = s.length;
  const brackets = Positions.of(s, ']');
  const parens = Positions.of(s, ')');
  const quotes = Positions.of(s, '"');
  const known = new Map<number, number>();
  /** The index of the `)` that closes a target starting at `start`, or -1. */
  const targetEnd = (start: number): number => {
    const path: number[] = [];
    let p = start;
    let end = -1;
    for (;;) {
      const seen = known.get(p);
      if (seen !== undefined) {
        end = seen;
        break;
      }
      path.push(p);
      while (p < n) {
        const c = s.charCodeAt(p);
        if (c === OPEN_PAREN || c === CLOSE_PAREN || isSpace(c)) break;
        p++;
      }
      if (p >= n) break;
      const c = s.charCodeAt(p);
      if (c === CLOSE_PAREN) {
        end = p;
        break;
      }
      if (c === OPEN_PAREN) {
        const close = parens.next(p + 1);
        if (close === -1) break;
        p = close + 1;
        continue;
      }
      // Spaces: only a "title" and the closing parenthesis may follow.
      let t = p;
      while (t < n && isSpace(s.charCodeAt(t))) t++;
      if (s[t] === '"') {
        const q = quotes.next(t + 1);
        if (q !== -1 && s[q + 1] === ')') end = q + 1;
      }
      break;
    }
    for (const at of path) known.set(at, end);
    return end;
  };
  return bracketedAsText(s, brackets, '(', targetEnd);
}

/** `[words][ref]` → "words". */
function referenceLinksAsText(s: string): string {
  if (!s.includes('][')) return s;
  const brackets = Positions.of(s, ']');
  return bracketedAsText(s, brackets, '[', (at) => brackets.next(at));
}

/**
 * `[words]` followed by `opener` and what `endFrom` finds from just after it (a link's
 * target, a reference's label) → "words". One forward pass: each search resumes where
 * the last stopped (`brackets` only moves forward), so it stays linear.
 */
function bracketedAsText(s: string, brackets: Positions, opener: '(' | '[', endFrom: (at: number) => number): string {
  const out = new Rewriter(s);
  for (let from = 0; ; ) {
    const i = s.indexOf('[', from);
    if (i === -1) break;
    const k = brackets.next(i + 1);
    if (k === -1) break;
    const end = k > i + 1 && s[k + 1] === opener ? endFrom(k + 2) : -1;
    if (end === -1) {
      from = i + 1;
      continue;
    }
    out.replace(i, end + 1, s.slice(i + 1, k));
    from = end + 1;
  }
  return out.done();
}

/** `<https://…>` → the address. */
function autolinksAsText(s: string): string {
  if (!s.includes('<http')) return s;
  const closers = Positions.of(s, '>');
  const spaces = Positions.where(s, (i) => isSpace(s.charCodeAt(i)));
  const out = new Rewriter(s);
  for (let from = 0; ; ) {
    const i = s.indexOf('<http', from);
    if (i === -1) break;
    from = i + 1;
    const scheme = s.startsWith('http://', i + 1) ? 7 : s.startsWith('https://', i + 1) ? 8 : 0;
    if (!scheme) continue;
    const start = i + 1 + scheme;
    const close = closers.next(start);
    if (close === -1) break;
    const space = spaces.next(start);
    if (close === start || (space !== -1 && space < close)) continue;
    out.replace(i, close + 1, s.slice(i + 1, close));
    from = close + 1;
  }
  return out.done();
}

/** Raw HTML tags go, their text stays. */
function withoutTags(s: string): string {
  if (!s.includes('<')) return s;
  const closers = Positions.of(s, '>');
  const out = new Rewriter(s);
  for (let from = 0; ; ) {
    const i = s.indexOf('<', from);
    if (i === -1) break;
    from = i + 1;
    const name = s.charCodeAt(i + 1) === 0x2f ? i + 2 : i + 1;
    if (!isAsciiLetter(s.charCodeAt(name))) continue;
    const close = closers.next(name + 1);
    if (close === -1) break; // no ">" left: no tag can close
    out.replace(i, close + 1, '');
    from = close + 1;
  }
  return out.done();
}

/** `` `code` `` → "code": a run of backticks closes at the next run of the same length. */
function codeAsText(s: string): string {
  if (!s.includes('`')) return s;
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let i = s.indexOf('`'); i !== -1; ) {
    let j = i;
    while (s.charCodeAt(j) === BACKTICK) j++;
    starts.push(i);
    lengths.push(j - i);
    i = s.indexOf('`', j);
  }
  const nextSame = new Int32Array(starts.length).fill(-1);
  const lastOfLength = new Map<number, number>();
  for (let r = starts.length - 1; r >= 0; r--) {
    nextSame[r] = lastOfLength.get(lengths[r]!) ?? -1;
    lastOfLength.set(lengths[r]!, r);
  }
  const out = new Rewriter(s);
  for (let r = 0; r < starts.length; ) {
    const close = nextSame[r]!;
    if (close === -1) {
      r++;
      continue;
    }
    const open = starts[r]!;
    const length = lengths[r]!;
    out.replace(open, starts[close]! + length, s.slice(open + length, starts[close]));
    r = close + 1;
  }
  return out.done();
}

/**
 * Marks around text, as `(MARK)(?=\S)(.+?)(?<=\S)MARK` replaced by the text: an opening
 * mark at `i` (`opens`), followed by a non-space, closes at the first closing mark
 * (`closes`, not after a space) at least one character later, on the same line.
 */
function unwrapMarked(s: string, width: number, opens: (i: number) => boolean, closes: Positions): string {
  const n = s.length;
  const lineEnds = Positions.where(s, (i) => isLineEnd(s.charCodeAt(i)));
  const out = new Rewriter(s);
  for (let i = 0; i + width < n; i++) {
    if (!opens(i) || isSpace(s.charCodeAt(i + width))) continue;
    const close = closes.next(i + width + 1);
    if (close === -1) continue;
    const lineEnd = lineEnds.next(i + width);
    if (lineEnd !== -1 && lineEnd < close) continue;
    out.replace(i, close + width, s.slice(i + width, close));
    i = close + width - 1;
  }
  return out.done();
}

/** `**strong**` and `__strong__` in one pass (a mark closes only its own kind). */
function unwrapDoubled(s: string): string {
  if (!s.includes('**') && !s.includes('__')) return s;
  const doubled = (i: number, c: number) => s.charCodeAt(i) === c && s.charCodeAt(i + 1) === c;
  const closing = (c: number) => Positions.where(s, (k) => k > 0 && doubled(k, c) && !isSpace(s.charCodeAt(k - 1)));
  const stars = closing(STAR);
  const underscores = closing(UNDERSCORE);
  const n = s.length;
  const lineEnds = Positions.where(s, (i) => isLineEnd(s.charCodeAt(i)));
  const out = new Rewriter(s);
  for (let i = 0; i + 2 < n; i++) {
    const c = s.charCodeAt(i);
    if ((c !== STAR && c !== UNDERSCORE) || !doubled(i, c) || isSpace(s.charCodeAt(i + 2))) continue;
    const close = (c === STAR ? stars : underscores).next(i + 3);
    if (close === -1) continue;
    const lineEnd = lineEnds.next(i + 2);
    if (lineEnd !== -1 && lineEnd < close) continue;
    out.replace(i, close + 2, s.slice(i + 2, close));
    i = close + 1;
  }
  return out.done();
}

/** `*emphasis*` or `_emphasis_`: a mark with no word character (or the same mark) outside it. */
function unwrapSingle(s: string, mark: number): string {
  if (!s.includes(String.fromCharCode(mark))) return s;
  const n = s.length;
  const free = (i: number) => i < 0 || i >= n || !(isWord(s.charCodeAt(i)) || s.charCodeAt(i) === mark);
  const closes = Positions.where(s, (k) => k > 0 && s.charCodeAt(k) === mark && !isSpace(s.charCodeAt(k - 1)) && free(k + 1));
  return unwrapMarked(s, 1, (i) => s.charCodeAt(i) === mark && free(i - 1), closes);
}

/** `~~strike~~`. */
function unwrapTilde(s: string): string {
  if (!s.includes('~~')) return s;
  const tildes = (i: number) => s.charCodeAt(i) === TILDE && s.charCodeAt(i + 1) === TILDE;
  const closes = Positions.where(s, (k) => k > 0 && tildes(k) && !isSpace(s.charCodeAt(k - 1)));
  return unwrapMarked(s, 2, tildes, closes);
}

const FRONT_KEYS: Record<string, keyof ArticleMeta> = {
  title: 'title',
  author: 'author',
  authors: 'author',
  byline: 'author',
  publication: 'publication',
  site: 'publication',
  publisher: 'publication',
  date: 'publishedAt',
  published: 'publishedAt',
  publishedat: 'publishedAt',
  url: 'sourceUrl',
  source: 'sourceUrl',
  canonical: 'sourceUrl',
  canonical_url: 'sourceUrl',
};

/** A leading `---` … `---` block of `key: value` lines; anything fancier is left alone. */
function splitFrontMatter(source: string): { body: string; front: Partial<ArticleMeta> } {
  const match = /^\uFEFF?---\n([\s\S]*?)\n(?:---|\.\.\.)\n/.exec(source);
  if (!match) return { body: source, front: {} };
  const front: Partial<ArticleMeta> = {};
  for (const line of match[1]!.split('\n')) {
    const kv = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(line);
    const key = kv && FRONT_KEYS[kv[1]!.toLowerCase()];
    if (!key || front[key]) continue;
    const value = kv[2]!.replace(/^(['"])(.*)\1$/, '$2');
    const clean =
      key === 'sourceUrl' ? cleanUrl(value) : key === 'author' ? cleanAuthor(value) : key === 'publishedAt' ? cleanDate(value) : cleanLine(value, 1000);
    if (clean) front[key] = clean;
  }
  return { body: source.slice(match[0].length), front };
}
