// Walks the article's part of the page and writes it out as blocks (paragraphs), each
// with the role the page gives it: a caption, its credit, the byline, the dek, a
// subheading, a bio, a table of contents, a reference list, furniture, or body copy.
// Nothing inside the article is dropped except controls and hidden UI; furniture is
// kept as set-aside text. Inline text never changes role inside a body paragraph, so
// a <time> or a link in a sentence stays in its sentence.
import type { Section, SetAsideKind } from '../../../shared/model';
import { isPersonName } from '../meta-values';
import { isCommentThread, isCreditLine, isFurnitureElement, isFurnitureLine, readsLikeCredit, splitCreditTail } from './furniture';
import { isProseParagraph, linkDensity, type PageStats } from './measure';
import {
  type ChromeKind,
  chromeName,
  isBioNamed,
  isBylineNamed,
  isCaptionNamed,
  isContributorNamed,
  isCreditNamed,
  isDateNamed,
  isDekNamed,
  isEditControl,
  isGalleryNamed,
  isHidden,
  isReferencesNamed,
  isSemanticChrome,
  isTocNamed,
  isVisuallyHidden,
} from './names';
import { simplify } from './metadata';
import { ABOUT_AUTHOR, BARE_LABEL, BY_NAME, DATE_LINE, NAME_SHAPED, SIGN_OFF, apparatusOf, hasDateText, isBylineLine, isLabelHeading, isReferenceLine } from './lines';
import { BLOCKS, childElements } from '../html-dom';

export interface Role {
  section: Section;
  setAside?: SetAsideKind;
}

export interface Block extends Role {
  text: string;
}

const BODY: Role = { section: 'body' };
const FURNITURE: Role = { section: 'body', setAside: 'furniture' };
/** Readers' comments: not the article, but words on its page the checker sees and can promote. */
export const COMMENTS: Role = { section: 'body', setAside: 'comment' };
// Spaces and colons at the end of a label; the lookbehind keeps a long run of spaces linear.
const TRAILING_COLON = /(?<![\s:])[\s:]+$/u;


