// Every format into a correct article text and metadata, and every bad input
// into exactly one sentence naming the file. Pure: bytes in, text or a refusal out.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/backend/import/decode-text';
import { detectFormat } from '../../../src/backend/import/detect-format';
import { displayName, importFile } from '../../../src/backend/import/import-file';
import { MAX_IMPORT_BYTES } from '../../../src/shared/import-formats';
import { fromMarkdown } from '../../../src/backend/import/from-markdown';
import { UserError } from '../../../src/shared/errors';
import { extractClaims } from '../../../src/shared/extract';
import { ARTICLE, makeDocx, makeScannedPdf, makeTextPdf, utf16, windows1252 } from './make-files';
import { expectOneSentenceNaming } from './one-sentence';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/import');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const TEXT = 'Café owners say “prices rose 12%” — Zoë’s bakery… closed in 2024.\n\nA second paragraph.';

let docx: Buffer;
let textPdf: Buffer;
let scannedPdf: Buffer;
beforeAll(async () => {
  [docx, textPdf, scannedPdf] = await Promise.all([makeDocx(), makeTextPdf(), makeScannedPdf()]);
});

async function refusalOf(name: string, bytes: Uint8Array): Promise<string> {
  const error = await importFile(name, bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).message;
}

describe('plain text in three encodings', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), 'utf-8'],
    ['UTF-16 LE with BOM', utf16(TEXT, 'le'), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16(TEXT, 'be'), 'utf-16be'],
    ['Windows-1252', windows1252(TEXT), 'windows-1252'],
  ])('%s decodes to the same text', async (_label, bytes, encoding) => {
    expect(decodeText(bytes).encoding).toBe(encoding);
    const result = await importFile('story.txt', bytes);
    expect(result.text).toBe(TEXT);
    expect(result.format).toBe('text');
  });

  it('keeps the extractor’s structure: headline, byline, body', async () => {
    const text = [ARTICLE.headline, ARTICLE.byline, ...ARTICLE.body].join('\r\n');
    const { text: imported } = await importFile('seawall.txt', windows1252(text));
    const sections = extractClaims(imported).map((c) => c.section);
    expect(sections.slice(0, 3)).toEqual(['headline', 'byline', 'body']);
  });
});

