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

function proseOf(p: Paragraph): number {
  if (p.chars < 25 || p.linkChars > 0.5 * p.chars) return 0;
  return (p.chars - p.linkChars) * (p.sentences ? 1 : 0.3);
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
