// The CSV export read the way spreadsheets in other locales read it: with `;`
// (much of Europe) or a tab as the separator. Such a reader does not honour our
// quotes where they open (mid-cell for it), so a `;` inside a field starts a new
// cell there; none of those cells may start a formula.
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, renderReportCsv } from '../../../src/shared/report/csv';
import { buildReportModel } from '../../../src/shared/report/report-model';
import type { Verdict } from '../../../src/shared/model';
import { GENERATED, parseCsv, testArticle } from './fixture';

/**
 * Excel's way with a delimited file: a cell is quoted only when its first
 * character is a quote (a doubled quote inside is one quote, text after the
 * closing quote is kept); a quote anywhere else is a plain character; a line
 * break outside quotes ends the row.
 */
function parseLikeASpreadsheet(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i <= text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else cell += text[i++];
      }
    }
    while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') cell += text[i++];
    row.push(cell);
    if (text[i] === separator) {
      i++;
      continue;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    i++;
    rows.push(row);
    row = [];
  }
  return rows;
}

/** What a spreadsheet would run: a cell that starts with a formula sign, after any spaces or quotes it may drop. */
const FORMULA = /^[\s"]*[=+\-@]/;

const HOSTILE = [
  `Total;=cmd|' /C calc'!A0`,
  `Total;"=cmd|' /C calc'!A0"`,
  `Total;""=HYPERLINK("http://evil")`,
  `tab\t=1+1`,
  `tab\t\t@SUM(A1)`,
  `line\n=1+1`,
  `line\r\n+1+1`,
  `semi; -2+3+cmd|' /C calc'!A0`,
  `comma,=1+1`,
  `\t=1+1`,
  `\r=1+1`,
  `;=1+1`,
  ` =1+1`,
  `"=1+1"`,
];

function hostileCsv(): string {
  const article = testArticle();
  const claims = article.claims.map((c, i) => {
    const note = HOSTILE[i % HOSTILE.length]!;
    const correction = HOSTILE[(i + 3) % HOSTILE.length]!;
    const verdict: Verdict = { status: 'disputed', note, correction, sourceIds: [], checker: HOSTILE[(i + 7) % HOSTILE.length]!, updatedAt: GENERATED };
    return { ...c, verdict };
  });
  return renderReportCsv(buildReportModel({ ...article, claims }, {}, GENERATED)).slice(1);
}

describe('CSV read with another separator', () => {
  const csv = hostileCsv();

  it.each([[';'], ['\t'], [',']])('no cell starts a formula when split on %j', (separator) => {
    const cells = parseLikeASpreadsheet(csv, separator).flat();
    expect(cells.length).toBeGreaterThan(CSV_COLUMNS.length);
    expect(cells.filter((cell) => FORMULA.test(cell))).toEqual([]);
  });

  it('no cell starts a formula even for a splitter that ignores quotes', () => {
    const cells = csv.split(/[,;\t\r\n]/);
    expect(cells.filter((cell) => FORMULA.test(cell))).toEqual([]);
  });

  it('still reads back with a strict RFC 4180 parser, one row per claim, the guard only adding apostrophes', () => {
    const rows = parseCsv(csv);
    expect(rows.length).toBe(7);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    for (const [i, row] of rows.slice(1).entries()) {
      expect(row[4]!.replace(/'/g, '')).toBe(HOSTILE[i % HOSTILE.length]!.replace(/'/g, ''));
    }
    expect(rows[1]![4]).toBe(`Total;'=cmd|' /C calc'!A0`);
  });
});

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['a; b', '"a; b"'],
    ['a\tb', '"a\tb"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1 555', "'+1 555"],
    ['-3 percent', "'-3 percent"],
    ['@cmd', "'@cmd"],
    ['\tx', `"'\tx"`],
    ['Total;=cmd', `"Total;'=cmd"`],
    ['a\n- a list item', `"a\n'- a list item"`],
    ['4-3, not 5-2', '"4-3, not 5-2"'],
    ['=HYPERLINK("x", "y")', `"'=HYPERLINK(""x"", ""y"")"`],
  ])('writes %j as %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('never prefixes numbers', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(12)).toBe('12');
  });
});