const HEADINGS: Record<string, number> = { H1: 1, H2: 2, H3: 3, H4: 4, H5: 5, H6: 6 };
const SKIP = new Set(['IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'SOURCE', 'TRACK', 'MAP', 'AREA', 'HEAD', 'TITLE', 'WBR']);
const PARAGRAPHS = new Set(['P', 'LI', 'BLOCKQUOTE', 'TD', 'TH', 'DD', 'DT', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'FIGCAPTION', 'CAPTION']);
// Furniture kinds that win over an author's name in the same element ("author-follow-ad", "cta-contributor").
const PROMOTION: ReadonlySet<ChromeKind> = new Set(['ad', 'share', 'newsletter', 'related', 'promo', 'comments', 'consent', 'print']);
const POSTED_BY = /^(?:posted|written|published)\s+by\b/i;
const CREDIT_TAGS = new Set(['SMALL', 'SPAN', 'CITE', 'EM', 'I', 'P', 'DIV', 'B', 'STRONG']);
// What makes a table cell a layout cell rather than a value.
const CELL_BREAKERS = 'table, blockquote, pre, section, article, figure, h1, h2, h3, h4, h5, h6, header, footer, aside, nav';
// A cell of paragraphs or lists is a value only while short.
const CELL_PARTS = 'p, div, ul, ol, dl';
const MAX_CELL_WORDS = 40;
// Stands for a block boundary inside a cell until the cell's text is joined.
const PART = '\u241e';

interface Context {
  role: Role;
  /** Inside a p, li, blockquote, cell, heading: inline elements never change role here. */
  paragraph: boolean;
  figure: boolean;
  listItem: boolean;
  heading: number;
  pre: boolean;
  link: boolean;
  /** After the article's body text: only bios, bylines, captions and furniture are there. */
  trailing: boolean;
  /** A heading in the headline's own header (a subtitle). */
  nearHeadline: boolean;
  table: boolean;
}

/** Where the article starts and ends inside what is written: before `start` is skipped, after `end` trails. */
export interface Span {
  start: Element;
  end: Element;
}

// What trails the article (a bio, furniture) is kept up to this many paragraphs; past
// them, the page's chrome (menus, teasers, footers) is left out like the rest of the
// page, but a paragraph of prose never is: it may be the article's, missed by the region.
const MAX_TRAILING = 60;

export interface WalkOptions {
  stats: PageStats;
  /** The page's prose weight: an element holding half of it is the article, never furniture. */
  articleProse: number;
  /** The headline element, written first by the caller and skipped here; and its text. */
  headline: Element | null;
  headlineText: string;
  /** The author's name from the page's metadata, to know a byline line when there is no byline element. */
  author: string;
}

interface Shape {
  linkShare: number;
  listItem: boolean;
  heading: number;
  near: boolean;
  table: boolean;
}

interface Apparatus {
  kind: 'contents' | 'reference' | 'furniture';
  level: number;
}

const wordCount = (s: string): number => (s.match(/\S+/g) ?? []).length;

// "Opens a new window" in an icon beside a link: a hint for screen readers inside a sentence, not its words.
const LINK_HINT = /^\(?(?:opens?|open) (?:in )?(?:a )?new (?:window|tab)\)?\.?$|^\(?external link\)?$/i;
const isLinkHint = (el: Element): boolean =>
  !BLOCKS.has(el.tagName) && el.closest('a') !== null && LINK_HINT.test((el.textContent ?? '').trim());

export class StructureWriter {
  readonly blocks: Block[] = [];
  // The paragraph being gathered: its text, the context of its first words, its link share.
  private buf = '';
  private bufCtx: Context | null = null;
  private bufLink = 0;
  private bufChars = 0;
  /** A bare label ("By", "Last updated:") waiting for the value in the next paragraph. */
  private label = '';
  /** The last text came from another element than the next will. */
  private boundary = false;
  private labelRole: Section = 'byline';
  private prefix = '';
  private apparatus: Apparatus | null = null;
  /** A body paragraph of some length has been written: the article's header is over. */
  bodyStarted = false;
  private dekDone = false;

  constructor(private readonly opts: WalkOptions) {}

  private readonly roots = new Set<Element>();
  private readonly alts = new Set<string>();
  private span: Span | null = null;
  private started = true;
  private ended = false;
  private trailingBlocks = 0;

  /**
   * Writes the element's text (the element itself may carry a role, unless it is the
   * article's container). With a span, only what lies from `span.start` on is written,
   * and what follows `span.end` only when it is a bio, a byline, a caption or furniture.
   */
  write(root: Element, span: Span | null = null, role: Role = BODY): void {
    this.roots.add(root);
    this.span = span;
    this.started = span === null;
    this.ended = false;
    this.walk(root, { role, paragraph: false, figure: false, listItem: false, heading: 0, pre: false, link: false, trailing: false, nearHeadline: false, table: false });
    this.flush();
    if (this.label) {
      this.blocks.push({ section: this.labelRole, text: this.label });
      this.label = '';
    }
    this.span = null;
  }

  private append(text: string, ctx: Context): void {
    const piece = ctx.pre ? text.replace(/[ \t\f\r]+/g, ' ') : text.replace(/\s+/g, ' ');
    if (piece === '') return;
    const hasText = /\S/.test(piece);
    if (hasText && this.bufCtx === null) this.bufCtx = ctx;
    // "Credit" + "Mara Ellison", "1" + "History": element texts the page's style sets apart.
    if (this.boundary && /^\p{Lu}/u.test(piece) && /[\p{Ll}\p{N}]$/u.test(this.buf)) this.buf += ' ';
    if (hasText) this.boundary = false;
    if (hasText && this.prefix) {
      this.buf += `${this.prefix}`;
      this.prefix = '';
    }
    this.buf += piece;
    const chars = piece.replace(/\s+/g, '').length;
    this.bufChars += chars;
    if (ctx.link) this.bufLink += chars;
  }

  private walk(node: Node, ctx: Context): void {
    if (node.nodeType === 3) {
      this.append(node.nodeValue ?? '', ctx);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName;
    if (tag === 'IMG') this.noteAlt(el);
    else if (tag === 'PICTURE') for (const img of el.querySelectorAll('img')) this.noteAlt(img);
    if (SKIP.has(tag)) return;
    if (this.span && !this.started) {
      if (el === this.span.start) this.started = true;
      else if (!el.contains(this.span.start)) return; // before the article's start
    }
    if (this.ended && !ctx.trailing) ctx = { ...ctx, trailing: true };
    if (ctx.trailing && this.trailingBlocks >= MAX_TRAILING && !this.opts.stats.get(el)?.prose) return;
    if (tag === 'BR') {
      this.buf += '\n';
      return;
    }
    if (isHidden(el) && isFurnitureElement(el, this.opts.stats, this.opts.articleProse)) return;
    if (isLinkHint(el)) return;
    if (el === this.opts.headline) {
      this.flush();
      return;
    }
    const level = HEADINGS[tag] ?? 0;
    if (level > 0 && this.opts.headlineText && simplify(el.textContent ?? '') === this.opts.headlineText) {
      this.flush();
      return;
    }

    const role = this.roleOf(el, ctx);
    const block = BLOCKS.has(tag);
    const inline = !block;
    // A role change inside a paragraph would break a sentence: only a caption's credit and
    // a byline's date are split out of the paragraph they sit in.
    const changes = role !== null && (!inline || this.mayChangeInline(el, ctx, role));
    const next: Context = {
      role: changes ? role! : ctx.role,
      paragraph: ctx.paragraph || PARAGRAPHS.has(tag),
      figure: ctx.figure || tag === 'FIGURE',
      listItem: ctx.listItem || tag === 'LI' || tag === 'DD' || tag === 'DT',
      heading: level || ctx.heading,
      pre: ctx.pre || tag === 'PRE',
      link: ctx.link || tag === 'A',
      trailing: ctx.trailing,
      nearHeadline: ctx.nearHeadline || (level > 1 && this.isNearHeadline(el)),
      table: ctx.table || tag === 'TABLE',
    };
    const split = block || changes;
    const hiddenLabel = inline && isVisuallyHidden(el);
    if (split) this.flush();
    if (hiddenLabel) this.append(' ', next);
    if (inline) this.boundary = true;

    if (tag === 'OL' || tag === 'UL') this.walkList(el, next);
    else if (tag === 'TR' && this.isInlineRow(el)) this.walkRow(el, next);
    else for (let child = el.firstChild; child; child = child.nextSibling) this.walk(child, next);

    if (hiddenLabel) this.append(' ', next);
    if (inline) this.boundary = true;
    if (split) this.flush();
    if (tag === 'LI') this.prefix = '';
    if (this.span && el === this.span.end) {
      this.flush();
      this.ended = true;
    }
  }

  /**
   * An inline element takes a role of its own only where that breaks no sentence: a
   * credit in a caption; a date beside a name in a byline; a span alone in its box
   * (a byline's parts laid out by the page's style), not a link inside a line of text.
   */
  private mayChangeInline(el: Element, ctx: Context, role: Role): boolean {
    if (ctx.role.section === 'caption' && role.setAside === 'credit') return true;
    if (role === FURNITURE && isEditControl(el)) return true; // "[edit]" is no word of its heading

    const parent = el.parentElement;
    if (parent) {
      for (let c = parent.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3 && /\S/.test(c.nodeValue ?? '')) return false;
      }
    }
    if (!ctx.paragraph) return true;
    return (ctx.role.section === 'byline' || ctx.role.section === 'dateline') && (role.section === 'dateline' || role.section === 'byline');
  }

  private walkList(list: Element, ctx: Context): void {
    const ordered = list.tagName === 'OL';
    const items = childElements(list).filter((c) => c.tagName === 'LI');
    const reversed = ordered && list.hasAttribute('reversed');
    const start = Number.parseInt(list.getAttribute('start') ?? '', 10);
    let n = Number.isFinite(start) ? start : reversed ? items.length : 1;
    for (let child = list.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1 && (child as Element).tagName === 'LI') {
        const value = Number.parseInt((child as Element).getAttribute('value') ?? '', 10);
        if (ordered && Number.isFinite(value)) n = value;
        this.flush();
        this.prefix = ordered ? `${n}. ` : '';
        this.walk(child, ctx);
        this.prefix = '';
        n += reversed ? -1 : 1;
      } else this.walk(child, ctx);
    }
  }

  /**
   * A row of short cells (an infobox's "Capital | Wellington", a data table's row): one
   * line, "cell | cell", the parts of a cell joined by commas. A layout table's cells
   * hold paragraphs and other tables, and are read as blocks.
   */
  private isInlineRow(tr: Element): boolean {
    const cells = childElements(tr).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
    if (cells.length < 2 || cells.length > 16) return false;
    return cells.every(
      (c) => c.querySelector(CELL_BREAKERS) === null && ((this.opts.stats.get(c)?.words ?? 0) <= MAX_CELL_WORDS || c.querySelector(CELL_PARTS) === null),
    );
  }

  private walkRow(tr: Element, ctx: Context): void {
    this.flush();
    const cells = childElements(tr).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
    const texts: string[] = [];
    let link = 0;
    let chars = 0;
    for (const cell of cells) {
      this.buf = '';
      this.bufCtx = null;
      this.bufLink = 0;
      this.bufChars = 0;
      const cellCtx: Context = { ...ctx, paragraph: true };
      for (let child = cell.firstChild; child; child = child.nextSibling) this.walkInline(child, cellCtx);
      const text = this.buf
        .replace(/\s+/g, ' ')
        .replace(new RegExp(`\\s*(?:${PART}\\s*)+`, 'g'), PART)
        .replace(new RegExp(`^${PART}|${PART}$`, 'g'), '')
        .replaceAll(PART, ', ')
        .trim();
      if (text) texts.push(text);
      link += this.bufLink;
      chars += this.bufChars;
    }
    // A row of header cells labels the columns: set aside like a label heading.
    const headerRow = cells.every((c) => c.tagName === 'TH') && ctx.role.section === 'body' && !ctx.role.setAside;
    this.bufCtx = { ...ctx, role: headerRow ? { section: 'body', setAside: 'subheading' } : ctx.role, listItem: false, heading: 0, nearHeadline: false, table: true };
    this.buf = texts.join(' | ');
    this.bufLink = link;
    this.bufChars = chars;
    this.flush();
  }

  /** Inline text only (a table cell): no role changes, line breaks as spaces. */
  private walkInline(node: Node, ctx: Context): void {
    if (node.nodeType === 3) {
      this.append(node.nodeValue ?? '', ctx);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (SKIP.has(el.tagName) || isEditControl(el)) return;
    if (el.tagName === 'BR') {
      this.append(' ', ctx);
      return;
    }
    if (isHidden(el) && isFurnitureElement(el, this.opts.stats, this.opts.articleProse)) return;
    if (isLinkHint(el)) return;
    const next = el.tagName === 'A' ? { ...ctx, link: true } : ctx;
    const label = isVisuallyHidden(el);
    const part = BLOCKS.has(el.tagName);
    if (part) this.buf += PART;
    if (label) this.append(' ', next);
    this.boundary = true;
    for (let child = el.firstChild; child; child = child.nextSibling) this.walkInline(child, next);
    this.boundary = true;
    if (label) this.append(' ', next);
    if (part) this.buf += PART;
  }

  /** The role the element gives its text, or null to keep the surrounding one. */
  private roleOf(el: Element, ctx: Context): Role | null {
    if (this.roots.has(el)) return null;
    const current = ctx.role;
    const stats = this.opts.stats.get(el);
    const words = stats?.words ?? 0;
    if (words === 0) return null;
    // A wiki's "[edit]" beside a heading: shown on the page, so kept, but set aside.
    if (isEditControl(el)) return current.setAside ? null : FURNITURE;
    // In a sidebar or a footer, the author's box is still the author's bio.
    if (current.setAside === 'furniture') {
      const named = isBioNamed(el) || (this.bodyStarted && words >= 12 && (isBylineNamed(el) || isContributorNamed(el)));
      const chrome = chromeName(el);
      const bio = named && words >= 8 && words <= 200 && (chrome === null || chrome === 'site');
      return bio ? { section: 'bio' } : null;
    }
    // In a comment thread, its reply form and its buttons are furniture; every comment stays a comment.
    if (current.setAside === 'comment') return isSemanticChrome(el) && isFurnitureElement(el, this.opts.stats, this.opts.articleProse) ? FURNITURE : null;
    if (current.setAside) return null; // contents, reference, credit: what is inside is the same

    if (isTocNamed(el) || this.isInPageIndex(el)) return { section: 'body', setAside: 'contents' };
    if (isReferencesNamed(el) && el.tagName !== 'SUP' && el.tagName !== 'A') return { section: 'body', setAside: 'reference' };
    if (current.section === 'caption' || ctx.figure) {
      const creditShaped = isCreditNamed(el) || (CREDIT_TAGS.has(el.tagName) && readsLikeCredit(el.textContent ?? ''));
      if (creditShaped && words <= 25) return { section: 'caption', setAside: 'credit' };
    } else if (isCreditNamed(el) && words <= 20) {
      return { section: 'caption', setAside: 'credit' };
    }
    if (el.tagName === 'FIGCAPTION' || el.tagName === 'CAPTION' || (isCaptionNamed(el) && words <= 150)) {
      return current.section === 'caption' ? null : { section: 'caption' };
    }
    if (current.section === 'caption') return null;
    if (isGalleryNamed(el)) return { section: 'caption' };
    if (this.isCaptionAfterFigure(el, words)) return { section: 'caption' };
    // A promo named as such ("cta-contributor", "author-follow-ad") is furniture before it is a bio or a byline.
    const chrome = chromeName(el);
    if (chrome === 'comments' && isCommentThread(el)) return COMMENTS;
    if (chrome !== null && PROMOTION.has(chrome) && isFurnitureElement(el, this.opts.stats, this.opts.articleProse)) return FURNITURE;
    if (current.section !== 'bio') {
      if (isBioNamed(el) && words >= 4) return { section: 'bio' };
      if (el.matches('[itemprop~="author"]') && el.querySelector('[itemprop~="description"]') && words >= 12) return { section: 'bio' };
      if (isContributorNamed(el) && words >= 12 && this.bodyStarted) return { section: 'bio' };
    }
    if (current.section !== 'bio' && current.section !== 'byline' && (isBylineNamed(el) || isContributorNamed(el))) {
      // After the story, "About the author" and a line about them: a bio box named for its byline.
      if (this.bodyStarted && (ABOUT_AUTHOR.test((el.textContent ?? '').trim()) || words >= 12)) return { section: 'bio' };
      if (words <= 30) return { section: 'byline' };
      if (this.bodyStarted) return { section: 'bio' };
    }
    const headerish = current.section === 'byline' || current.section === 'dateline' || !this.bodyStarted || !ctx.paragraph;
    if (current.section !== 'dateline' && isDateNamed(el) && words <= 15 && headerish) return { section: 'dateline' };
    if (
      current.section === 'body' && !this.bodyStarted && !this.dekDone && isDekNamed(el) &&
      words >= 4 && words <= 90 && el.tagName !== 'H1'
    ) {
      return { section: 'dek' };
    }
    if (isFurnitureElement(el, this.opts.stats, this.opts.articleProse)) return FURNITURE;
    return null;
  }

  /**
   * A one-item list right after a <figure> that has no <figcaption>: how some pages set
   * a photo's caption (a paragraph there is not taken for one: it is usually the story).
   */
  private isCaptionAfterFigure(el: Element, words: number): boolean {
    if (words > 80 || el.tagName !== 'UL' || el.children.length !== 1) return false;
    const figure = el.previousElementSibling;
    if (!figure || figure.tagName !== 'FIGURE' || figure.querySelector('figcaption') || !figure.querySelector('img, picture')) return false;
    return el.querySelector('h1, h2, h3, h4, h5, h6, table, blockquote') === null;
  }

  /** An image's description, to know its caption when the page sets it below the image without a <figcaption>. */
  private noteAlt(img: Element): void {
    const alt = simplify(img.getAttribute('alt') ?? '');
    if (alt.length >= 20) this.alts.add(alt);
  }

  /** In the headline's own header, before any copy: where a subtitle sits. */
  private isNearHeadline(el: Element): boolean {
    const headline = this.opts.headline;
    if (!headline || this.bodyStarted || this.dekDone) return false;
    if (this.blocks.some((b) => !b.setAside && (b.section === 'body' || b.section === 'subheading'))) return false;
    if (headline.parentElement === el.parentElement) return true;
    const header = headline.closest('header, hgroup');
    return header !== null && header.contains(el);
  }

  /** A nav or list of links to places on this page: a table of contents. */
  private isInPageIndex(el: Element): boolean {
    if (el.tagName !== 'NAV' && el.tagName !== 'UL' && el.tagName !== 'OL' && el.tagName !== 'DIV') return false;
    const stats = this.opts.stats.get(el);
    if (!stats || linkDensity(stats) < 0.6) return false;
    const links = [...el.querySelectorAll('a[href]')];
    if (links.length < 3) return false;
    const inPage = links.filter((a) => (a.getAttribute('href') ?? '').startsWith('#') && (a.getAttribute('href') ?? '').length > 1).length;
    return inPage >= 0.8 * links.length;
  }

  /** Ends the current paragraph: decides its final role and writes it. */
  private flush(): void {
    const raw = this.buf;
    const ctx = this.bufCtx;
    const linkShare = this.bufChars === 0 ? 0 : this.bufLink / this.bufChars;
    this.buf = '';
    this.bufCtx = null;
    this.bufLink = 0;
    this.bufChars = 0;
    if (ctx === null) return;
    const text = raw
      .split('\n')
      .map((line) => line.replace(/[ \t\r\f\u00a0]+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
    if (!text) return;
    const shape: Shape = { linkShare, listItem: ctx.listItem, heading: ctx.heading, near: ctx.nearHeadline, table: ctx.table };
    for (const block of this.decide(text, ctx.role, shape)) {
      if (ctx.trailing) {
        // After the article's text, copy is not the article's: kept visible, set aside.
        if (this.trailingBlocks >= MAX_TRAILING && !isProseParagraph(block.text, linkShare)) continue;
        this.trailingBlocks++;
        if ((block.section === 'body' || block.section === 'subheading') && (!block.setAside || block.setAside === 'subheading')) {
          // "Posted by Jo Park." under the story is its byline; the rest is not the article's.
          const byline = block.section === 'body' && isBylineLine(block.text) && wordCount(block.text) <= 16;
          this.emit(byline ? { section: 'byline', text: block.text } : { ...FURNITURE, text: block.text });
          continue;
        }
      }
      this.emit(block);
    }
  }

  private decide(text: string, role: Role, shape: Shape): Block[] {
    const oneLine = text.replace(/\n/g, ' ');
    // "Posted by Alon Zakai." in the article's footer names its author, furniture around it or not.
    if (role.setAside === 'furniture' && POSTED_BY.test(oneLine) && wordCount(oneLine) <= 12 && isBylineLine(oneLine)) return [{ section: 'byline', text }];
    if (role.setAside) return [{ ...role, text }];
    if ((role.section === 'byline' || role.section === 'dateline' || !this.bodyStarted) && BARE_LABEL.test(oneLine)) {
      this.label = this.label ? `${this.label} ${oneLine}` : oneLine;
      this.labelRole = role.section === 'body' ? (/^(?:\w+\s+)?by\b/i.test(oneLine) ? 'byline' : 'dateline') : role.section;
      return [];
    }
    switch (role.section) {
      case 'caption': {
        if (isCreditLine(oneLine) || readsLikeCredit(oneLine)) return [{ section: 'caption', setAside: 'credit', text }];
        const parts = splitCreditTail(text);
        if (parts) return [{ section: 'caption', text: parts[0] }, { section: 'caption', setAside: 'credit', text: parts[1] }];
        if (isFurnitureLine(oneLine)) return [{ ...FURNITURE, text }];
        return [{ section: 'caption', text }];
      }
      case 'byline':
        if (isFurnitureLine(oneLine)) return [{ ...FURNITURE, text }];
        // A tag or a button in the byline's box: linked, short, and not a name.
        if (shape.linkShare >= 0.5 && wordCount(oneLine) <= 4 && !this.namesAuthor(oneLine) && !/^by\b/i.test(oneLine) && !NAME_SHAPED.test(oneLine)) {
          return [{ ...FURNITURE, text }];
        }
        // "By" with no name, or a date in the byline element: a dateline, not a name.
        if (hasDateText(oneLine) && !isPersonName(oneLine.replace(/^by\s+/i, ''))) {
          const name = /^(By\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s+(?=\p{Lu}|\d)/u.exec(oneLine);
          if (name && isPersonName(name[1]!.replace(/^by\s+/i, '')) && !hasDateText(name[1]!)) return [{ section: 'byline', text }];
          return [{ section: 'dateline', text }];
        }
        return [{ section: 'byline', text }];
      case 'dek':
      case 'dateline':
        if (isFurnitureLine(oneLine)) return [{ ...FURNITURE, text }];
        // "by Jo Park (reporting)" under a dek; "15 October 2019 by Jo Park" in a date element.
        if (wordCount(oneLine) <= 20 && (isBylineLine(oneLine) || (role.section === 'dateline' && BY_NAME.test(oneLine)))) {
          return [{ section: 'byline', text }];
        }
        return [{ section: role.section, text }];
      case 'bio':
        return [isFurnitureLine(oneLine) ? { ...FURNITURE, text } : { section: role.section, text }];
      default:
        break;
    }
    // Body copy (or a heading in it).
    if (!this.bodyStarted && shape.heading === 0) {
      const header = this.headerLine(oneLine, shape);
      if (header) return [{ ...header, text }];
    }
    if (shape.heading > 0 && shape.near && !this.dekDone && wordCount(oneLine) >= 5 && !isLabelHeading(oneLine)) {
      return [{ section: 'dek', text }];
    }
    if (shape.heading > 0) {
      const label = oneLine.replace(TRAILING_COLON, '');
      if (isLabelHeading(label)) {
        const kind = apparatusOf(label);
        this.apparatus = kind ? { kind, level: shape.heading } : null;
        return [{ section: 'body', setAside: 'subheading', text }];
      }
      if (this.apparatus && shape.heading <= this.apparatus.level) this.apparatus = null;
      if (isFurnitureLine(oneLine)) return [{ ...FURNITURE, text }];
      return [{ section: 'subheading', text }];
    }
    if (isFurnitureLine(oneLine)) return [{ ...FURNITURE, text }];
    if (isCreditLine(oneLine)) return [{ section: 'caption', setAside: 'credit', text }];
    // The words of an image's description, set below it: its caption.
    if (this.alts.has(simplify(oneLine))) return this.decide(text, { section: 'caption' }, shape);
    // "— bkuhn", "– Jo": the author signing off.
    if (this.bodyStarted && SIGN_OFF.test(oneLine)) return [{ section: 'byline', text }];
    if (this.apparatus) {
      const { kind } = this.apparatus;
      if (kind === 'reference' && (shape.listItem || isReferenceLine(oneLine))) return [{ section: 'body', setAside: 'reference', text }];
      if (kind === 'contents' && shape.listItem) return [{ section: 'body', setAside: 'contents', text }];
      if (kind === 'furniture' && (shape.listItem || shape.linkShare >= 0.5)) return [{ ...FURNITURE, text }];
    }
    return [{ section: 'body', text }];
  }

  /** A line above the article's first paragraph that is a byline, a dateline or a button. */
  private headerLine(line: string, shape: Shape): Role | null {
    const words = wordCount(line);
    if (words <= 16 && (this.namesAuthor(line) || isBylineLine(line) || (BY_NAME.test(line) && hasDateText(line)))) return { section: 'byline' };
    if (words <= 14 && DATE_LINE.test(line)) return { section: 'dateline' };
    // "Donate", "Fiction Page", a section's name: a link alone on its line, above the story.
    if (words <= 4 && shape.linkShare >= 0.9 && !shape.listItem && !shape.table) return FURNITURE;
    return null;
  }

  /** The line is the author's name, or "By" it. */
  private namesAuthor(line: string): boolean {
    const author = this.opts.author.toLowerCase();
    if (!author) return false;
    const l = line.toLowerCase().replace(/^by\s+/, '').replace(/[\s,;·•|]+$/u, '');
    return l === author || (l.includes(author) && wordCount(l) <= wordCount(author) + 4);
  }

  private emit(block: Block): void {
    if (this.label) {
      const label = this.label;
      this.label = '';
      if (!block.setAside && (block.section === 'byline' || block.section === 'dateline' || wordCount(block.text) <= 16)) {
        const text = `${label} ${block.text}`;
        const section = isBylineLine(text) ? 'byline' : block.section === 'body' ? this.labelRole : block.section;
        block = { ...block, section, text };
      } else this.emit({ section: this.labelRole, text: label });
    }
    if (block.section === 'dek') this.dekDone = true;
    if ((block.section === 'body' || block.section === 'subheading') && !block.setAside && wordCount(block.text) >= 12) this.bodyStarted = true;
    this.blocks.push(block);
  }
}
