// A small article with every kind of verdict, and values built to break a
// careless renderer: markup, an event handler, quotes, commas and line breaks.
import { extractSegments, normalizeText } from '../../../src/shared/extract';
import type { Article, Claim, SetAsideSegment, Source, Status, Verdict } from '../../../src/shared/model';

export const NASTY_NOTE = 'Wrong: <script>alert(1)</script> <img src=x onerror=alert(2)> "quotes, commas"\nsecond line';
export const T0 = '2026-03-01T09:00:00.000Z';
export const T1 = '2026-03-02T10:30:00.000Z';
export const GENERATED = '2026-03-03T12:00:00.000Z';

const TEXT = normalizeText(
  [
    'Harbor Town Votes to Raise Its Seawall by Four Feet',
    'PELHAM POINT, Maine — The town council voted 5-2 on Wednesday night to raise the harbor seawall by four feet.',
    'The $38 million plan calls for a concrete cap along 1.2 miles of shoreline.',
    'Advertisement',
    'Photo: <b>Owen</b> Lacroix',
    '"We are not doing this for us," said Mayor Celia Brandt.',
    'Correction <i>appended</i> below.',
    'Storm surges topped the existing wall three times in the past decade.',
    'The state will cover 60 percent of the cost through a federal grant.',
  ].join('\n'),
);

export const SOURCES: Source[] = [
  {
    id: 'src-minutes',
    kind: 'document',
    title: 'Council minutes, March 12 <b>draft</b>',
    url: 'https://example.org/minutes?a=1&b="2"',
    contact: 'Clerk, "Jo" O\'Neil',
    accessedAt: '2026-03-01',
    excerpt: 'Motion carried 4-3.',
    createdAt: T0,
  },
  { id: 'src-js', kind: 'web', title: 'Bad link', url: 'javascript:alert(3)', contact: '', accessedAt: '', excerpt: '', createdAt: T0 },
  { id: 'src-unused', kind: 'interview', title: 'Interview with the mayor', url: '', contact: '555-0100', accessedAt: '', excerpt: '', createdAt: T0 },
];

function verdict(status: Status, extra: Partial<Verdict> = {}): Verdict {
  return { status, note: '', correction: '', sourceIds: [], checker: 'Ana Ruiz', updatedAt: T1, ...extra };
}

export function testArticle(overrides: Partial<Article> = {}): Article {
  const segments = extractSegments(TEXT);
  const unchecked = { status: 'unchecked' as const, note: '', correction: '', sourceIds: [], checker: null, updatedAt: null };
  // A line the checker set aside as not a claim, next to the furniture and credit the extractor set aside.
  const byChecker = segments.find((s) => s.text.startsWith('Correction'))!;
  const setAside: SetAsideSegment[] = segments
    .filter((s) => s.setAside || s === byChecker)
    .map((s, i) => ({
      ...s,
      setAside: s.setAside ?? 'not-a-claim',
      id: `s${i + 1}`,
      verdict: unchecked,
      history: s === byChecker ? [{ at: T1, by: 'Ben Ode', kind: 'set-aside', changes: [], detail: 'set aside as not a claim (it was unchecked)' }] : [],
    }));
  const claims: Claim[] = segments
    .filter((s) => !s.setAside && s !== byChecker)
    .map((c, i) => ({ ...c, id: `c${i + 1}`, verdict: unchecked, history: [] }));
  if (claims.length < 6) throw new Error(`fixture expects 6 claims, got ${claims.length}`);
  const set = (i: number, v: Verdict, by = 'Ana Ruiz') => {
    claims[i] = {
      ...claims[i]!,
      verdict: v,
      history: [{ at: v.updatedAt ?? T0, by, kind: 'verdict', changes: [{ field: 'status', from: 'unchecked', to: v.status }] }],
    };
  };
  set(1, verdict('disputed', { note: NASTY_NOTE, correction: 'The council voted 4-3, "not" 5-2.', sourceIds: ['src-minutes', 'src-js'] }));
  set(2, verdict('verified', { note: '=HYPERLINK("http://evil")', sourceIds: ['src-minutes'], checker: 'Ben Ode', updatedAt: T0 }), 'Ben Ode');
  set(3, verdict('sourced', { note: 'From the recording.', sourceIds: ['src-minutes'] }));
  set(5, verdict('disputed', { note: 'It is 50 percent.' }));
  return {
    id: 'art00001',
    title: 'Harbor Town Votes to Raise Its <Seawall> & "More"',
    sourceUrl: 'https://news.example.com/2025/03/seawall',
    author: 'Nadia Ferreira',
    publication: 'The Coastline Ledger',
    publishedAt: 'March 14, 2025',
    createdAt: T0,
    updatedAt: T1,
    text: TEXT,
    revisions: [{ id: 'rev-1', text: TEXT, createdAt: T0 }],
    claims,
    setAside,
    orphans: [],
    sources: SOURCES,
    ...overrides,
  };
}

/** RFC 4180 parsing, written independently of the renderer, for checking its output. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (ch === '"' || ch === '\n' || ch === '\r') {
      throw new Error(`unquoted ${JSON.stringify(ch)} at ${i}`);
    } else field += ch;
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
