// Cheap checks on a file's own structure, run before any reader sees it: the common
// bombs (a .docx whose few kilobytes unzip to gigabytes, a web page of millions of
// elements or nested thousands deep, a PDF of a hundred thousand pages or whose
// streams inflate to gigabytes) are refused in a linear scan, without starting the
// reader. Each answers a refusal reason (words that follow the file's name) or null.
// They are a first line only: the reader itself runs with time and memory limits
// (run-reader.ts) for whatever gets past them.
import { constants, createInflate, inflateSync } from 'node:zlib';
import {
  MAX_DOCX_ENTRIES,
  MAX_DOCX_XML_BYTES,
  MAX_HTML_ELEMENTS,
  MAX_HTML_NESTING,
  MAX_PDF_INFLATED_BYTES,
  MAX_PDF_PAGES,
  tooManyPages,
} from './import-limits';
import { limitMb, megabytes } from '../../shared/import-formats';

const EXHAUST = 'it may be damaged or built to exhaust an importer';

// ---- web pages -----------------------------------------------------------------

/** Why a web page is refused before it is parsed, or null. */
export function htmlProblem(html: string): string | null {
  if (countElements(html, MAX_HTML_ELEMENTS) > MAX_HTML_ELEMENTS) {
    return `has more than ${MAX_HTML_ELEMENTS.toLocaleString('en-US')} HTML elements, far more than any article page; ${EXHAUST}`;
  }
  if (maxNesting(html) > MAX_HTML_NESTING) return `is nested more than ${MAX_HTML_NESTING} elements deep, which no article page is`;
  return null;
}

const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** Start tags (`<` and a letter), counted up to `stop + 1`: an upper bound on the elements a parser builds. */
export function countElements(html: string, stop = Infinity): number {
  let count = 0;
  for (let i = html.indexOf('<'); i !== -1 && count <= stop; i = html.indexOf('<', i + 1)) {
    if (isAsciiLetter(html.charCodeAt(i + 1))) count++;
  }
  return count;
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const isNameChar = (c: number) => isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;

/**
 * The deepest element nesting in the markup (an estimate, forgiving of bad HTML), in
 * one pass: a tag is `<name … >` or `</name … >` up to the next `>`, and scanning goes
 * on after that `>`. (The regex this replaces looked for a `>` afresh from every `<`:
 * 150,000 unclosed `<a` took 47 s.)
 */
export function maxNesting(html: string): number {
  let depth = 0;
  let max = 0;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    const closing = html.charCodeAt(i + 1) === 0x2f;
    const nameStart = closing ? i + 2 : i + 1;
    if (!isAsciiLetter(html.charCodeAt(nameStart))) continue;
    let nameEnd = nameStart + 1;
    while (nameEnd < html.length && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
    const end = html.indexOf('>', nameEnd);
    if (end === -1) break; // no ">" left: no tag can end, here or later
    const selfClosing = end > nameEnd && html.charCodeAt(end - 1) === 0x2f;
    if (!VOID_ELEMENTS.has(html.slice(nameStart, nameEnd).toLowerCase()) && !selfClosing) {
      depth = closing ? Math.max(0, depth - 1) : depth + 1;
      if (depth > max) max = depth;
    }
    i = end;
  }
  return max;
}

// ---- Word (.docx) --------------------------------------------------------------

interface ZipEntry {
  name: string;
  uncompressed: number;
}

/**
 * Why a .docx is refused before it is unzipped, or null: the sizes its own zip
 * directory declares for its XML parts. (A zip that lies about them gets past this;
 * the reader's memory limit stops it.) A zip with no readable directory is left to
 * the reader, which says it is damaged.
 */
export function docxProblem(bytes: Uint8Array): string | null {
  const entries = zipEntries(bytes);
  if (entries === null) return null;
  if (entries === 'too many' || entries.length > MAX_DOCX_ENTRIES) {
    return `holds more than ${MAX_DOCX_ENTRIES.toLocaleString('en-US')} files in its zip archive, which no Word document does; ${EXHAUST}`;
  }
  let xml = 0;
  for (const entry of entries) {
    // Images and other media are never unzipped (the importer drops them unread).
    if (/\.(xml|rels)$/i.test(entry.name)) xml += entry.uncompressed;
  }
  if (xml > MAX_DOCX_XML_BYTES) {
    return `unzips to ${megabytes(xml)} of document XML, more than the ${limitMb(MAX_DOCX_XML_BYTES)} Factdesk reads; ${EXHAUST}`;
  }
  return null;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;

/** The central directory's entries, 'too many', or null when it cannot be found or read. */
function zipEntries(bytes: Uint8Array): ZipEntry[] | 'too many' | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : -1);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : -1);
  const u64 = (at: number) => (at + 8 <= bytes.length ? Number(view.getBigUint64(at, true)) : -1);
  // The end-of-central-directory record: in the last 64 KB (its comment may precede the end).
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd === -1) return null;
  let count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if (u32(eocd - 20) === ZIP64_LOCATOR) {
    const zip64 = u64(eocd - 20 + 8);
    if (zip64 >= 0 && u32(zip64) === ZIP64_EOCD) {
      count = u64(zip64 + 32);
      offset = u64(zip64 + 48);
    }
  }
  if (count > MAX_DOCX_ENTRIES) return 'too many';
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (u32(at) !== CENTRAL_HEADER) return entries.length > 0 ? entries : null;
    let uncompressed = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const nameStart = at + 46;
    const name = new TextDecoder().decode(bytes.subarray(nameStart, nameStart + nameLength));
    if (uncompressed === 0xffffffff) uncompressed = zip64Size(bytes, u16, u64, nameStart + nameLength, extraLength);
    entries.push({ name, uncompressed });
    at = nameStart + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The uncompressed size from an entry's zip64 extra field (the first value it holds), or "huge" when it is missing. */
