// What a checker sees of a saved web page: its words, each in a claim of the right
// section (headline, dek, byline, caption, subheading, body, bio) or set aside with a
// kind (credit, furniture, contents, reference, a label heading). One page per case,
// written for these tests (tests/fixtures/import/pages/).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/backend/import/import-file';
import { extractSegments, partitionProblem, prepareText, type Segment } from '../../../src/shared/extract';

const PAGES = resolve(import.meta.dirname, '../../fixtures/import/pages');

async function open(name: string) {
  const imported = await importFile(name, readFileSync(join(PAGES, name)));
  const segments = extractSegments(imported.text, imported.structure);
  return { ...imported, segments };
}

const claims = (segments: Segment[], section?: Segment['section']) =>
  segments.filter((s) => s.setAside === undefined && (section === undefined || s.section === section));
const setAside = (segments: Segment[], kind: Segment['setAside']) => segments.filter((s) => s.setAside === kind);
const texts = (segments: Segment[]) => segments.map((s) => s.text);
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Every word of `paragraph` is in the claims, in order. */
function inClaims(segments: Segment[], paragraph: string): boolean {
  const all = claims(segments).map((s) => s.text).join(' ');
  return all.replace(/\s+/g, ' ').includes(paragraph);
}

describe('every page', () => {
  const pages = readdirSync(PAGES).filter((f) => f.endsWith('.html') && f !== 'no-text.html');

  it.each(pages)('%s: prepared text, a hint for every line, and segments that partition it', async (name) => {
    const { text, structure, segments } = await open(name);
    expect(prepareText(text)).toBe(text);
    expect(structure.length).toBeGreaterThan(0);
    let offset = 0;
    for (const line of text.split('\n')) {
      if (line.trim()) expect(structure.some((h) => h.start <= offset && offset + line.length <= h.end), line).toBe(true);
      offset += line.length + 1;
    }
    expect(partitionProblem(text, segments)).toBeNull();
  });
});

describe('classes on the page never hide the article', () => {
  it('reads a page whose <html> says ads-enabled and whose <body> and <main> say paywall', async () => {
    const { text, meta, segments } = await open('ads-paywall.html');
    expect(meta.title).toBe('Harbor Bridge Reopens Two Months Early');
    expect(texts(claims(segments, 'headline'))).toEqual(['Harbor Bridge Reopens Two Months Early']);
    expect(texts(claims(segments, 'byline'))).toEqual(['By Tomasz Reyes']);
    for (const p of [
      'The Harbor Street bridge reopened to traffic on Tuesday, two months ahead of schedule, after a $14.8 million repair of its steel deck, the state transportation department said.',
      '“We had a dry winter, and the steel arrived early,” said Imani Okafor, the project manager.',
      'A second phase of work, on the bridge’s lighting and railings, is scheduled for 2027 and will be done at night, the department said.',
    ]) {
      expect(inClaims(segments, p), p).toBe(true);
    }
    // The ad slot inside the story stays visible, set aside; the one above the page is not the article's.
    expect(texts(setAside(segments, 'furniture'))).toEqual(['Advertisement']);
    expect(text.match(/Advertisement/g)).toHaveLength(1);
  });

  it('reads a documentation page whose sections are called related, share and comments', async () => {
    const { text, segments } = await open('docs.html');
    for (const p of [
      'Sync follows the storage settings of each device.',
      'Turning off sync on one device does not delete the notebooks already copied there; they stay available offline until you remove them.',
      'A share link gives read access to one notebook.',
      'Links expire after 30 days unless you choose a longer period when you create them.',
      'People you share a notebook with can leave comments on any paragraph.',
      'Resolved comments are kept in the notebook’s history for a year.',
    ]) {
      expect(inClaims(segments, p), p).toBe(true);
    }
    expect(texts(claims(segments, 'subheading'))).toEqual(['Related settings', 'Share links']);
    // The docs' own menu and footer are the site's, not the page's text.
    expect(text).not.toContain('Privacy');
    expect(text).not.toContain('FAQ');
  });

  it('refuses only a page with no text at all, in one sentence that says so', async () => {
    await expect(importFile('app.html', readFileSync(join(PAGES, 'no-text.html')))).rejects.toThrow(
      /^“app\.html” has no article text that Factdesk could find: the page shows no text at all \(it may need JavaScript to show its text\)\.$/,
    );
  });
});

