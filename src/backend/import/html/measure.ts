// How much text, link text and prose each element holds, in one pass over the page.
// Prose is counted per paragraph (the text of a block, not of its nested blocks): a
// paragraph of at least 25 characters that is not mostly link text, weighted by its
// characters outside links, less when it has no sentence punctuation (a menu, a list
// of names). The article region is where the prose is (region.ts).
import { BLOCKS } from '../html-dom';

export interface ElementStats {
  /** Non-space characters. */
  chars: number;
  /** Non-space characters inside links. */
  linkChars: number;
  words: number;
  /** Prose weight of the paragraphs inside, this element's own text included. */
  prose: number;
  /** Prose weight of this element's own paragraph (text not inside a nested block). */
  ownProse: number;
}

export type PageStats = Map<Element, ElementStats>;

interface Paragraph {
  chars: number;
  linkChars: number;
  sentences: boolean;
}

const SPACE = /\s/;

function count(text: string): { chars: number; words: number } {
  let chars = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = SPACE.test(text[i]!);
    if (!space) {
      chars++;
      if (!inWord) words++;
    }
    inWord = !space;
  }
  return { chars, words };
}

// A paragraph is prose from this many characters, while at most this share of them is link text.
const MIN_PROSE_CHARS = 25;
const MAX_PROSE_LINK_SHARE = 0.5;

function proseOf(p: Paragraph): number {
  if (p.chars < MIN_PROSE_CHARS || p.linkChars > MAX_PROSE_LINK_SHARE * p.chars) return 0;
  return (p.chars - p.linkChars) * (p.sentences ? 1 : 0.3);
}

const SENTENCE_END = /[.!?…]["”’)\]]*(?:\s|$)/u;

/** A written paragraph of sentences, by the same measure as a page's prose: not a line of links or labels. */
export function isProseParagraph(text: string, linkShare: number): boolean {
  return text.replace(/\s+/g, '').length >= MIN_PROSE_CHARS && linkShare < MAX_PROSE_LINK_SHARE && SENTENCE_END.test(text);
}

export function measure(root: Element): PageStats {
  const stats: PageStats = new Map();
  const visit = (el: Element, paragraph: Paragraph, inLink: boolean): ElementStats => {
    const s: ElementStats = { chars: 0, linkChars: 0, words: 0, prose: 0, ownProse: 0 };
    const block = BLOCKS.has(el.tagName);
    const own: Paragraph = block ? { chars: 0, linkChars: 0, sentences: false } : paragraph;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        const { chars, words } = count(text);
        if (chars === 0) continue;
        s.chars += chars;
        s.words += words;
        own.chars += chars;
        if (inLink) {
          s.linkChars += chars;
          own.linkChars += chars;
        }
        if (!own.sentences && /[.!?]["”’)]?(?:\s|$)/.test(text)) own.sentences = true;
      } else if (child.nodeType === 1) {
        const c = visit(child as Element, own, inLink || (child as Element).tagName === 'A');
        s.chars += c.chars;
        s.linkChars += c.linkChars;
        s.words += c.words;
        s.prose += c.prose;
      }
    }
    if (block) {
      s.ownProse = proseOf(own);
      s.prose += s.ownProse;
    }
    stats.set(el, s);
    return s;
  };
  const top: Paragraph = { chars: 0, linkChars: 0, sentences: false };
  const rootStats = visit(root, top, false);
  if (!BLOCKS.has(root.tagName)) {
    rootStats.ownProse = proseOf(top);
    rootStats.prose += rootStats.ownProse;
  }
  return stats;
}

export const linkDensity = (s: ElementStats): number => (s.chars === 0 ? 0 : s.linkChars / s.chars);
