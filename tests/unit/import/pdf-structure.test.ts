// The PDF reader rebuilds paragraphs from positioned lines: sentences go on over a
// page turn, running heads, feet and page numbers stay out of the text, and only a
// word broken at a line end loses its hyphen.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromPdf } from '../../../src/backend/import/from-pdf';
import { importFile } from '../../../src/backend/import/import-file';
import {
  FARES,
  LATE_BOAT,
  LINE_ENDS,
  MASTHEAD,
  ONE_PAGE,
  REFRAIN,
  makeFaresPdf,
  makeLateBoatPdf,
  makeLineEndsPdf,
  makeOnePagePdf,
  makeRepeatedSentencePdf,
} from './make-pdf-fixtures';

/** The lines each page prints, as pdfjs sees them: proof that a fixture breaks where the test says. */
async function printedLines(bytes: Buffer): Promise<string[][]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pages: string[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    let line = '';
    const lines: string[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      line += item.str;
      if (item.hasEOL) {
        if (line.trim()) lines.push(line.trim());
        line = '';
      }
    }
    if (line.trim()) lines.push(line.trim());
    pages.push(lines);
  }
  await pdf.destroy();
  return pages;
}

async function paragraphsOf(bytes: Buffer): Promise<string[]> {
  return (await fromPdf(bytes)).text.split('\n\n');
}

describe('page turns and running heads', () => {
  let fares: Buffer;
  beforeAll(async () => {
    fares = await makeFaresPdf();
  });

  it('the fixture prints a running head and a "Page N of 3" foot on every page, and breaks "infor-" at a page end', async () => {
    const pages = await printedLines(fares);
    expect(pages).toHaveLength(3);
    pages.forEach((lines, i) => {
      expect(lines).toContain(MASTHEAD);
      expect(lines).toContain(`Page ${i + 1} of 3`);
    });
    expect(pages[0]!.filter((l) => l !== MASTHEAD && !l.startsWith('Page')).at(-1)).toMatch(/infor-$/);
  });

  it('keeps sentences whole over page turns and leaves the head and foot out', async () => {
    const { text } = await importFile('fares.pdf', fares);
    expect(text.split('\n\n')).toEqual(FARES.paragraphs);
    expect(text).not.toContain('Harbor Gazette');
    expect(text).not.toMatch(/Page \d/);
  });

  it('still breaks the paragraph at a page turn after a full stop, a closing quote, or a subheading', async () => {
    const lateBoat = await makeLateBoatPdf();
    const feet = (await printedLines(lateBoat)).map((lines) => lines.at(-1));
    expect(feet).toEqual([1, 2, 3, 4].map((n) => `The Harbor Gazette — March 2025 — ${n}`));
    // The headline stays: the running head repeats its words, but in small print.
    expect(await paragraphsOf(lateBoat)).toEqual(LATE_BOAT.paragraphs);
  });

  it('keeps a body sentence that repeats in the middle of two pages, both times', async () => {
    const paragraphs = await paragraphsOf(await makeRepeatedSentencePdf());
    expect(paragraphs.filter((p) => p === REFRAIN)).toHaveLength(2);
    expect(paragraphs.join(' ')).not.toContain('Harbor Gazette');
    expect(paragraphs.join(' ')).not.toMatch(/Page \d/);
  });
});

describe('a page number on a single page', () => {
  it.each(['1', '- 1 -', 'Page 1', '1 / 1', 'Page 1 of 1'])('drops "%s" at the bottom and changes nothing else', async (foot) => {
    const [numbered, plain] = await Promise.all([makeOnePagePdf(foot), makeOnePagePdf()]);
    expect((await printedLines(numbered))[0]).toContain(foot);
    const paragraphs = await paragraphsOf(numbered);
    expect(paragraphs).toEqual(ONE_PAGE.paragraphs);
    expect(paragraphs).toEqual(await paragraphsOf(plain));
  });
});

describe('hyphens at line ends', () => {
  let lineEnds: Buffer;
  beforeAll(async () => {
    lineEnds = await makeLineEndsPdf();
  });

  it('the fixture breaks each wrapped line where the case says', async () => {
    const [lines] = await printedLines(lineEnds);
    for (const c of LINE_ENDS) {
      if ('breakAfter' in c) expect(lines!.some((l) => l.endsWith(c.breakAfter) && c.text.startsWith(l))).toBe(true);
    }
  });

  it('joins only the word broken at the line end, and keeps addresses, URLs and compounds whole', async () => {
    expect(await paragraphsOf(lineEnds)).toEqual(LINE_ENDS.map((c) => c.text));
  });
});
