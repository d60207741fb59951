// Hostile files for the hardening tests, built in memory (never checked in): zip and
// PDF containers written by hand, around deflate streams that expand hugely. A bomb's
// payload is deflated as a stream of one repeated chunk, so building a file that
// inflates to gigabytes needs neither gigabytes of memory nor much time.
import { constants, createDeflate, createDeflateRaw, crc32 as zlibCrc32 } from 'node:zlib';

/** Deflates `chunk` repeated `times` (raw deflate for zip, zlib-wrapped for PDF), at the best ratio. */
export function deflateRepeated(chunk: Buffer, times: number, format: 'raw' | 'zlib'): Promise<{ data: Buffer; crc: number }> {
  return new Promise((resolve, reject) => {
    const options = { level: constants.Z_BEST_COMPRESSION, memLevel: 9 };
    const deflate = format === 'raw' ? createDeflateRaw(options) : createDeflate(options);
    const out: Buffer[] = [];
    let crc = 0;
    deflate.on('data', (c: Buffer) => out.push(c));
    deflate.on('end', () => resolve({ data: Buffer.concat(out), crc }));
    deflate.on('error', reject);
    let written = 0;
    const write = () => {
      while (written < times) {
        written++;
        crc = crc32(chunk, crc);
        if (!deflate.write(chunk)) {
          deflate.once('drain', write);
          return;
        }
      }
      deflate.end();
    };
    write();
  });
}

function crc32(data: Buffer, previous: number): number {
  // node:zlib has crc32 from Node 20.15 / 22.2.
  if (typeof zlibCrc32 === 'function') return zlibCrc32(data, previous);
  let crc = ~previous >>> 0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return ~crc >>> 0;
}

export interface ZipPart {
  name: string;
  /** Raw-deflated data. */
  data: Buffer;
  crc: number;
  /** The real uncompressed size. */
  size: number;
  /** What the zip's headers claim instead (a lying zip), when given. */
  claimedSize?: number;
}

export async function deflatedPart(name: string, content: string): Promise<ZipPart> {
  const bytes = Buffer.from(content, 'utf8');
  const { data, crc } = await deflateRepeated(bytes, 1, 'raw');
  return { name, data, crc, size: bytes.length };
}

/** A zip archive of deflated entries (no zip64: sizes must fit 32 bits). */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const size = Math.min(part.claimedSize ?? part.size, 0xfffffffe);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(part.crc, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, part.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(part.crc, 16);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + part.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export const DOCX_PARAGRAPH = '<w:p><w:r><w:t>The council voted 6-1 on Tuesday to delay a decision on the library hours.</w:t></w:r></w:p>';

/** The parts of a minimal Word document, around a document.xml made of `body` (a deflated part). */
export async function docxAround(body: ZipPart | string): Promise<Buffer> {
  const document =
    typeof body === 'string' ? await deflatedPart('word/document.xml', `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`) : body;
  return zip([
    await deflatedPart(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    await deflatedPart(
      '_rels/.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    document,
  ]);
}

/**
 * A document.xml of `paragraphs` copies of DOCX_PARAGRAPH, deflated as it streams;
 * `claimedSize` makes the zip lie about its size.
 */
export async function paragraphBomb(paragraphs: number, claimedSize?: number): Promise<ZipPart> {
  const head = `<?xml version="1.0"?><w:document ${W}><w:body>`;
  const tail = '</w:body></w:document>';
  // One deflate stream: the head, the paragraphs a thousand at a time, the tail.
  const block = Buffer.from(DOCX_PARAGRAPH.repeat(1000));
  const times = Math.ceil(paragraphs / 1000);
  const { data, crc } = await deflateStream([Buffer.from(head)], block, times, [Buffer.from(tail)]);
  const size = head.length + block.length * times + tail.length;
  return { name: 'word/document.xml', data, crc, size, ...(claimedSize === undefined ? {} : { claimedSize }) };
}

function deflateStream(before: Buffer[], chunk: Buffer, times: number, after: Buffer[]): Promise<{ data: Buffer; crc: number }> {
  return new Promise((resolve, reject) => {
    const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
    const out: Buffer[] = [];
    let crc = 0;
    deflate.on('data', (c: Buffer) => out.push(c));
    deflate.on('end', () => resolve({ data: Buffer.concat(out), crc }));
    deflate.on('error', reject);
    const put = (b: Buffer) => {
      crc = crc32(b, crc);
      return deflate.write(b);
    };
    for (const b of before) put(b);
    let written = 0;
    const write = () => {
      while (written < times) {
        written++;
        if (!put(chunk)) {
          deflate.once('drain', write);
          return;
        }
      }
      for (const b of after) put(b);
      deflate.end();
    };
    write();
  });
}

/** A PDF from its objects (numbered from 1, the first the catalog), with a correct cross-reference table. */
export function pdfFile(objects: Array<string | Buffer>): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const piece = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(piece);
    length += piece.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A stream object: its dictionary entries (besides /Length) and its data. */
export function pdfStream(dictionary: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dictionary} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}

/** A one-font page that shows `text` (in a content stream given as is). */
export const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
export const pageContent = (text: string) => Buffer.from(`BT /F1 12 Tf 72 720 Td (${text}) Tj ET`, 'latin1');
