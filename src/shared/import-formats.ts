// What Factdesk imports, and how much of it: the formats with their extensions and
// media types, the size limit and the words for both. Every picker, reader, dialog,
// refusal and usage text takes them from here, so adding a format or changing the
// limit is one edit. Process-free: the renderer, the backend and the CLI share it.

/** The formats in the order every message names them. */
const IMPORT_FORMATS = ['text', 'markdown', 'docx', 'html', 'pdf', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

interface FormatInfo {
  /** File name extensions; the first is the one messages name. */
  extensions: readonly string[];
  /** Media types a browser's file picker may match on. */
  mediaTypes: readonly string[];
  /** What the file is read as, in “could not be read as …”. */
  readAs: string;
  /** Whether it can be a new draft of an article (a Factdesk export is a whole article, not a draft). */
  draft: boolean;
}

const FORMATS: Record<ImportFormat, FormatInfo> = {
  text: { extensions: ['.txt', '.text'], mediaTypes: ['text/plain'], readAs: 'text', draft: true },
  markdown: { extensions: ['.md', '.markdown'], mediaTypes: ['text/markdown'], readAs: 'Markdown', draft: true },
  docx: {
    extensions: ['.docx'],
    mediaTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    readAs: 'a Word document',
    draft: true,
  },
  html: { extensions: ['.html', '.htm', '.xhtml'], mediaTypes: ['text/html'], readAs: 'a web page', draft: true },
  pdf: { extensions: ['.pdf'], mediaTypes: ['application/pdf'], readAs: 'a PDF', draft: true },
  json: { extensions: ['.json'], mediaTypes: [], readAs: 'a Factdesk export', draft: false },
};

/** What a file is brought in as: any article file, or a new draft of an article's text. */
export type ImportPurpose = 'import' | 'draft';

const formatsFor = (purpose: ImportPurpose) => IMPORT_FORMATS.filter((f) => purpose === 'import' || FORMATS[f].draft);

/** The format an extension (".docx", lower case) claims, if Factdesk reads it. */
export function formatOfExtension(extension: string): ImportFormat | undefined {
  return IMPORT_FORMATS.find((f) => FORMATS[f].extensions.includes(extension));
}

export function readAs(format: ImportFormat): string {
  return FORMATS[format].readAs;
}

/** Every extension taken for `purpose`, with the dot. */
export function importExtensions(purpose: ImportPurpose): string[] {
  return formatsFor(purpose).flatMap((f) => FORMATS[f].extensions);
}

/** An <input type="file"> accept attribute: the extensions and the media types. */
export function acceptAttribute(purpose: ImportPurpose): string {
  return [...importExtensions(purpose), ...formatsFor(purpose).flatMap((f) => FORMATS[f].mediaTypes)].join(',');
}

/** The formats as a person reads them: “a .txt, .md, .docx, .html or .pdf file, or a Factdesk .json export”. */
export function formatList(purpose: ImportPurpose): string {
  const files = formatsFor(purpose).filter((f) => f !== 'json').map((f) => FORMATS[f].extensions[0]!);
  const named = `a ${files.slice(0, -1).join(', ')} or ${files.at(-1)!} file`;
  return purpose === 'import' ? `${named}, or a Factdesk .json export` : named;
}

/** The largest file read at all (checked on the bytes actually read, never on `stat` alone). */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

/**
 * The longest base64 `data` the contract lets through for a file: a file somewhat over
 * the limit still reaches the importer, whose refusal names it.
 */
export const MAX_IMPORT_DATA_CHARS = Math.ceil((MAX_IMPORT_BYTES + 1024 * 1024) / 3) * 4;

/** A size as a person reads it: "25.3 MB". */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A round limit: "256 MB" (or, for the small limits of tests, "100 bytes"). */
export function limitMb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${bytes} bytes`;
}

/** The refusal of a file over the limit, after its name: “is 30.2 MB, over the 25 MB import limit”. */
export function overImportLimit(size: string, limit: number = MAX_IMPORT_BYTES): string {
  return `is ${size}, over the ${limitMb(limit)} import limit`;
}
