import { describe, expect, it } from 'vitest';
import { extractSegments, partitionProblem, prepareText } from '../../../src/shared/extract';

/** What the checker sees of each segment: its section, or why it is set aside. */
const segments = (raw: string) => {
  const text = prepareText(raw);
  const found = extractSegments(text);
  expect(partitionProblem(text, found)).toBeNull();
  return found.map((c) => (c.setAside ? `set aside (${c.setAside}): ${c.text}` : `${c.section}: ${c.text}`));
};

describe('page structure', () => {
  it('recognises headline, dek, byline, datelines, caption, body and bio, and sets furniture and credits aside', () => {
    const raw = [
      'Skip to content', 'Supported by', 'City Votes to Raise Its Seawall',
      'The $38 million project is the largest in the county’s history.', 'Share full article',
      'Workers inspect the seawall on Tuesday.', 'Credit...Owen Lacroix for The Ledger',
      'By Nadia Ferreira and Tom Reyes', 'Reporting from Pelham Point, Maine', 'Published March 14, 2025',
      'Advertisement', 'The council voted 5-2 on Wednesday.', 'Previous Post Next Post', 'Read more',
      'Nadia Ferreira covers coastal communities for The Ledger.', 'More about Nadia Ferreira',
    ].join('\n\n');
    expect(segments(raw)).toEqual([
      'set aside (furniture): Skip to content',
      'set aside (furniture): Supported by',
      'headline: City Votes to Raise Its Seawall',
      'dek: The $38 million project is the largest in the county’s history.',
      'set aside (furniture): Share full article',
      'caption: Workers inspect the seawall on Tuesday.',
      'set aside (credit): Credit...Owen Lacroix for The Ledger',
      'byline: By Nadia Ferreira and Tom Reyes',
      'dateline: Reporting from Pelham Point, Maine',
      'dateline: Published March 14, 2025',
      'set aside (furniture): Advertisement',
      'body: The council voted 5-2 on Wednesday.',
      'set aside (furniture): Previous Post Next Post',
      'set aside (furniture): Read more',
      'bio: Nadia Ferreira covers coastal communities for The Ledger.',
      'set aside (furniture): More about Nadia Ferreira',
    ]);
  });
  it('keeps an inline dateline inside the first body sentence', () => {
    expect(segments('Headline Here\n\nBy Jo Park\n\nWASHINGTON — The Senate voted 52-48 on Tuesday. It was close.'))
      .toEqual(['headline: Headline Here', 'byline: By Jo Park', 'body: WASHINGTON — The Senate voted 52-48 on Tuesday.', 'body: It was close.']);
  });
  it('treats a dateline line of its own, and sets aside a credit glued to its caption', () => {
    expect(segments('Storm Hits Coast\n\nBy Jo Park\n\nKYIV, Ukraine —\n\nSirens sounded overnight.\n\nFirefighters at the depot.Credit...Ana Ruiz/Reuters\n\nNo one was hurt.'))
      .toEqual(['headline: Storm Hits Coast', 'byline: By Jo Park', 'dateline: KYIV, Ukraine —', 'body: Sirens sounded overnight.',
        'caption: Firefighters at the depot.', 'set aside (credit): Credit...Ana Ruiz/Reuters', 'body: No one was hurt.']);
  });
  it('sets aside a credit element whose label is glued to the name', () => {
    expect(segments('The council voted on Tuesday.\n\nThe mayor at City Hall.\n\nCreditCreditChang W. Lee/The Ledger\n\nThe vote was 5-2.'))
      .toContain('set aside (credit): CreditCreditChang W. Lee/The Ledger');
  });
  it('never drops a short line: "Yes." and "Hello!!" are claims, a line with no words is set aside', () => {
    expect(segments('The council met on Monday. It voted 5-2.\n\nAdvertisement\n\n* * *\n\nYes.\n\nHello!!\n\nThe vote was final.'))
      .toEqual(['body: The council met on Monday.', 'body: It voted 5-2.', 'set aside (furniture): Advertisement', 'set aside (furniture): * * *',
        'body: Yes.', 'body: Hello!!', 'body: The vote was final.']);
  });
  it('makes a subheading between prose paragraphs a claim of its own section; a list of short lines stays body', () => {
    const raw = [
      'Seawall Vote Splits Town', 'By Jo Park',
      'The council voted 5-2 on Wednesday.', 'Who pays', 'Owners will pay 40 percent of the cost.',
      'Costs tripled since 2020', 'The plan was drawn up in March.', 'What happens to the dunes?',
      'Engineers say the dunes stay.', 'Free parking for residents', 'Free moorings for fishermen', 'The work starts in May.',
    ].join('\n\n');
    expect(segments(raw)).toEqual([
      'headline: Seawall Vote Splits Town', 'byline: By Jo Park',
      'body: The council voted 5-2 on Wednesday.', 'subheading: Who pays', 'body: Owners will pay 40 percent of the cost.',
      'body: Costs tripled since 2020', 'body: The plan was drawn up in March.', 'body: What happens to the dunes?',
      'body: Engineers say the dunes stay.', 'body: Free parking for residents', 'body: Free moorings for fishermen', 'body: The work starts in May.',
    ]);
    // A byline broken by an edit is still attribution, not a subheading.
    expect(segments('The council voted 5-2.\n\nBy reportedly Jo Park\n\nIt was final.')).toContain('body: By reportedly Jo Park');
  });
  it('keeps every line of a prize list as a claim, labels and values together', () => {
    expect(segments('Winners Named\n\nThe judges met in May to pick the winners.\n\nFirst Place: University of Alabama in Huntsville\n\nSecond Place: Ohio State University\n\nThird Place: Rice University\n\nThe prizes total $30,000.'))
      .toEqual(['headline: Winners Named', 'body: The judges met in May to pick the winners.', 'body: First Place: University of Alabama in Huntsville',
        'body: Second Place: Ohio State University', 'body: Third Place: Rice University', 'body: The prizes total $30,000.']);
  });
  it('takes a headline ending with an abbreviation’s period for a headline', () => {
    expect(segments('Traffic Deaths Fall Across N.Y.C.\n\nThe city recorded fewer deaths in 2024 than in any year since 1910.\n\nBy Jo Park\n\nMarch 3, 2025\n\nThe count fell to 202.'))
      .toEqual(['headline: Traffic Deaths Fall Across N.Y.C.', 'dek: The city recorded fewer deaths in 2024 than in any year since 1910.',
        'byline: By Jo Park', 'dateline: March 3, 2025', 'body: The count fell to 202.']);
  });
  it('never takes a first paragraph that ends in a quoted sentence for a headline; a question still is one', () => {
    expect(segments('The operator said demand was "unprecedented." It added: "We are hiring."\n\nThe route opened in 1962.'))
      .toEqual(['body: The operator said demand was "unprecedented."', 'body: It added: "We are hiring."', 'body: The route opened in 1962.']);
    expect(segments('Is the Ferry Worth $4.50?\n\nRiders paid $4.50 a crossing in 2025.'))
      .toEqual(['headline: Is the Ferry Worth $4.50?', 'body: Riders paid $4.50 a crossing in 2025.']);
  });
  it('sets aside a wire story’s sign-off as a credit', () => {
    expect(segments('PORT ELLEN, Scotland (Reuters) - Ridership rose 40 percent in January, the operator said.\n\nThe line carried 12,400 passengers.\n\n(Reporting by Jo Park; Editing by Sam Lee)'))
      .toEqual(['body: PORT ELLEN, Scotland (Reuters) - Ridership rose 40 percent in January, the operator said.', 'body: The line carried 12,400 passengers.', 'set aside (credit): (Reporting by Jo Park; Editing by Sam Lee)']);
  });
  it('sets aside a table of contents and a reference list under their headings', () => {
    const raw = [
      'Gull Island', 'Gull Island is an island in Casco Bay with 310 residents.', 'Contents', '1 History', '2 Ferry', '3 References',
      'History', 'The island was settled in 1790 by two families from Falmouth.', 'References',
      '^ Smith, J. (2001). Islands of Casco Bay. Portland: Bay Press. p. 14.', '^ "Ferry schedule". County of Cumberland. Retrieved 3 May 2024.',
    ].join('\n\n');
    expect(segments(raw)).toEqual([
      'headline: Gull Island', 'body: Gull Island is an island in Casco Bay with 310 residents.',
      'set aside (subheading): Contents', 'set aside (contents): 1 History', 'set aside (contents): 2 Ferry', 'set aside (contents): 3 References',
      'body: History', 'body: The island was settled in 1790 by two families from Falmouth.', 'set aside (subheading): References',
      'set aside (reference): ^ Smith, J. (2001). Islands of Casco Bay. Portland: Bay Press. p. 14.',
      'set aside (reference): ^ "Ferry schedule". County of Cumberland. Retrieved 3 May 2024.',
    ]);
  });
});

