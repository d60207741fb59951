// How much a file may ask of the importer. A checker's article is a few thousand
// words; these bounds sit far above any real article and far below what would
// hang or exhaust the process (the desktop app's backend runs in Electron's main
// process, so a reader that stalls or runs out of memory would take the app with it).
// (The file size limit, MAX_IMPORT_BYTES, is in src/shared/import-formats.ts: the
// renderer and the CLI refuse a file over it before sending it.)

/** The most text one import may yield: the same bound as a pasted article (see the contract). */
export const MAX_TEXT_CHARS = 20_000_000;

/** Elements in a web page (jsdom needs about 4 KB of memory for each one; news pages have a few thousand). */
export const MAX_HTML_ELEMENTS = 100_000;

/** Element nesting in a web page: jsdom and the page readers recurse over the tree. */
export const MAX_HTML_NESTING = 1_000;

/** Pages read from one PDF (a long report has a few hundred). */
export const MAX_PDF_PAGES = 2_000;

/**
 * What a PDF's compressed streams (other than images, which are never decoded) may
 * expand to, in all; a real article's are a few megabytes, fonts included.
 */
export const MAX_PDF_INFLATED_BYTES = 256 * 1024 * 1024;

/** The XML parts of a .docx (the document, its notes, styles, relationships), unzipped, in all. */
export const MAX_DOCX_XML_BYTES = 100 * 1024 * 1024;

/** Entries in a .docx zip (a real one has a few dozen, plus its images). */
export const MAX_DOCX_ENTRIES = 10_000;

/** Limits on the reader that runs in a worker thread (see run-reader.ts). */
export interface ReaderLimits {
  /** Wall-clock time one file may take, from the moment a ready worker receives it. */
  timeMs: number;
  /** The worker's V8 heap (old generation), in MB. */
  heapMb: number;
  /**
   * Growth of the whole process's resident memory while the worker reads, in MB:
   * catches what the heap limit cannot see (typed arrays, such as a PDF's decoded streams).
   */
  rssMb: number;
}

export const READER_LIMITS: Readonly<ReaderLimits> = Object.freeze({ timeMs: 30_000, heapMb: 768, rssMb: 1_024 });

/** The refusal for a file whose text would pass MAX_TEXT_CHARS. */
export function tooMuchText(): string {
  return `holds more than ${MAX_TEXT_CHARS / 1_000_000} million characters of text, more than Factdesk imports as one article`;
}

/** The refusal for a PDF of more than MAX_PDF_PAGES pages. */
export function tooManyPages(pages: number): string {
  return `has ${pages.toLocaleString('en-US')} pages, more than the ${MAX_PDF_PAGES.toLocaleString('en-US')} Factdesk reads from one PDF`;
}
