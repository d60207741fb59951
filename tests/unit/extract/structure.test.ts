import { describe, expect, it } from 'vitest';
import { extractClaims, normalizeText } from '../../../src/shared/extract';

const sections = (raw: string) => extractClaims(normalizeText(raw)).map((c) => `${c.section}: ${c.text}`);

describe('page structure', () => {
  it('recognises headline, dek, byline, datelines, caption and credit, body, bio; drops boilerplate', () => {
    const raw = [
      'Skip to content', 'Supported by', 'City Votes to Raise Its Seawall',
      'The $38 million project is the largest in the county’s history.', 'Share full article',
      'Workers inspect the seawall on Tuesday.', 'Credit...Owen Lacroix for The Ledger',
      'By Nadia Ferreira and Tom Reyes', 'Reporting from Pelham Point, Maine', 'Published March 14, 2025',
      'Advertisement', 'The council voted 5-2 on Wednesday.', 'Previous Post Next Post', 'Read more',
      'Nadia Ferreira covers coastal communities for The Ledger.', 'More about Nadia Ferreira',
    ].join('\n\n');
    expect(sections(raw)).toEqual([
      'headline: City Votes to Raise Its Seawall',
      'dek: The $38 million project is the largest in the county’s history.',
      'caption: Workers inspect the seawall on Tuesday.',
      'caption: Credit...Owen Lacroix for The Ledger',
      'byline: By Nadia Ferreira and Tom Reyes',
      'dateline: Reporting from Pelham Point, Maine',
      'dateline: Published March 14, 2025',
      'body: The council voted 5-2 on Wednesday.',
      'bio: Nadia Ferreira covers coastal communities for The Ledger.',
    ]);
  });
  it('keeps an inline dateline inside the first body sentence', () => {
    expect(sections('Headline Here\n\nBy Jo Park\n\nWASHINGTON — The Senate voted 52-48 on Tuesday. It was close.'))
      .toEqual(['headline: Headline Here', 'byline: By Jo Park', 'body: WASHINGTON — The Senate voted 52-48 on Tuesday.', 'body: It was close.']);
  });
  it('treats a dateline line of its own and a caption with a glued credit', () => {
    expect(sections('Storm Hits Coast\n\nBy Jo Park\n\nKYIV, Ukraine —\n\nSirens sounded overnight.\n\nFirefighters at the depot.Credit...Ana Ruiz/Reuters\n\nNo one was hurt.'))
      .toEqual(['headline: Storm Hits Coast', 'byline: By Jo Park', 'dateline: KYIV, Ukraine —', 'body: Sirens sounded overnight.',
        'caption: Firefighters at the depot.', 'caption: Credit...Ana Ruiz/Reuters', 'body: No one was hurt.']);
  });
  it('treats text without a header as body, and gives no claim to lone boilerplate or non-words', () => {
    expect(sections('The council met on Monday. It voted 5-2.\n\nAdvertisement\n\n* * *\n\nYes.\n\nThe vote was final.'))
      .toEqual(['body: The council met on Monday.', 'body: It voted 5-2.', 'body: The vote was final.']);
  });
  it('gives no claim to a subheading inside the body, but keeps one with a figure, a question and a list item', () => {
    const raw = [
      'Seawall Vote Splits Town', 'By Jo Park',
      'The council voted 5-2 on Wednesday.', 'Who pays', 'Owners will pay 40 percent.',
      'Costs tripled since 2020', 'The plan was drawn up in March.', 'What happens to the dunes?',
      'Engineers say the dunes stay.', '• Free parking for residents', 'The work starts in May.',
    ].join('\n\n');
    expect(sections(raw)).toEqual([
      'headline: Seawall Vote Splits Town', 'byline: By Jo Park',
      'body: The council voted 5-2 on Wednesday.', 'body: Owners will pay 40 percent.',
      'body: Costs tripled since 2020', 'body: The plan was drawn up in March.', 'body: What happens to the dunes?',
      'body: Engineers say the dunes stay.', 'body: Free parking for residents', 'body: The work starts in May.',
    ]);
    // A byline broken by an edit is still attribution, not a subheading.
    expect(sections('The council voted 5-2.\n\nBy reportedly Jo Park\n\nIt was final.')).toContain('body: By reportedly Jo Park');
    // The last line of an article is never taken for a subheading (nothing follows it).
    expect(sections('The council voted 5-2.\n\nThe vote was final')).toEqual(['body: The council voted 5-2.', 'body: The vote was final']);
  });
});
