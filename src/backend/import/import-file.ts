// One entry point for every file a checker brings: size limit, format detection,
// the format's reader, and a final emptiness check. Every refusal is a UserError
// of one sentence naming the file; nothing here touches the disk or the store.
import { UserError, type ErrorCode } from '../../shared/errors';
import { prepareText, type StructureHint } from '../../shared/extract';
import { decodeText, decodeWindows1252 } from './decode-text';
import { detectFormat, type ImportFormat } from './detect-format';
import { fromText } from './from-text';
import { ImportRefusal, type ImportedText } from './types';

export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

export interface ImportResult extends ImportedText {
  format: ImportFormat;
  structure: StructureHint[];
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

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export async function importFile(fileName: string, bytes: Uint8Array): Promise<ImportResult> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw refusal(fileName, `is ${megabytes(bytes.byteLength)}, over the 25 MB import limit`);
  }
  if (bytes.byteLength === 0) throw refusal(fileName, 'is empty');
  const detected = detectFormat(fileName, bytes);
  if (!detected.ok) throw refusal(fileName, detected.reason);
  let imported: ImportedText;
  try {
    imported = await read(detected.format, bytes);
  } catch (error) {
    if (error instanceof ImportRefusal) throw refusal(fileName, error.reason, error.code);
    // A parser that chokes (a page nested thousands deep overflows the stack) is
    // still the file's fault, not a crash: say so, naming the file.
    if (error instanceof RangeError) throw refusal(fileName, 'is nested too deeply to read as an article');
    throw refusal(fileName, `could not be read as ${FORMAT_NAMES[detected.format]} (it looks damaged)`);
  }
  // An export's text is kept exactly: its claims' offsets point into it.
  const text = imported.article ? imported.text : prepareText(imported.text);
  if (text === '') throw refusal(fileName, 'has no text in it (it is empty or only whitespace)');
  const structure = text === imported.text ? imported.structure ?? [] : [];
  return { ...imported, text, structure, format: detected.format };
}

const FORMAT_NAMES: Record<ImportFormat, string> = {
  text: 'text',
  markdown: 'Markdown',
  html: 'a web page',
  docx: 'a Word document',
  pdf: 'a PDF',
  json: 'a Factdesk export',
};

// Readers load on first use: jsdom, mammoth and pdfjs are heavy, and most
// commands (and most imports) need at most one of them.
async function read(format: ImportFormat, bytes: Uint8Array): Promise<ImportedText> {
  switch (format) {
    case 'text':
      return fromText(bytes);
    case 'markdown':
      return (await import('./from-markdown')).fromMarkdown(decodeText(bytes).text);
    case 'html': {
      const html = decodeHtml(bytes);
      // jsdom and Readability recurse over the tree: a page nested thousands deep
      // would take minutes or overflow the stack. No real article is that deep.
      if (maxNesting(html) > MAX_HTML_NESTING) throw new ImportRefusal(`is nested more than ${MAX_HTML_NESTING} elements deep, which no article page is`);
      return (await import('./from-html')).fromHtml(html);
    }
    case 'docx':
      return (await import('./from-docx')).fromDocx(bytes);
    case 'pdf':
      return (await import('./from-pdf')).fromPdf(bytes);
    case 'json':
      return (await import('./from-json')).fromJson(decodeText(bytes).text);
  }
}

const MAX_HTML_NESTING = 1_000;
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** The deepest element nesting in the markup, by a linear scan of its tags (an estimate: forgiving of bad HTML). */
export function maxNesting(html: string): number {
  let depth = 0;
  let max = 0;
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (VOID_ELEMENTS.has(name!.toLowerCase()) || selfClosing) continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
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
