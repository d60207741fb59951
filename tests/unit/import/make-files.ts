// Files generated for the import tests: a .docx written with `docx`, PDFs written
// with pdfkit (one with a text layer, one "scanned" with only drawings), and
// text in the three encodings. Written here rather than checked in as binaries.
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';

export const ARTICLE = {
  headline: 'Harbor Town Votes to Raise Its Seawall',
  byline: 'By Nadia Ferreira',
  body: [
    'PELHAM POINT, Maine — The town council voted 5-2 on Wednesday night to raise the harbor seawall by four feet, ending a fight that had split this fishing town of 3,100 people for two years.',
    'The $38 million plan calls for a concrete cap along 1.2 miles of shoreline. Construction is expected to begin in Sept. 2025 and to take about 30 months.',
  ],
};

export async function makeDocx(): Promise<Buffer> {
  const doc = new Document({
    creator: 'Nadia Ferreira',
    footnotes: { 1: { children: [new Paragraph('Council minutes, March 12, 2025.')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: ARTICLE.headline, heading: HeadingLevel.HEADING_1 }),
          new Paragraph(ARTICLE.byline),
          new Paragraph({
            children: [
              new TextRun('PELHAM POINT, Maine — The town council voted '),
              new TextRun({ text: '5-2', bold: true }),
              new TextRun(' on Wednesday night'),
              new FootnoteReferenceRun(1),
              new TextRun(' to raise the harbor seawall by four feet, ending a fight that had split this fishing town of 3,100 people for two years.'),
            ],
          }),
          new Paragraph({ text: 'The cost', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ children: [new TextRun({ text: ARTICLE.body[1]!, italics: true })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A PDF drawn by `draw`, uncompressed so tests can read it; `options` go to pdfkit as they are. */
export function pdf(draw: (doc: PDFKit.PDFDocument) => void, info: PDFKit.DocumentInfo = {}, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ info, compress: false, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

export function makeTextPdf(): Promise<Buffer> {
  return pdf(
    (doc) => {
      doc.fontSize(22).text(ARTICLE.headline);
      doc.moveDown();
      doc.fontSize(11).text(ARTICLE.byline);
      doc.moveDown();
      for (const para of ARTICLE.body) {
        doc.text(para);
        doc.moveDown();
      }
      doc.addPage();
      doc.text('Property taxes are likely to rise by about 3.5 percent, according to the town’s finance director.');
    },
    { Title: 'Seawall story', Author: 'Nadia Ferreira', CreationDate: new Date('2025-03-14T12:00:00Z') },
  );
}

/** A "scan": a page of drawings (a grey rectangle standing in for the scanned image) and no text. */
export function makeScannedPdf(): Promise<Buffer> {
  return pdf((doc) => {
    doc.rect(50, 50, 500, 700).fill('#cccccc');
    doc.moveTo(60, 100).lineTo(540, 100).stroke('#333333');
  });
}

export function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'le') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  const be = Buffer.from(le);
  be.swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

/** Windows-1252 bytes for text that only uses Latin-1 plus the curly quotes and dashes. */
export function windows1252(text: string): Buffer {
  const extra: Record<string, number> = { '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '€': 0x80, '…': 0x85 };
  return Buffer.from([...text].map((ch) => extra[ch] ?? ch.charCodeAt(0)));
}
