// One entry point for every file a checker brings: size limit, format detection,
// cheap structural checks (pre-checks.ts), the format's reader, and a final emptiness
// check. Every refusal is a UserError of one sentence naming the file; nothing here
// touches the disk or the store. Plain text and Factdesk exports are read here; web
// pages, Word documents, PDFs and Markdown are read in a reader thread with a time
// and a memory limit (run-reader.ts), so no file can hang or crash the process.
import { UserError, type ErrorCode } from '../../shared/errors';
import { prepareText, type StructureHint } from '../../shared/extract';
import { MAX_IMPORT_BYTES, megabytes, overImportLimit, readAs, type ImportFormat } from '../../shared/import-formats';
import { decodeText, decodeWindows1252 } from './decode-text';
import { detectFormat } from './detect-format';
import { fromJson } from './from-json';
import { fromText } from './from-text';
import { MAX_TEXT_CHARS, tooMuchText, type ReaderLimits } from './import-limits';
import { docxProblem, htmlProblem, pdfProblem } from './pre-checks';
import type { ReaderJob } from './read-format';
import { describeFailure, type ReaderFailure } from './reader-failure';
import { ReaderFailed, runReader } from './run-reader';
import { ImportRefusal, type ImportedText } from './types';

export { maxNesting } from './pre-checks';

export interface ImportResult extends ImportedText {
  format: ImportFormat;
  structure: StructureHint[];
}

export interface ImportOptions {
  /** The reader thread's limits (tests narrow them). */
  limits?: Partial<ReaderLimits>;
}

/** The name as the user knows it: no folders, no control characters, not endless. */
export function displayName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'the file';
  return clean.length > 120 ? `${clean.slice(0, 80)}…${clean.slice(-30)}` : clean;
}

export function refusal(fileName: string, reason: string, code: ErrorCode = 'invalid'): UserError {
  return new UserError(`“${displayName(fileName)}” ${reason}.`, code);
}

export async function importFile(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw refusal(fileName, overImportLimit(megabytes(bytes.byteLength)));
  }
  if (bytes.byteLength === 0) throw refusal(fileName, 'is empty');
  const detected = detectFormat(fileName, bytes);
  if (!detected.ok) throw refusal(fileName, detected.reason);
  let imported: ImportedText;
  try {
    imported = await read(detected.format, bytes, options);
  } catch (error) {
    const failure = error instanceof ReaderFailed ? error.failure : describeFailure(error);
    throw refusal(fileName, failureReason(failure, detected.format), failure.kind === 'refusal' ? failure.code : 'invalid');
  }
  if (!imported.article && imported.text.length > MAX_TEXT_CHARS) throw refusal(fileName, tooMuchText());
  // An export's text is kept exactly: its claims' offsets point into it.
  const text = imported.article ? imported.text : prepareText(imported.text);
  if (text === '') throw refusal(fileName, 'has no text in it (it is empty or only whitespace)');
  const structure = text === imported.text ? imported.structure ?? [] : [];
  return { ...imported, text, structure, format: detected.format };
}

/** A reader's failure in words that follow the file's name. */
function failureReason(failure: ReaderFailure, format: ImportFormat): string {
  switch (failure.kind) {
    case 'refusal':
      return failure.reason;
    // A parser that chokes (a page nested thousands deep overflows the stack) is
    // still the file's fault, not a crash: say so, naming the file.
    case 'nesting':
      return 'is nested too deeply to read as an article';
    case 'size':
      return 'is too large or too complex to import (it would need more memory than an import may use)';
    case 'damaged':
      return `could not be read as ${readAs(format)} (it looks damaged)`;
  }
}

/**
 * The file's text and metadata. Text and exports are read here (decoding is linear,
 * and an export is JSON checked by its schema); the other formats are first checked
 * for the common bombs, cheaply and without starting anything, then read in the
 * reader thread. Readers load on first use: most commands need at most one of them.
 */
async function read(format: ImportFormat, bytes: Uint8Array, options: ImportOptions): Promise<ImportedText> {
  let job: ReaderJob;
  switch (format) {
    case 'text':
      return fromText(bytes);
    case 'json':
      return fromJson(decodeText(bytes).text);
    case 'markdown':
      job = { format, text: decodeText(bytes).text };
      break;
    case 'html': {
      const html = decodeHtml(bytes);
      const problem = htmlProblem(html);
      if (problem) throw new ImportRefusal(problem);
      job = { format, text: html };
      break;
    }
    case 'docx': {
      const problem = docxProblem(bytes);
      if (problem) throw new ImportRefusal(problem);
      job = { format, bytes };
      break;
    }
    case 'pdf': {
      const problem = await pdfProblem(bytes);
      if (problem) throw new ImportRefusal(problem);
      job = { format, bytes };
      break;
    }
  }
  return runReader(job, options.limits);
}

/** A BOM wins; then a <meta charset> naming Windows-1252/Latin-1; else UTF-8 with a 1252 fallback. */
function decodeHtml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /<meta[^>]+charset=["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && ['windows-1252', 'iso-8859-1', 'latin1', 'us-ascii'].includes(declared) && bytes[0] !== 0xef) {
    return decodeWindows1252(bytes);
  }
  return decodeText(bytes).text;
}
