// PDF text through pdfjs with everything active switched off (no eval, no font
// loading, no system fonts, no worker thread). Text items are grouped into lines
// by position and lines into paragraphs by the vertical gap, a heading's size
// change, or a page turn; a word hyphenated across a line break is joined.
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { cleanAuthor, cleanDate, cleanLine, compact } from './meta-values';
import { ImportRefusal, type ImportedText } from './types';

const SCANNED = 'has no text layer (it looks scanned); run it through OCR first';

interface Line {
  text: string;
  y: number;
  size: number;
}

export async function fromPdf(bytes: Uint8Array): Promise<ImportedText> {
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
    const paragraphs: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      paragraphs.push(...pageParagraphs(content.items.filter((i): i is TextItem => 'str' in i)));
      page.cleanup();
    }
    const text = paragraphs.join('\n\n');
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

function pageParagraphs(items: TextItem[]): string[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    const y = item.transform[5] as number;
    const size = Math.abs((item.transform[3] as number) || item.height);
    if (current && item.str !== '' && Math.abs(current.y - y) > Math.max(2, size * 0.5)) {
      lines.push(current);
      current = null;
    }
    if (item.str !== '') {
      if (current) current.text += item.str;
      else current = { text: item.str, y, size };
      current.size = Math.max(current.size, size);
    }
    if (item.hasEOL && current) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);

  const paragraphs: string[] = [];
  let para = '';
  let prev: Line | null = null;
  for (const line of lines) {
    const text = line.text.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const gap = prev ? prev.y - line.y : 0;
    const newParagraph =
      prev !== null &&
      (gap > 1.6 * Math.max(prev.size, line.size) || gap < 0 || Math.abs(prev.size - line.size) > 1.5);
    if (newParagraph && para) {
      paragraphs.push(para);
      para = '';
    }
    if (!para) para = text;
    else if (/\p{Ll}-$/u.test(para) && /^\p{Ll}/u.test(text)) para = para.slice(0, -1) + text;
    else para += ` ${text}`;
    prev = line;
  }
  if (para) paragraphs.push(para);
  return paragraphs;
}