describe('transcripts', () => {
  it('sets aside "NAME:" labels and gives every claim of a turn its speaker', () => {
    const text = prepareText('JAKE TAPPER: Senator, thank you for joining us. Do you support the bill?\n\nSEN. MARIA LOPEZ: I do. We voted for it twice.\n\nJAKE TAPPER: Why?\n\nSEN. MARIA LOPEZ: Because it cuts costs by 12 percent.');
    const found = extractSegments(text);
    expect(partitionProblem(text, found)).toBeNull();
    expect(found.map((s) => (s.setAside ? `[${s.setAside}] ${s.text}` : `${s.speaker}: ${s.text}`))).toEqual([
      '[speaker-label] JAKE TAPPER:', 'JAKE TAPPER: Senator, thank you for joining us.', 'JAKE TAPPER: Do you support the bill?',
      '[speaker-label] SEN. MARIA LOPEZ:', 'SEN. MARIA LOPEZ: I do.', 'SEN. MARIA LOPEZ: We voted for it twice.',
      '[speaker-label] JAKE TAPPER:', 'JAKE TAPPER: Why?',
      '[speaker-label] SEN. MARIA LOPEZ:', 'SEN. MARIA LOPEZ: Because it cuts costs by 12 percent.',
    ]);
  });
  it('reads "Name (00:12)" on a line of its own, and lone time stamps, as set-aside labels', () => {
    const text = prepareText('Ana Ruiz (00:12)\nThank you all for coming. The plant opened in 1998.\n[00:30]\nBen Ode (00:31)\nIt employs 400 people.\nAna Ruiz (01:02):\nThat is down from 650.');
    const found = extractSegments(text);
    expect(partitionProblem(text, found)).toBeNull();
    expect(found.map((s) => (s.setAside ? `[${s.setAside}] ${s.text}` : `${s.speaker}: ${s.text}`))).toEqual([
      '[speaker-label] Ana Ruiz (00:12)', 'Ana Ruiz: Thank you all for coming.', 'Ana Ruiz: The plant opened in 1998.', '[timestamp] [00:30]',
      '[speaker-label] Ben Ode (00:31)', 'Ben Ode: It employs 400 people.', '[speaker-label] Ana Ruiz (01:02):', 'Ana Ruiz: That is down from 650.',
    ]);
  });
  it('takes no turn from lines the importer placed: a hinted dateline or set-aside link is not a speaker', () => {
    const text = 'Last Updated: January 7, 2025\n\nLearn More: Budget tools\n\nThe city spent $4 million.\n\nLearn More: Audit reports\n\nAudit: The audit found errors.';
    const at = (line: string) => ({ start: text.indexOf(line), end: text.indexOf(line) + line.length });
    const found = extractSegments(text, [
      { ...at('Last Updated: January 7, 2025'), section: 'dateline' },
      { ...at('Learn More: Budget tools'), section: 'body', setAside: 'furniture' },
      { ...at('Learn More: Audit reports'), section: 'body', setAside: 'furniture' },
    ]);
    expect(found.filter((s) => s.setAside === 'speaker-label')).toEqual([]);
    expect(found[0]).toMatchObject({ section: 'dateline', text: 'Last Updated: January 7, 2025' });
  });
  it('does not take a list of labels for a transcript when no speaker comes back', () => {
    const found = extractSegments(prepareText('Note: The vote is Tuesday.\n\nFirst Place: Rice University\n\nSecond Place: Ohio State\n\nThird Place: Alabama'));
    expect(found.filter((s) => s.setAside)).toEqual([]);
    expect(found.every((s) => s.speaker === undefined)).toBe(true);
  });
});