function zip64Size(bytes: Uint8Array, u16: (at: number) => number, u64: (at: number) => number, start: number, length: number): number {
  for (let at = start; at + 4 <= start + length; ) {
    const id = u16(at);
    const size = u16(at + 2);
    if (id === 0x0001 && size >= 8) {
      const value = u64(at + 4);
      return value >= 0 ? value : Number.MAX_SAFE_INTEGER;
    }
    at += 4 + size;
  }
  return bytes.length === 0 ? 0 : Number.MAX_SAFE_INTEGER;
}

// ---- PDF -------------------------------------------------------------------------

/**
 * Why a PDF is refused before it is parsed, or null: the page count its page tree
 * declares (where the tree is not inside a compressed object stream; the reader checks
 * the real count too), and what its compressed streams expand to. Images are skipped
 * (never decoded), and streams are inflated off the main thread and counted, never kept.
 */
export async function pdfProblem(bytes: Uint8Array): Promise<string | null> {
  const pages = declaredPageCount(bytes);
  if (pages > MAX_PDF_PAGES) return tooManyPages(pages);
  const inflated = await inflatedStreamBytes(bytes, MAX_PDF_INFLATED_BYTES);
  if (inflated > MAX_PDF_INFLATED_BYTES) {
    return `expands to more than ${limitMb(MAX_PDF_INFLATED_BYTES)} when its compressed streams are unpacked, far more than any article; ${EXHAUST}`;
  }
  return null;
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** The first /Count over the page limit of a page-tree node (a dictionary with /Kids) in the file's plain bytes, else 0. */
export function declaredPageCount(bytes: Uint8Array): number {
  const text = latin1(bytes);
  let kids: number[] | null = null;
  for (const match of text.matchAll(/\/Count\s+(\d{1,12})/g)) {
    const count = Number(match[1]);
    if (count <= MAX_PDF_PAGES) continue;
    // A page-tree node has /Kids; an outline item (which also has /Count) does not.
    kids ??= Array.from(text.matchAll(/\/Kids\b/g), (m) => m.index);
    if (nearest(kids, match.index) <= 512) return count;
  }
  return 0;
}

/** The distance from `at` to the nearest of the sorted `positions`. */
function nearest(positions: readonly number[], at: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (positions[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  const after = lo < positions.length ? positions[lo]! - at : Infinity;
  const before = lo > 0 ? at - positions[lo - 1]! : Infinity;
  return Math.min(after, before);
}

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');
/** Streams this small are inflated in place (a bounded, quick call); larger ones on the libuv pool. */
const SMALL_STREAM = 64 * 1024;
/** Past this many compressed streams the rest is left to the reader's limits, so the check stays quick. */
const MAX_STREAMS_CHECKED = 20_000;

/**
 * What the file's Flate-compressed streams (all but images) inflate to, in all,
 * counted up to `budget + 1`. A stream behind another filter first (rare) is left to
 * the reader's limits. Damaged streams count what they yield before the damage.
 */
export async function inflatedStreamBytes(bytes: Uint8Array, budget: number): Promise<number> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let checked = 0;
  let from = 0;
  while (checked < MAX_STREAMS_CHECKED) {
    const keyword = buffer.indexOf(STREAM, from);
    if (keyword === -1) break;
    const previous = from;
    from = keyword + STREAM.length;
    if (keyword >= 3 && buffer.toString('latin1', keyword - 3, keyword) === 'end') continue;
    let start = from;
    if (buffer[start] === 0x0d) start++;
    if (buffer[start] === 0x0a) start++;
    const end = buffer.indexOf(END_STREAM, start);
    const stop = end === -1 ? buffer.length : end;
    const dictionary = buffer.toString('latin1', Math.max(previous, keyword - 1024), keyword);
    const passes = flatePasses(dictionary.slice(dictionary.lastIndexOf('obj') + 1));
    from = stop;
    if (passes === 0) continue;
    checked++;
    const data = buffer.subarray(start, stop);
    const limit = budget - total + 1;
    total += data.length <= SMALL_STREAM ? inflatedSizeNow(data, passes, limit) : await inflatedSize(data, passes, limit);
    if (total > budget) return total;
  }
  return total;
}

/** How many Flate filters lead the stream's filter chain (0 for an image, or one with another filter first). */
function flatePasses(dictionary: string): number {
  if (/\/Subtype\s*\/Image\b/.test(dictionary)) return 0;
  const filter = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dictionary)?.[1];
  if (!filter) return 0;
  let passes = 0;
  for (const [name] of filter.matchAll(/\/[A-Za-z0-9]+/g)) {
    if (name !== '/FlateDecode' && name !== '/Fl') break;
    passes++;
  }
  return passes;
}

/** A small stream's inflated size, at most `limit` (a stream that cannot be inflated counts nothing). */
function inflatedSizeNow(data: Uint8Array, passes: number, limit: number): number {
  let out: Uint8Array = data;
  try {
    for (let i = 0; i < passes; i++) out = inflateSync(out, { maxOutputLength: limit, finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? limit : 0;
  }
  return out.length;
}

/** Bytes out of `passes` chained inflates, counted and dropped, stopping once over `limit`; on the libuv pool, never blocking. */
function inflatedSize(data: Uint8Array, passes: number, limit: number): Promise<number> {
  return new Promise((resolve) => {
    const inflates = Array.from({ length: passes }, () => createInflate({ finishFlush: constants.Z_SYNC_FLUSH }));
    let count = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      for (const z of inflates) z.destroy();
      resolve(count);
    };
    for (let i = 0; i + 1 < inflates.length; i++) inflates[i]!.pipe(inflates[i + 1]!);
    const last = inflates[inflates.length - 1]!;
    last.on('data', (chunk: Buffer) => {
      count += chunk.length;
      if (count >= limit) finish();
    });
    last.on('end', finish);
    for (const z of inflates) z.on('error', finish);
    inflates[0]!.end(data);
  });
}
