// Word (.docx) through mammoth's HTML, read back as text by the same inert walker
// as web pages: paragraphs and headings one per paragraph, the first heading the
// title, footnotes kept at the end as "[1] …" lines. Images are dropped unread.
import mammoth from 'mammoth';
import { blocksToText, parseInertHtml } from './html-dom';
import { MAX_HTML_ELEMENTS } from './import-limits';
import { cleanLine, compact } from './meta-values';
import { countElements } from './pre-checks';
import { describeFailure } from './reader-failure';
import { ImportRefusal, type ImportedText } from './types';

export async function fromDocx(bytes: Uint8Array): Promise<ImportedText> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    // Out of room (a string or buffer past V8's limits) is the file's size, not damage.
    if (describeFailure(error).kind === 'size') throw error;
    throw new ImportRefusal('is damaged or not a Word document (.docx)');
  }
  // The document as a page of elements is parsed next, at about 4 KB of memory each.
  if (countElements(html, MAX_HTML_ELEMENTS) > MAX_HTML_ELEMENTS) {
    throw new ImportRefusal(
      `has more than ${MAX_HTML_ELEMENTS.toLocaleString('en-US')} paragraphs, tables and other elements, far more than any article; it may be damaged or built to exhaust an importer`,
    );
  }
  const doc = parseInertHtml(html);
  const title = cleanLine(doc.querySelector('h1, h2, h3')?.textContent, 1000);
  // Footnote markers stay in the text as [1]; the notes' back-links (↑) go.
  for (const back of doc.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]')) back.remove();
  for (const note of doc.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]')) {
    const number = /(\d+)$/.exec(note.id)?.[1];
    const first = note.querySelector('p') ?? note;
    first.insertBefore(doc.createTextNode(`[${number}] `), first.firstChild);
  }
  return { text: blocksToText(doc.body), meta: compact({ title }) };
}