describe('captions and credits', () => {
  it('makes figcaptions captions and puts each credit on a line of its own, set aside', async () => {
    const { text, segments } = await open('figure-credits.html');
    expect(texts(claims(segments, 'caption'))).toEqual([
      'Workers twist hemp strands at the Calder ropewalk in 1962.',
      'The shed’s south door, restored last year.',
      'Spinning wheels and hooks kept in the museum’s basement.',
      'An 1880 map of the riverfront shows the ropewalk as a single narrow line.',
    ]);
    const credits = setAside(segments, 'credit');
    expect(texts(credits)).toEqual([
      'Credit Credit Mara Ellison/The Harbor Gazette',
      'Oren Vale for The Harbor Gazette',
      'Photo: Dev Anand',
      '(Photo: County Archives)',
    ]);
    expect(credits.every((c) => c.section === 'caption')).toBe(true);
    // Each credit is a line of its own, and no claim carries a credit's words.
    for (const c of credits) expect(text.split('\n')).toContain(c.text);
    expect(claims(segments).filter((c) => /Credit|Gazette|Dev Anand|Archives/.test(c.text))).toEqual([]);
  });
});

describe('bylines', () => {
  it('takes the authors from JSON-LD wrapped in //<![CDATA[ … //]]>', async () => {
    const { meta, segments } = await open('byline-jsonld-cdata.html');
    expect(meta.author).toBe('Ruth Adeyemi and Col Brennan');
    expect(texts(claims(segments, 'byline'))).toEqual(['By Ruth Adeyemi and Col Brennan']);
  });

  it('takes the author from itemprop=author and hints the byline the page shows', async () => {
    const { meta, segments } = await open('byline-itemprop.html');
    expect(meta.author).toBe('Priya Natarajan');
    expect(texts(claims(segments, 'byline'))).toEqual(['By Priya Natarajan']);
    expect(texts(claims(segments, 'dateline'))).toEqual(['March 3, 2025']);
  });

  it('takes the author from a rel=author link and keeps the line it sits in whole', async () => {
    const { meta, segments } = await open('byline-rel-author.html');
    expect(meta.author).toBe('Sam Okoro');
    expect(texts(claims(segments, 'byline'))).toEqual(['Posted on June 9, 2025 by Sam Okoro']);
  });

  it('never takes a date for a name', async () => {
    const { meta, segments } = await open('byline-date-only.html');
    expect(meta.author).toBeUndefined();
    expect(claims(segments, 'byline')).toEqual([]);
    expect(texts(claims(segments, 'dateline'))).toEqual(['By April 28, 2025 at 6:01 am Updated April 29, 2025 at 9:41 am']);
  });

  it('drops an author suffix from a title, and writes the byline the page does not show', async () => {
    const { meta, text, segments } = await open('title-suffix.html');
    expect(meta.title).toBe('Why the Orchard Stopped Spraying');
    expect(text.split('\n\n').slice(0, 2)).toEqual(['Why the Orchard Stopped Spraying', 'By Hana Sato']);
    expect(texts(claims(segments, 'headline'))).toEqual(['Why the Orchard Stopped Spraying']);
    expect(texts(claims(segments, 'byline'))).toEqual(['By Hana Sato']);
  });
});

