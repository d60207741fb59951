// PDFs for the PDF structure tests (page turns, running heads and feet, hyphens at
// line ends), written with pdfkit. Most pages are set line by line, the way a
// layout program leaves them, so each test decides exactly where a line or a page
// ends; the address and compound cases let pdfkit wrap a narrow column itself.
// All the text is made up.
import { pdf as makePdf } from './make-files';

type Doc = PDFKit.PDFDocument;

/** One line of a set page: body text, a larger heading, or '' for the gap between paragraphs. */
export type SetLine = string | { heading: string };

export interface SetArticle {
  pages: SetLine[][];
  /** What the reader should make of it: the paragraphs, in order. */
  paragraphs: string[];
}

export const MASTHEAD = 'The Harbor Gazette — March 14, 2025';

const PAGE_WIDTH = 612; // US Letter, pdfkit's default
const LEFT = 72;
const BODY_SIZE = 11;
const LEADING = 15;

/** Pages are added by each fixture, at the size it lays out for. */
const pdf = (draw: (doc: Doc) => void) => makePdf(draw, {}, { autoFirstPage: false });

/** Text at a fixed place, never wrapped and never flowing onto a new page. */
function place(doc: Doc, text: string, x: number, y: number, size: number): void {
  doc.fontSize(size).text(text, x, y, { lineBreak: false });
}

function centred(doc: Doc, text: string, y: number, size: number): void {
  doc.fontSize(size);
  place(doc, text, (PAGE_WIDTH - doc.widthOfString(text)) / 2, y, size);
}

interface Furniture {
  /** The running head, atop every page. */
  head?: string;
  /** The running foot or page number, at the bottom of page `n` of `total`. */
  foot?: (n: number, total: number) => string;
}

/** Pages set line by line, with a running head and foot in the margins. */
function setPages(pages: SetLine[][], furniture: Furniture): Promise<Buffer> {
  return pdf((doc) => {
    pages.forEach((lines, i) => {
      doc.addPage();
      // The furniture is drawn after the body, as many layout programs do: the
      // reader must not rely on it coming first or last.
      let y = 90;
      for (const line of lines) {
        if (line === '') y += LEADING * 0.8;
        else if (typeof line === 'string') {
          place(doc, line, LEFT, y, BODY_SIZE);
          y += LEADING;
        } else {
          place(doc, line.heading, LEFT, y, 20);
          y += 30;
        }
      }
      if (furniture.head) place(doc, furniture.head, LEFT, 40, 9);
      if (furniture.foot) centred(doc, furniture.foot(i + 1, pages.length), 740, 9);
    });
  });
}

const pageOfTotal = (n: number, total: number) => `Page ${n} of ${total}`;

/**
 * Three pages under a running head and foot. The first page turn breaks a word
 * ("infor-" / "mation"); the second breaks a sentence after a full line, the next
 * page going on with a capital ("Eastport" / "Ferry").
 */
export const FARES: SetArticle = {
  pages: [
    [
      { heading: 'Ferry Fares to Rise as Fuel Costs Climb' },
      'By Tomas Lindqvist',
      '',
      'The regional ferry authority will raise fares by 12 percent on April 1,',
      'its first increase since 2019, the board said on Tuesday night.',
      '',
      'Fuel now makes up a third of the authority’s spending, up from a fifth',
      'five years ago. Two board members said they had asked for more infor-',
    ],
    [
      'mation about a state subsidy before the vote, but none arrived in time.',
      '',
      'Commuters who cross every day will pay about $9 more a month. Weekly',
      'passes stay at their current price until the end of the summer season.',
      '',
      '“I understand why they did it, but I am not sure people who ride the',
      'first boat of the morning will keep riding it,” said a rider from the',
    ],
    [
      'Eastport side, who asked that her name not be used because she works',
      'for the state. The board will review the fares again in October.',
    ],
  ],
  paragraphs: [
    'Ferry Fares to Rise as Fuel Costs Climb',
    'By Tomas Lindqvist',
    'The regional ferry authority will raise fares by 12 percent on April 1, its first increase since 2019, the board said on Tuesday night.',
    'Fuel now makes up a third of the authority’s spending, up from a fifth five years ago. Two board members said they had asked for more information about a state subsidy before the vote, but none arrived in time.',
    'Commuters who cross every day will pay about $9 more a month. Weekly passes stay at their current price until the end of the summer season.',
    '“I understand why they did it, but I am not sure people who ride the first boat of the morning will keep riding it,” said a rider from the Eastport side, who asked that her name not be used because she works for the state. The board will review the fares again in October.',
  ],
};

