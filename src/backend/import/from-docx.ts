// Word (.docx) through mammoth's HTML, read back as text by the same inert walker
// as web pages: paragraphs and headings one per paragraph, the first heading the
// title, footnotes kept at the end as "[1] …" lines. Images are dropped unread.
import mammoth from 'mammoth';
import { blocksToText, parseInertHtml } from './html-dom';
import { cleanLine, compact } from './meta-values';
import { ImportRefusal, type ImportedText } from './types';

export async function fromDocx(bytes: Uint8Array): Promise<ImportedText> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch {
    throw new ImportRefusal('is damaged or not a Word document (.docx)');
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