describe('dek and bio', () => {
  it('makes the standfirst the dek and the author box the bio', async () => {
    const { text, segments } = await open('dek-bio.html');
    expect(text.split('\n\n')[0]).toBe('The Town That Measured Its Own Rain');
    expect(claims(segments, 'dek').map((s) => s.text).join(' ')).toBe(
      'When the state closed its weather station, 60 volunteers in Harlow set out gauges in their yards. Ten years on, their record is the best in the county.',
    );
    expect(texts(claims(segments, 'byline'))).toEqual(['By Ines Kovacs']);
    expect(claims(segments, 'bio').map((s) => s.text).join(' ')).toBe(
      'Ines Kovacs covers climate and rural communities for the Northern Ledger. She has written about water in the county since 2016.',
    );
    expect(inClaims(segments, '“We only missed four days in ten years, and two of those were my fault,” said Walt Brenner, who keeps the spreadsheet.')).toBe(true);
  });
});

describe('furniture inside the article', () => {
  it('keeps it visible, set aside, and never a claim', async () => {
    const { text, segments } = await open('furniture-inside.html');
    const furniture = texts(setAside(segments, 'furniture'));
    for (const line of [
      'Share Tweet Email',
      '[Read: How other cities spent their parking money]',
      'Sign up for the City Hall newsletter to get council news in your inbox every Friday.',
      'Advertisement',
      'A version of this article appears in print on April 30, 2025, Section B, Page 3 of the City edition with the headline: Council Delays Meter Vote.',
      'Order Reprints | Today’s Paper | Subscribe',
      'More about Jo Park',
    ]) {
      expect(furniture, line).toContain(line);
      expect(claims(segments).filter((c) => line.includes(c.text) || c.text.includes(line)), line).toEqual([]);
    }
    for (const p of [
      'The city council postponed a vote on Wednesday on a plan to install 420 parking meters downtown, after shop owners packed the chamber to object.',
      'The council will take up the plan again on May 14.',
      'Shop owners said meters would push customers to the mall on Route 7, which has 2,000 free spaces.',
    ]) {
      expect(inClaims(segments, p), p).toBe(true);
    }
    // The site's menu and footer are far from the article: left out.
    expect(text).not.toContain('Sports');
    expect(text).not.toContain('All rights reserved');
  });
});

describe('around the article’s text', () => {
  // A story whose <title> is worded for search engines, its body in a box of its own, and
  // after it a long list of links with a correction under them.
  const teasers = Array.from({ length: 80 }, (_, i) => `<li><a href="/story/${i}">Teaser headline number ${i + 1}</a></li>`).join('');
  const page = `<!doctype html><html><head><title>Tide gauge</title></head><body><article>
    <h1>The harbor’s tide gauge is back</h1>
    <div class="story-body">
      <p>The tide gauge at the harbor mouth was reinstalled on Tuesday after 14 months out of service, the port authority said.</p>
      <p>The gauge records the water level every six minutes and feeds the national tide tables, which ships use to plan their passage.</p>
      <p>Its repair cost $86,000, shared between the port and the state, according to the authority’s annual report.</p>
    </div>
    <div class="related-links"><ul>${teasers}</ul>
      <p>Correction: An earlier version of this article gave the wrong length of the outage; it was 14 months, not 12.</p></div>
    </article></body></html>`;

  it('keeps a headline that its <title> words differently', async () => {
    const imported = await importFile('tide.html', new TextEncoder().encode(page));
    const segments = extractSegments(imported.text, imported.structure);
    expect(texts(claims(segments, 'headline'))).toEqual(['The harbor’s tide gauge is back']);
    expect(imported.meta.title).toBe('The harbor’s tide gauge is back');
  });

  it('leaves the page’s chrome out after a while, but never a paragraph of prose', async () => {
    const imported = await importFile('tide.html', new TextEncoder().encode(page));
    const segments = extractSegments(imported.text, imported.structure);
    // Past the first 60 links, the list is left out like the rest of the page; the correction under it is not.
    expect(texts(setAside(segments, 'furniture'))).toContain('Teaser headline number 60');
    expect(segments.some((s) => s.text.includes('Teaser headline number 61'))).toBe(false);
    expect(texts(segments)).toContain('Correction: An earlier version of this article gave the wrong length of the outage; it was 14 months, not 12.');
  });
});