export function makeFaresPdf(): Promise<Buffer> {
  return setPages(FARES.pages, { head: MASTHEAD, foot: pageOfTotal });
}

/**
 * Page turns that do end a paragraph: after a full stop (the next page starts with
 * a capital), after a closing quote, and after a subheading set at body size. The
 * running head is the headline in small print, the foot the publication, month and
 * page number.
 */
export const LATE_BOAT: SetArticle = {
  pages: [
    [
      { heading: 'Ferry Service Adds a Late Boat' },
      'The ferry authority will add a 10:40 p.m. crossing on Fridays and',
      'Saturdays from May through September, its director said on Monday.',
      '',
      'Island restaurants had asked for a later boat for three years, and the',
      'authority said ridership on the 9:15 p.m. crossing had doubled since 2022.',
    ],
    [
      'Tickets for the new crossing go on sale on April 15. The authority said',
      'the boat would run with a crew of four, one fewer than in daytime.',
      '',
      '“We will see who rides it before we promise a winter schedule.”',
    ],
    [
      'Deckhands said they had not been asked about the later hours.',
      '',
      'What riders said',
    ],
    [
      'Most of the riders waiting at the Eastport landing on Monday welcomed the',
      'change, though several said they would rather see an earlier first boat.',
    ],
  ],
  paragraphs: [
    'Ferry Service Adds a Late Boat',
    'The ferry authority will add a 10:40 p.m. crossing on Fridays and Saturdays from May through September, its director said on Monday.',
    'Island restaurants had asked for a later boat for three years, and the authority said ridership on the 9:15 p.m. crossing had doubled since 2022.',
    'Tickets for the new crossing go on sale on April 15. The authority said the boat would run with a crew of four, one fewer than in daytime.',
    '“We will see who rides it before we promise a winter schedule.”',
    'Deckhands said they had not been asked about the later hours.',
    'What riders said',
    'Most of the riders waiting at the Eastport landing on Monday welcomed the change, though several said they would rather see an earlier first boat.',
  ],
};

export function makeLateBoatPdf(): Promise<Buffer> {
  return setPages(LATE_BOAT.pages, { head: 'Ferry Service Adds a Late Boat', foot: (n) => `The Harbor Gazette — March 2025 — ${n}` });
}

/** A sentence that repeats in the middle of two pages (a refrain, a pull quote): it is body text, both times. */
export const REFRAIN = 'The authority has not raised fares since 2019.';

export function makeRepeatedSentencePdf(): Promise<Buffer> {
  const pages: SetLine[][] = [
    [
      'The board met for three hours in the library of the Eastport school,',
      'where about forty residents filled the folding chairs set out for them.',
      '',
      'Several speakers asked the board to delay the vote until the state had',
      'answered its request for help with the cost of fuel for the fleet.',
      '',
      REFRAIN,
      '',
      'A retired captain said the fleet’s two oldest boats burn half again as',
      'much fuel as the newest one and should be sold before the summer.',
    ],
    [
      'The board’s treasurer said the authority had drawn down its reserve by',
      'a quarter over the last two years to keep the fares where they were.',
      '',
      'She said the reserve could not cover another year of fuel prices like',
      'this one without cutting the number of crossings in the winter.',
      '',
      REFRAIN,
      '',
      'The board chair thanked the residents for coming and said the minutes',
      'of the meeting would be posted on the authority’s website this week.',
    ],
  ];
  return setPages(pages, { head: MASTHEAD, foot: pageOfTotal });
}

