// HTML is parsed into an inert document and only ever read as text. The jsdom
// window is created with no `runScripts` and no `resources` (so nothing runs and
// nothing is fetched), and documents come from its DOMParser: a parsed document
// has no browsing context, so even an <iframe srcdoc> or <meta refresh> is dead
// markup. Readability and the text walker below only read the tree.
import { JSDOM, type ConstructorOptions } from 'jsdom';

/** Stated once so a test can hold us to it: never `runScripts`, never `resources`, no `url`. */
export const INERT_DOM_OPTIONS: Readonly<ConstructorOptions> = Object.freeze({});

let parserWindow: JSDOM['window'] | null = null;

export function parseInertHtml(html: string): Document {
  parserWindow ??= new JSDOM('', INERT_DOM_OPTIONS).window;
  return new parserWindow.DOMParser().parseFromString(html, 'text/html');
}

/** Markup that is never article text (or is active content), removed before anything reads the page. */
export const ACTIVE_AND_CHROME =
  'script, style, noscript, template, iframe, frame, frameset, object, embed, applet, canvas, svg, math, ' +
  'link, meta, base, form, button, select, input, textarea, dialog, [hidden], [aria-hidden="true"]';

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD',
  'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'HEAD', 'IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'CANVAS']);

/**
 * The text of an element as paragraphs: each block element becomes its own
 * paragraph (blank line between), whitespace inside a paragraph collapses to
 * single spaces, and <br> keeps its line break. Images contribute nothing.
 */
export function blocksToText(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const para = current
      .split('\n')
      .map((line) => line.replace(/[ \t\r\f\u00a0]+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
    if (para) paragraphs.push(para);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += (node.nodeValue ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      current += '\n';
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}