describe('the article text in the page’s own data (JSON-LD articleBody)', () => {
  const story = [
    'The county will close the north pier for repairs from March 2 to April 30, its works department said on Monday.',
    'The repairs will cost $1.2 million, paid from the harbor fund, and will replace 40 of the pier’s 96 pilings.',
    'Ferries will use the south landing while the work goes on, and the 6:40 a.m. crossing will leave ten minutes later.',
    'The pier was last repaired in 2011, when storms had cracked its deck in three places.',
    'Fishing boats that moor at the pier have been offered berths in the marina at the usual rate.',
  ];
  const page = (shown: string) => `<!doctype html><html><head><title>Pier repairs start in March</title>
    <script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Pier repairs start in March', articleBody: story.join('\n\n') })}</script>
    </head><body>${shown}</body></html>`;
  const open = async (html: string) => {
    const imported = await importFile('pier.html', new TextEncoder().encode(html));
    return { ...imported, segments: extractSegments(imported.text, imported.structure) };
  };

  it('imports a page that shows no text itself from its data, and says so', async () => {
    const { segments, notice, meta } = await open(page('<div id="root"></div><noscript>Enable JavaScript.</noscript>'));
    expect(notice).toMatch(/^The page shows no article text itself .* JSON-LD articleBody/);
    expect(meta.title).toBe('Pier repairs start in March');
    expect(texts(claims(segments, 'headline'))).toEqual(['Pier repairs start in March']);
    for (const sentence of story) expect(inClaims(segments, sentence), sentence).toBe(true);
  });

  it('says when the page shows much less of the article than its data holds', async () => {
    const shown = `<article><h1>Pier repairs start in March</h1><p>${story[0]}</p><div class="paywall">Subscribe to read more.</div></article>`;
    const { notice } = await open(page(shown));
    expect(notice).toMatch(/^The page shows 2\d% of the article text its own data holds \(\d+ words in its JSON-LD articleBody\)/);
    // All of it shown: nothing to say.
    const whole = await open(page(`<article><h1>Pier repairs start in March</h1>${story.map((s) => `<p>${s}</p>`).join('')}</article>`));
    expect(whole.notice).toBeUndefined();
  });

  it('reads an articleBody written as HTML as its text, never its tags', async () => {
    const html = `<!doctype html><html><head><title>Pier repairs</title><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: story.map((s) => `<p>${s}</p>`).join('') })}</script></head><body><div id="root"></div></body></html>`;
    const { segments } = await open(html);
    for (const sentence of story) expect(inClaims(segments, sentence), sentence).toBe(true);
    expect(segments.some((s) => s.text.includes('<p>'))).toBe(false);
  });

  it('still refuses a page with no text when its data holds no article', async () => {
    const empty = `<!doctype html><html><head><title>App</title></head><body><div id="root"></div></body></html>`;
    await expect(importFile('app.html', new TextEncoder().encode(empty))).rejects.toThrow(/has no article text that Factdesk could find/);
  });
});

