// Decides what a file is from its name AND its first bytes, before any parser
// sees it: a PDF must start like one, a .docx must be a ZIP, and text must not
// look binary. Pure: returns a format or the reason it is refused.
import { formatList, formatOfExtension, type ImportFormat } from '../../shared/import-formats';
import { detectBom } from './decode-text';

// Formats people will try, with what to do instead.
const KNOWN_UNSUPPORTED: Record<string, string> = {
  '.doc': 'an old Word file (.doc); open it in Word, save it as .docx and use that file',
  '.rtf': 'a Rich Text file (.rtf); save it as .docx or plain text and use that file',
  '.odt': 'an OpenDocument file (.odt); save it as .docx and use that file',
  '.pages': 'a Pages file; export it as Word (.docx) or PDF and use that file',
  '.mhtml': 'a web archive (.mhtml); save the page as “Web page, HTML only” and use that file',
  '.webarchive': 'a Safari web archive; save the page as HTML (Page Source) and use that file',
};

const SUPPORTED_LIST = formatList('import');

export type Detection = { ok: true; format: ImportFormat } | { ok: false; reason: string };

export function extensionOf(fileName: string): string {
  const match = /\.[A-Za-z0-9]{1,12}$/.exec(fileName);
  return match ? match[0].toLowerCase() : '';
}

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // old Office

/** PDF readers accept the header anywhere in the first kilobyte. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF_MAGIC.length, 1024);
  for (let i = 0; i <= end; i++) if (startsWith(bytes, PDF_MAGIC, i)) return true;
  return false;
}

export const looksLikeZip = (bytes: Uint8Array): boolean => startsWith(bytes, ZIP_MAGIC);

/**
 * Binary when the start holds a NUL byte, or more than 10% control characters
 * (other than tab, newline, form feed and carriage return). Text with a UTF-16
 * byte-order mark is text whatever its NULs.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (detectBom(bytes)?.encoding.startsWith('utf-16')) return false;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /^<\?xml[^>]*>\s*<html/.test(head);
}

export function detectFormat(fileName: string, bytes: Uint8Array): Detection {
  const ext = extensionOf(fileName);
  const unsupported = KNOWN_UNSUPPORTED[ext];
  if (unsupported) return { ok: false, reason: `is ${unsupported}` };
  const claimed = formatOfExtension(ext);

  if (looksLikePdf(bytes)) {
    if (claimed === undefined || claimed === 'pdf') return { ok: true, format: 'pdf' };
    return { ok: false, reason: `is named ${ext} but is a PDF; rename it to .pdf and import it again` };
  }
  if (looksLikeZip(bytes)) {
    if (claimed === 'docx') return { ok: true, format: 'docx' };
    return { ok: false, reason: `is a ZIP archive, not ${SUPPORTED_LIST}` };
  }
  if (startsWith(bytes, OLE_MAGIC)) return { ok: false, reason: `is ${KNOWN_UNSUPPORTED['.doc']!}` };
  if (claimed === 'pdf') return { ok: false, reason: 'is not a PDF (it does not start like one); it may be damaged' };
  if (claimed === 'docx') return { ok: false, reason: 'is damaged or not a Word document (a .docx file is a ZIP archive, and this is not one)' };
  if (looksBinary(bytes)) return { ok: false, reason: `is a binary file, not ${SUPPORTED_LIST}` };
  if (claimed) return { ok: true, format: claimed };
  // No extension (common on the command line): text is welcome, sniffed as HTML or plain.
  if (ext === '') return { ok: true, format: looksLikeHtml(bytes) ? 'html' : 'text' };
  return { ok: false, reason: `is a ${ext} file, which Factdesk cannot import; choose ${SUPPORTED_LIST}` };
}
