// The format readers behind one call, as the reader thread (import-worker.ts) runs
// them, and as the importer runs them itself when no thread can be started. Readers
// load on first use: jsdom, mammoth and pdfjs are heavy, and most files need one.
import type { ImportFormat } from '../../shared/import-formats';
import { MAX_PDF_PAGES, MAX_TEXT_CHARS, tooMuchText } from './import-limits';
import { ImportRefusal, type ImportedText } from './types';

/** The formats read by a reader thread: those whose parsing is not ours, or not cheap. */
export type SandboxedFormat = Extract<ImportFormat, 'markdown' | 'html' | 'docx' | 'pdf'>;

/** One file for a reader: text formats arrive decoded (the importer has already checked them), the others as bytes. */
export type ReaderJob =
  | { format: 'markdown' | 'html'; text: string }
  | { format: 'docx' | 'pdf'; bytes: Uint8Array };

export async function readJob(job: ReaderJob): Promise<ImportedText> {
  const imported = await readAny(job);
  if (imported.text.length > MAX_TEXT_CHARS) throw new ImportRefusal(tooMuchText());
  return imported;
}

async function readAny(job: ReaderJob): Promise<ImportedText> {
  switch (job.format) {
    case 'markdown':
      return (await import('./from-markdown')).fromMarkdown(job.text);
    case 'html':
      return (await import('./from-html')).fromHtml(job.text);
    case 'docx':
      return (await import('./from-docx')).fromDocx(job.bytes);
    case 'pdf':
      return (await import('./from-pdf')).fromPdf(job.bytes, { maxPages: MAX_PDF_PAGES, maxTextChars: MAX_TEXT_CHARS });
  }
}