describe('readers’ comments', () => {
  it('are shown under the article, each set aside as a comment, with the reply form as furniture', async () => {
    const { segments } = await open('blog-comments.html');
    const comments = texts(setAside(segments, 'comment'));
    for (const line of [
      '3 comments on “Ferry timetable changes for the winter”',
      'The 6:40 boat was cancelled twice last winter because the crew had not arrived.',
      'Six a day is the same as in 2019, when the county paid for a seventh boat at Christmas.',
      'Good.',
    ]) {
      expect(comments, line).toContain(line);
    }
    expect(comments.some((c) => c.includes('Tom Reyes wrote on November 4, 2026'))).toBe(true);
    // Nothing of the thread is a claim to check; the article's own sentences all are.
    const claimed = texts(claims(segments));
    expect(claimed.filter((c) => /6:40 boat|seventh boat|Reyes|Duarte|^Good\.$/.test(c))).toEqual([]);
    expect(claimed).toContain("Fares stay at $4.50 for adults; the operator said a rise would need the county's approval, which it has not sought.");
    expect(texts(setAside(segments, 'furniture'))).toContain('Your email address will not be published. Required fields are marked *');
    // The site's footer is not the article's and not a comment.
    expect(segments.some((s) => s.text.includes('All rights reserved'))).toBe(false);
  });

  it('inside the article’s own container are set aside as comments too', async () => {
    const page = (thread: string) => `<!doctype html><html><head><title>Pier repairs</title></head><body><article>
      <h1>Pier repairs start in March</h1>
      <p>The county will close the north pier for repairs from March 2 to April 30, its works department said.</p>
      <p>The repairs will cost $1.2 million, paid from the harbor fund.</p>
      ${thread}</article></body></html>`;
    const thread = `<div id="comments"><div class="comment"><p>The pier was last repaired in 2011, for far less.</p></div>
      <div class="comment"><p>Will the ferry still stop there in April?</p></div></div>`;
    const imported = await importFile('pier.html', new TextEncoder().encode(page(thread)));
    const segments = extractSegments(imported.text, imported.structure);
    expect(texts(setAside(segments, 'comment'))).toEqual(['The pier was last repaired in 2011, for far less.', 'Will the ferry still stop there in April?']);
    expect(texts(claims(segments))).toContain('The repairs will cost $1.2 million, paid from the harbor fund.');
  });
});

describe('a wiki page', () => {
  it('sets aside the table of contents and the references, and checks the sections', async () => {
    const { text, segments } = await open('wiki.html');
    expect(text.split('\n\n')[0]).toBe('Lake Orrin');
    expect(texts(setAside(segments, 'contents'))).toEqual(['Contents', '1 Geography', '2 History', '3 References']);
    expect(texts(claims(segments, 'subheading'))).toEqual(['Geography', 'History']);
    expect(texts(setAside(segments, 'subheading'))).toEqual(['See also', 'References']);
    expect(texts(setAside(segments, 'reference'))).toEqual([
      '1. ^ Halden, M. (1998). Lakes of the North. Ardel Press. p. 41.',
      '2. ^ “Ice cover records”. Regional Water Office. Retrieved 3 March 2021.',
      '3. ^ Voss, K. (2004). “The church at Orrin”. Upland History. 12 (2): 77–90.',
    ]);
    // A reference marker stays in its sentence. The wiki's "[edit]" links are on the page, so
    // they are shown, but set aside: never a claim, never part of the heading beside them.
    expect(texts(claims(segments))).toContain('Its water is unusually clear, with a Secchi depth of 11 metres in summer.[12]');
    expect(texts(setAside(segments, 'furniture')).filter((t) => t.includes('edit'))).toEqual(['[edit]', '[edit]']);
    expect(claims(segments).filter((c) => c.text.includes('edit'))).toEqual([]);
    expect(claims(segments).some((c) => /Tessel River$|Northern uplands$/.test(c.text))).toBe(false);
    expect(text).not.toContain('Random article');
  });
});

describe('lists', () => {
  it('keeps the numbers of an ordered list (start and value respected), no bullets for the others', async () => {
    const { segments } = await open('ranked-list.html');
    const body = texts(claims(segments, 'body'));
    expect(body).toEqual(
      expect.arrayContaining(['6. Norway, 89 percent', '7. Austria, 87 percent', '9. Ireland, 84 percent', '10. United States, 79 percent']),
    );
    expect(body).toContain('Deposits are refunded at the shop.');
    expect(setAside(segments, 'list-marker')).toEqual([]);
    expect(words(body.join(' '))).not.toContain('•');
  });
});