describe('Markdown', () => {
  it('becomes plain text; the first heading is the title; front matter prefills the rest', async () => {
    const { text, meta } = await importFile('library.md', fixture('sample.md'));
    expect(meta).toEqual({
      title: 'Council Delays Vote on Library Hours',
      author: 'Sam Okafor',
      publishedAt: '2025-04-09',
      sourceUrl: 'https://ledger.example/2025/04/library-hours',
    });
    expect(text.split('\n\n').slice(0, 3)).toEqual([
      'Council Delays Vote on Library Hours',
      'By Sam Okafor',
      "The city council voted 6-1 on Tuesday to delay a decision on cutting the main library's Sunday hours, after more than 80 residents signed up to speak.",
    ]);
    expect(text).toContain('The library director, Marisol Vega, said closing on Sundays would save about $96,000 a year, according to a budget memo.');
    expect(text).toContain('Sunday visits averaged 412 last year.');
    expect(text).toContain('"We are the only warm, free place in this part of town on a winter Sunday," said Ruth Adeyemi, a retired teacher.');
    // No markup, link targets or images survive.
    expect(text).not.toMatch(/[*`#>[\]]|https?:|\.jpg|reading room/);
  });

  it('strips emphasis, code, links and HTML but leaves snake_case and lone asterisks alone', () => {
    const { text, meta } = fromMarkdown('Title\n=====\n\nA __bold__ and _odd_ file_name with 5 * 3 and <b>tags</b> and ~~gone~~ [x][1].\n');
    expect(meta.title).toBe('Title');
    expect(text).toBe('Title\n\nA bold and odd file_name with 5 * 3 and tags and gone x.');
  });
});

describe('Word (.docx)', () => {
  it('keeps paragraphs, headings and footnotes as text; the first heading is the title', async () => {
    const { text, meta, format } = await importFile('seawall.docx', docx);
    expect(format).toBe('docx');
    expect(meta.title).toBe(ARTICLE.headline);
    const paragraphs = text.split('\n\n');
    expect(paragraphs[0]).toBe(ARTICLE.headline);
    expect(paragraphs[1]).toBe(ARTICLE.byline);
    expect(paragraphs[2]).toBe(ARTICLE.body[0]!.replace(' on Wednesday night', ' on Wednesday night[1]'));
    expect(paragraphs).toContain('The cost');
    expect(paragraphs).toContain(ARTICLE.body[1]);
    expect(paragraphs.at(-1)).toBe('[1] Council minutes, March 12, 2025.');
    expect(text).not.toContain('↑');
    expect(extractClaims(text).map((c) => c.section).slice(0, 2)).toEqual(['headline', 'byline']);
  });
});

describe('PDF', () => {
  it('reads the text layer into paragraphs, across pages, with the document info as metadata', async () => {
    const { text, meta, format } = await importFile('seawall.pdf', textPdf);
    expect(format).toBe('pdf');
    expect(text.split('\n\n')).toEqual([
      ARTICLE.headline,
      ARTICLE.byline,
      ...ARTICLE.body,
      'Property taxes are likely to rise by about 3.5 percent, according to the town’s finance director.',
    ]);
    expect(meta).toEqual({ title: 'Seawall story', author: 'Nadia Ferreira', publishedAt: '2025-03-14' });
  });
});

describe('saved web pages', () => {
  it('takes the article and its metadata, and leaves the page furniture behind', async () => {
    const { text, meta } = await importFile('gull-island.html', fixture('saved-page.html'));
    expect(meta).toEqual({
      title: 'Ferry Line to Gull Island Will End Winter Service',
      author: 'Priya Castellanos',
      publication: 'The Coastline Ledger',
      publishedAt: '2025-02-03',
      sourceUrl: 'https://ledger.example/2025/02/gull-island-ferry',
    });
    const paragraphs = text.split('\n\n');
    expect(paragraphs.slice(0, 2)).toEqual(['Ferry Line to Gull Island Will End Winter Service', 'By Priya Castellanos']);
    expect(paragraphs).toContain('The town of Port Ames, which owns the landing, said it had not been consulted.');
  });

  it('takes the title and byline from the page itself when it has no metadata tags', async () => {
    const { text, meta } = await importFile('dam.htm', fixture('plain-page.html'));
    expect(meta).toEqual({ title: 'Why the Old Mill Dam Is Coming Down', author: 'Jo Park' });
    expect(text.split('\n\n').slice(0, 2)).toEqual(['Why the Old Mill Dam Is Coming Down', 'By Jo Park']);
  });
});

describe('format detection looks at the bytes, not only the name', () => {
  it('finds a PDF or a web page in a file without an extension', async () => {
    expect(detectFormat('scan', textPdf)).toEqual({ ok: true, format: 'pdf' });
    expect(detectFormat('notes', Buffer.from('Just a note.\n'))).toEqual({ ok: true, format: 'text' });
    expect(detectFormat('page', fixture('saved-page.html'))).toEqual({ ok: true, format: 'html' });
  });

  it('shows a file name without folders or control characters', () => {
    expect(displayName('C:\\Users\\ana\\story.docx')).toBe('story.docx');
    expect(displayName('/tmp/x/\u0007bell.txt')).toBe('bell.txt');
  });
});

describe('every bad input gets one sentence that names the file', () => {
  const cases: Array<{ name: string; file: string; bytes: () => Uint8Array; says: RegExp }> = [
    { name: 'an empty file', file: 'empty.txt', bytes: () => new Uint8Array(0), says: /is empty/ },
    { name: 'whitespace only', file: 'blank.txt', bytes: () => Buffer.from(' \n\t \r\n \u00a0 '), says: /no text/ },
    { name: 'whitespace only in UTF-16', file: 'blank16.txt', bytes: () => utf16('   \n  ', 'le'), says: /no text/ },
    { name: 'a binary file named .txt', file: 'photo.txt', bytes: () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), says: /binary/ },
    { name: 'control characters', file: 'noise.md', bytes: () => Buffer.from('\u0001\u0002\u0003\u0004abc\u0005\u0006'), says: /binary/ },
    { name: 'an unsupported type', file: 'notes.rtf', bytes: () => Buffer.from('{\\rtf1 hello}'), says: /Rich Text/ },
    { name: 'an unknown extension', file: 'data.xyz', bytes: () => Buffer.from('hello there'), says: /\.xyz file, which Factdesk cannot import/ },
    { name: 'an old .doc', file: 'old.doc', bytes: () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), says: /old Word file/ },
    { name: 'a ZIP archive', file: 'bundle.zip', bytes: () => Buffer.from('PK\u0003\u0004rest'), says: /ZIP archive/ },
    { name: 'a file over 25 MB', file: 'huge.txt', bytes: () => new Uint8Array(MAX_IMPORT_BYTES + 1), says: /25\.0 MB, over the 25 MB import limit/ },
    { name: 'HTML with no article body', file: 'politics.html', bytes: () => fixture('index-page.html'), says: /no article text/ },
    { name: 'HTML that is only scripts', file: 'app.html', bytes: () => Buffer.from('<html><body><div id="root"></div><script>render()</script></body></html>'), says: /no article text/ },
    { name: 'random bytes named .docx', file: 'story.docx', bytes: () => Buffer.from('this is not a zip file at all'), says: /damaged or not a Word document/ },
    { name: 'a truncated .docx', file: 'cut.docx', bytes: () => docx.subarray(0, 1500), says: /damaged or not a Word document/ },
    { name: 'a .pdf that is not one', file: 'fake.pdf', bytes: () => Buffer.from('hello, not a pdf'), says: /is not a PDF/ },
    { name: 'a corrupt PDF', file: 'broken.pdf', bytes: () => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(400, 0x41)]), says: /damaged or not a PDF/ },
    { name: 'a scanned PDF', file: 'scan.pdf', bytes: () => scannedPdf, says: /has no text layer \(it looks scanned\); run it through OCR first/ },
    { name: 'a PDF named .txt', file: 'report.txt', bytes: () => textPdf, says: /rename it to \.pdf/ },
    { name: 'JSON that is not a Factdesk export', file: 'data.json', bytes: () => Buffer.from('{"hello": 1}'), says: /not a Factdesk article export/ },
  ];

  it.each(cases)('$name', async ({ file, bytes, says }) => {
    const message = await refusalOf(file, bytes());
    expect(message).toMatch(says);
    expectOneSentenceNaming(message, file);
  });

  it('the scanned-PDF sentence reads exactly as designed', async () => {
    expect(await refusalOf('report.pdf', scannedPdf)).toBe('“report.pdf” has no text layer (it looks scanned); run it through OCR first.');
  });
});
