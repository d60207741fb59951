// HTML is parsed into an inert document and only ever read as text. The jsdom
// window is created with no `runScripts` and no `resources` (so nothing runs and
// nothing is fetched), and documents come from its DOMParser: a parsed document
// has no browsing context, so even an <iframe srcdoc> or <meta refresh> is dead
// markup. The readers (html/*, blocksToText below) only read the tree.
import { JSDOM, type ConstructorOptions } from 'jsdom';

/** Stated once so a test can hold us to it: never `runScripts`, never `resources`, no `url`. */
export const INERT_DOM_OPTIONS: Readonly<ConstructorOptions> = Object.freeze({});

let parserWindow: JSDOM['window'] | null = null;

export function parseInertHtml(html: string): Document {
  parserWindow ??= new JSDOM('', INERT_DOM_OPTIONS).window;
  return new parserWindow.DOMParser().parseFromString(html, 'text/html');
}

/**
 * Active content and controls, removed before anything reads the page: none of it is
 * text a reader sees in the article. (Page furniture is not removed here: it is
 * classified, and inside the article kept as set-aside text; see html/furniture.ts.)
 */
export const ACTIVE =
  'script, style, noscript, template, iframe, frame, frameset, object, embed, applet, canvas, svg, math, ' +
  'link, meta, base, button, select, input, textarea, option, datalist, progress, meter';

/** Elements that start and end a paragraph of text. */
export const BLOCKS: ReadonlySet<string> = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR',
  'LEGEND', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT',
  'TH', 'THEAD', 'TR', 'UL',
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

/**
 * An element's child elements, by walking siblings: jsdom's live `children` collection
 * costs time in proportion to its length on every step, which made a page of 10,000
 * paragraphs take half a minute.
 */
export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) out.push(child);
  return out;
}