/** One page, its number (in whichever style) at the bottom; without `foot`, no number at all. */
export const ONE_PAGE: SetArticle = {
  pages: [
    [
      { heading: 'Seawall Vote Set for April' },
      '',
      'The town council will vote on the seawall plan at its meeting on',
      'April 9, after two years of hearings and a study that put the cost at',
      '$38 million.',
      '',
      '7',
      '',
      'That is the number of votes the plan needs to pass the nine-member council.',
    ],
  ],
  paragraphs: [
    'Seawall Vote Set for April',
    'The town council will vote on the seawall plan at its meeting on April 9, after two years of hearings and a study that put the cost at $38 million.',
    '7',
    'That is the number of votes the plan needs to pass the nine-member council.',
  ],
};

export function makeOnePagePdf(foot?: string): Promise<Buffer> {
  return setPages(ONE_PAGE.pages, foot === undefined ? {} : { foot: () => foot });
}

/**
 * One paragraph of the line-end page. pdfkit wraps it in a column just wide enough
 * for the text up to `breakAfter`, so the line ends right there; or, where pdfkit
 * will not break (it never breaks "COVID-19", and it does not hyphenate words), it
 * is `set` as the two lines given.
 */
export type LineEndCase = { text: string; breakAfter: string } | { text: string; set: [string, string] };

export const LINE_ENDS: LineEndCase[] = [
  { text: 'Readers with tips about the ferry can write to hq-media@example.org at any hour.', breakAfter: 'hq-' },
  { text: 'The full schedule is posted at https://example.org/some-long-path for riders.', breakAfter: 'some-' },
  { text: 'Older timetables remain at https://example.org/some-long-path for now.', breakAfter: 'example.org/' },
  { text: 'The captain, a well-known figure on the island, has run the route since 1998.', breakAfter: 'well-' },
  { text: 'She is one of nine self-employed pilots licensed to work in the harbor.', breakAfter: 'self-' },
  {
    text: 'Tips about the harbor can also go to harbor-desk@example.org by night.',
    set: ['Tips about the harbor can also go to harbor-desk@', 'example.org by night.'],
  },
  {
    text: 'Service was cut back during the COVID-19 pandemic and restored in 2022.',
    set: ['Service was cut back during the COVID-', '19 pandemic and restored in 2022.'],
  },
  { text: 'Ridership in the 2019-20 season fell by about a third.', set: ['Ridership in the 2019-', '20 season fell by about a third.'] },
  {
    text: 'The route is named for Jean-Pierre Lavoie, its first captain.',
    set: ['The route is named for Jean-', 'Pierre Lavoie, its first captain.'],
  },
  {
    text: 'The subsidy comes from the state government, which has not said whether it will continue.',
    set: ['The subsidy comes from the state govern-', 'ment, which has not said whether it will continue.'],
  },
];

export function makeLineEndsPdf(): Promise<Buffer> {
  return pdf((doc) => {
    doc.addPage();
    doc.fontSize(BODY_SIZE);
    let y = 72;
    for (const c of LINE_ENDS) {
      if ('set' in c) {
        place(doc, c.set[0], LEFT, y, BODY_SIZE);
        place(doc, c.set[1], LEFT, y + LEADING, BODY_SIZE);
        y += 2 * LEADING;
      } else {
        const head = c.text.slice(0, c.text.indexOf(c.breakAfter) + c.breakAfter.length);
        doc.text(c.text, LEFT, y, { width: doc.widthOfString(head) + 0.5 });
        y = doc.y;
      }
      y += LEADING;
    }
  });
}
