// Copy as checkers receive it, in fixtures written for the project (tests/fixtures/extract):
// a hard-wrapped wire story, a transcript, a list-heavy explainer. Every word lands in a
// claim or in a visible set-aside segment; line breaks inside sentences split nothing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractSegments, partitionProblem, prepareText, type Segment } from '../../../src/shared/extract';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/extract/${name}`, import.meta.url)), 'utf8');

function segmentsOf(raw: string): { text: string; segments: Segment[] } {
  const text = prepareText(raw);
  const segments = extractSegments(text);
  expect(partitionProblem(text, segments)).toBeNull();
  return { text, segments };
}
const claimTexts = (segments: Segment[]) => segments.filter((s) => !s.setAside).map((s) => s.text);

describe('a hard-wrapped wire story', () => {
  const raw = fixture('wire-story.txt');
  // The same story as one line per paragraph: what an editor's system would have sent.
  const unwrapped = raw
    .split(/\n\n/)
    .map((p) => p.replace(/-\n(?=media@|haven-)/g, '-').replace(/\n/g, p.startsWith('By ') ? '\n' : ' '))
    .join('\n\n');

  it('gives the same claims as the story unwrapped by hand: no sentence is cut at a line end', () => {
    const wrapped = claimTexts(segmentsOf(raw).segments);
    expect(wrapped).toEqual(claimTexts(segmentsOf(unwrapped).segments));
    expect(wrapped.length).toBe(17);
    for (const claim of wrapped) expect(claim).not.toContain('\n');
  });

  it('joins a word only where a line end broke it: e-mail, URL and compound hyphens stay', () => {
    const { text } = segmentsOf(raw);
    expect(text).toContain('hq-media@portauthority.example');
    expect(text).toContain('https://portauthority.example/fair-haven-expansion');
    expect(text).toContain('the well-known bottleneck');
    expect(text).toContain('deep-water berths');
    expect(prepareText('The infor-\nmation was wrong, the govern-\nment said. The information came late.')).toBe(
      'The information was wrong, the government said. The information came late.',
    );
  });

  it('keeps short lines of a header on their own, and a blank, indented or list line starts anew', () => {
    expect(prepareText('Storm Closes Schools\nBy Jo Park\n\nThe district closed 40 schools on\nMonday.')).toBe(
      'Storm Closes Schools\nBy Jo Park\n\nThe district closed 40 schools on Monday.',
    );
    expect(prepareText('The board listed three reasons for the\nvote:\n1. costs rose\n2. ridership fell\n  The chair disagreed.')).toBe(
      'The board listed three reasons for the vote:\n1. costs rose\n2. ridership fell\n  The chair disagreed.',
    );
  });

  it('a press release wrapped at 72 columns splits like the unwrapped release', () => {
    const paragraphs = [
      'The Harbor Commission today announced that its board of directors has approved a quarterly dividend of $0.42 per share, payable on March 15 to holders of record at the close of business on March 1. The board also approved a buyback of up to $50 million of its shares over the next 18 months.',
      '"Our cargo volumes grew 12 percent last year, and we expect that growth to continue," said Chief Executive Dana Ruiz. "Returning capital to shareholders reflects our confidence in the Fairhaven terminal and in the 1,200 people who run it every day."',
      'The commission, founded in 1962, operates four terminals in three states and reported revenue of $1.9 billion in fiscal 2024, up from $1.6 billion a year earlier. Its shares trade on the regional exchange under the symbol HRBC.',
    ];
    const wrap = (p: string) => p.split(' ').reduce<string[]>((lines, word) => {
      const last = lines.at(-1);
      if (last !== undefined && last.length + 1 + word.length <= 72) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
      return lines;
    }, []).join('\n');
    const wrapped = ['FOR IMMEDIATE RELEASE', ...paragraphs.map(wrap)].join('\n\n');
    const flat = ['FOR IMMEDIATE RELEASE', ...paragraphs].join('\n\n');
    expect(claimTexts(segmentsOf(wrapped).segments)).toEqual(claimTexts(segmentsOf(flat).segments));
    expect(claimTexts(segmentsOf(flat).segments)).toHaveLength(7);
  });
});

describe('a transcript', () => {
  it('sets aside speaker labels and time stamps, and attributes every claim to its speaker', () => {
    const { segments } = segmentsOf(fixture('transcript.txt'));
    expect(segments[0]).toMatchObject({ section: 'headline', text: 'Morning Briefing: Interview on the Water Budget' });
    const labels = segments.filter((s) => s.setAside === 'speaker-label').map((s) => s.text);
    expect(labels).toEqual(['HOST:', 'AMELIA ROTH:', 'HOST:', 'AMELIA ROTH:', 'HOST:', 'AMELIA ROTH:', 'HOST:', 'AMELIA ROTH:']);
    expect(segments.filter((s) => s.setAside === 'timestamp').map((s) => s.text)).toEqual(['[00:14:32]']);
    const claim = (start: string) => segments.find((s) => !s.setAside && s.text.startsWith(start))!;
    expect(claim('That figure comes from a 2019 audit.').speaker).toBe('AMELIA ROTH');
    expect(claim('Critics say the state lost').speaker).toBe('HOST');
    expect(claim('Yes.').speaker).toBe('AMELIA ROTH');
    // The turns after the title are all attributed; the title and its dateline are not.
    const afterHeader = segments.slice(segments.findIndex((s) => s.setAside === 'speaker-label'));
    expect(afterHeader.filter((s) => !s.setAside && s.speaker === undefined)).toEqual([]);
    expect(segments.slice(0, 2).every((s) => s.speaker === undefined)).toBe(true);
  });
});

describe('a list-heavy explainer', () => {
  const { segments } = segmentsOf(fixture('explainer-lists.txt'));
  const claims = claimTexts(segments);

  it('keeps each list item’s number in its claim: the rank is what gets checked', () => {
    expect(claims).toEqual(expect.arrayContaining([
      '1. Rent increases are capped at 5 percent a year.',
      '5. Cities must allow duplexes on any residential lot.',
      '8. Lorne County',
      '10. Hartwell County',
    ]));
  });

  it('sets bullets aside as list markers and keeps the items as claims', () => {
    expect(segments.filter((s) => s.setAside === 'list-marker').map((s) => s.text)).toEqual(['•', '•', '•']);
    expect(claims).toContain('Two mayors say the duplex rule overrides local zoning.');
  });

  it('splits an inline numbered list at its markers', () => {
    expect(claims).toEqual(expect.arrayContaining([
      '(1) cities file housing plans by June 30;',
      '(2) the state publishes a model ordinance by Sept. 1;',
      '(3) the first grants go out in January.',
    ]));
  });

  it('never drops a short line: labels with values, headings and a lone "Yes." are all there', () => {
    expect(claims).toEqual(expect.arrayContaining([
      'First Place: Hartwell Tenants Union', 'Second Place: Riverside Housing Trust', 'Third Place: Cedar Grove Land Bank', 'Yes.',
    ]));
    expect(segments.find((s) => s.text === 'Who qualifies')).toMatchObject({ section: 'subheading' });
    expect(segments.find((s) => s.text === 'Who qualifies')!.setAside).toBeUndefined();
  });
});
