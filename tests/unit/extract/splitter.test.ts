import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/shared/extract';
import { prepareText } from '../../../src/shared/extract/unwrap';
import { GOLDEN_RULES_PATH, loadCases, loadGoldenRules } from './metrics';

const split = (t: string): string[] => splitSentences(t).map((r) => t.slice(r.start, r.end));

/** The splitter's whitespace: spaces and tabs inside a line, and the newlines between lines. */
const isWhitespace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\n';

/**
 * Why the ranges of `text` are not a partition of its non-whitespace characters (in order,
 * non-overlapping, trimmed, within one line, and covering every such character exactly
 * once), or null when they are.
 */
function totalityProblem(text: string): string | null {
  let at = 0;
  for (const r of splitSentences(text)) {
    if (!(r.start >= at && r.end > r.start && r.end <= text.length)) return `range ${r.start}-${r.end} out of order after ${at}`;
    for (let i = at; i < r.start; i++) if (!isWhitespace(text[i]!)) return `character ${i} ${JSON.stringify(text[i])} is in no range`;
    if (isWhitespace(text[r.start]!) || isWhitespace(text[r.end - 1]!)) return `range ${r.start}-${r.end} is not trimmed`;
    if (text.slice(r.start, r.end).includes('\n')) return `range ${r.start}-${r.end} spans a newline`;
    at = r.end;
  }
  for (let i = at; i < text.length; i++) if (!isWhitespace(text[i]!)) return `character ${i} ${JSON.stringify(text[i])} is in no range`;
  return null;
}

/** mulberry32: small, fast, seedable, so a failure replays. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GOLDEN_RULES = loadGoldenRules();

describe('splitSentences', () => {
  it('returns trimmed ranges with exclusive ends', () => {
    const t = 'One here.  Two there.';
    expect(splitSentences(t)).toEqual([{ start: 0, end: 9 }, { start: 11, end: 21 }]);
  });
  it('ends a sentence at every newline', () => {
    expect(split('Gen. Ruiz said\nthe plan failed.')).toEqual(['Gen. Ruiz said', 'the plan failed.']);
  });
  it('starts a sentence at a name capitalised inside (iPhone, eBay, mRNA), but not after an abbreviation', () => {
    expect(split('Apple sold more phones. iPhone sales rose 5 percent.')).toEqual(['Apple sold more phones.', 'iPhone sales rose 5 percent.']);
    expect(split('The plant makes 40 tons a day. eBay listed it. Was it sold? mRNA makers bid.')).toEqual([
      'The plant makes 40 tons a day.',
      'eBay listed it.',
      'Was it sold?',
      'mRNA makers bid.',
    ]);
    expect(split('Devices, e.g. iPhone models, sold well. Phones (incl. iPhone models) did too.')).toEqual([
      'Devices, e.g. iPhone models, sold well.',
      'Phones (incl. iPhone models) did too.',
    ]);
    expect(split('Sales rose. the rest fell.')).toEqual(['Sales rose. the rest fell.']);
  });
  it('lets reference markers glued after a sentence end stay with it, without blocking the split', () => {
    expect(split('The bridge opened in 1998.[12] The city paid $4 million.[13][14] Traffic doubled.[a] Critics disagreed.[citation needed] It was rebuilt.')).toEqual([
      'The bridge opened in 1998.[12]',
      'The city paid $4 million.[13][14]',
      'Traffic doubled.[a]',
      'Critics disagreed.[citation needed]',
      'It was rebuilt.',
    ]);
    expect(split('The city[3] has 40 parks. It grew.[4]')).toEqual(['The city[3] has 40 parks.', 'It grew.[4]']);
  });
  it('keeps a month abbreviated in capitals with its day, as datelines set it', () => {
    expect(split('WASHINGTON, JAN. 13, 2017 — The Senate voted. SEPT. 4 was the deadline.')).toEqual([
      'WASHINGTON, JAN. 13, 2017 — The Senate voted.',
      'SEPT. 4 was the deadline.',
    ]);
  });
  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   \n\n ')).toEqual([]);
  });
  it('handles an unbalanced parenthesis without swallowing the rest of the line', () => {
    expect(split('The fee (unpaid rose. Then it fell.')).toEqual(['The fee (unpaid rose.', 'Then it fell.']);
  });
  it('is linear: a long paragraph of abbreviations and quotes segments quickly', () => {
    const para = 'Mr. A. B. Cole of the U.S. Army said "Why?" at 5 p.m. Then he left. '.repeat(20_000);
    const t0 = performance.now();
    const n = splitSentences(para).length;
    expect(n).toBe(40_000);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

describe('list markers', () => {
  it('keeps a numbered or lettered marker in its item, at the line start and inline', () => {
    expect(split('10. United States\n11. Canada')).toEqual(['10. United States', '11. Canada']);
    expect(split('1. The first item. 2. The second item.')).toEqual(['1. The first item.', '2. The second item.']);
    expect(split('(3) Fees rose.\na) Fees rose.\n1.) Fees rose.')).toEqual(['(3) Fees rose.', 'a) Fees rose.', '1.) Fees rose.']);
  });
  it('returns a bullet as a range of its own, right before its item', () => {
    const t = '• The city has 12 shelters.\n  - Each holds 200 people.';
    expect(splitSentences(t)).toEqual([{ start: 0, end: 1 }, { start: 2, end: 27 }, { start: 30, end: 31 }, { start: 32, end: 54 }]);
    expect(split('⁃9. The first item ⁃10. The second item')).toEqual(['⁃', '9. The first item', '⁃', '10. The second item']);
    expect(split('• 9. The first item • 10. The second item')).toEqual(['•', '9. The first item', '•', '10. The second item']);
  });
  it('keeps ornaments, minus signs and a lone glyph whole', () => {
    expect(split('* * *')).toEqual(['* * *']);
    expect(split('- - -')).toEqual(['- - -']);
    expect(split('-5 degrees was the low.')).toEqual(['-5 degrees was the low.']);
    expect(split('*Corrected on May 2.')).toEqual(['*Corrected on May 2.']);
    expect(split('•')).toEqual(['•']);
  });
  it('splits an inline list at each marker of a run counting up from 1 or a', () => {
    expect(split('1) The first item 2) The second item')).toEqual(['1) The first item', '2) The second item']);
    expect(split('a. The first item b. The second item c. The third item')).toEqual(['a. The first item', 'b. The second item', 'c. The third item']);
    expect(split('Steps: (1) Sign the form (2) Mail it')).toEqual(['Steps:', '(1) Sign the form', '(2) Mail it']);
    expect(split('It failed. 1. Costs rose 2. Staff left')).toEqual(['It failed.', '1. Costs rose', '2. Staff left']);
  });
  it('does not take numbers and initials in prose for list markers', () => {
    expect(split('He scored 2. The team lost.')).toEqual(['He scored 2.', 'The team lost.']);
    expect(split('Gen. A. Smith and Col. B. Jones met.')).toEqual(['Gen. A. Smith and Col. B. Jones met.']);
    expect(split('See Figure 1. Results vary by 2 points.')).toEqual(['See Figure 1.', 'Results vary by 2 points.']);
    expect(split('The vote (1) delays and (2) cuts service.')).toEqual(['The vote (1) delays and (2) cuts service.']);
    // Not counting from 1, not in order, not of one style.
    expect(split('It rose 2. Then 3. Then it fell.')).toEqual(['It rose 2.', 'Then 3.', 'Then it fell.']);
    expect(split('Steps: 1. Sign it 3. Mail it')).toEqual(['Steps: 1.', 'Sign it 3.', 'Mail it']);
    expect(split('Steps: 1. Sign it 2) Mail it')).toEqual(['Steps: 1.', 'Sign it 2) Mail it']);
  });
});

describe('other boundaries', () => {
  it('does not end a sentence that is only a time so far', () => {
    expect(split('At 5 a.m. Mr. Smith went to the bank. He left at 6 P.M. Mr. Smith then went home.')).toEqual([
      'At 5 a.m. Mr. Smith went to the bank.', 'He left at 6 P.M.', 'Mr. Smith then went home.',
    ]);
  });
  it('reads a lone I after a lower-case word as the pronoun', () => {
    expect(split('You and I. Did you see Albert I. Jones?')).toEqual(['You and I.', 'Did you see Albert I. Jones?']);
  });
  it('keeps a citation closed by the period with its sentence', () => {
    expect(split('"It was [...] over [...]" (Smith 55). Then it ended.')).toEqual(['"It was [...] over [...]" (Smith 55).', 'Then it ended.']);
  });
  it('reads spaced ellipses by the style guides\' convention', () => {
    expect(split('The thing is . . . I did not mean it.')).toEqual(['The thing is . . . I did not mean it.']);
    expect(split('It fell apart. . . . The rest was lost. . . .')).toEqual(['It fell apart.', '. . . The rest was lost. . . .']);
    expect(split('It ends with a period . . . . Next one.')).toEqual(['It ends with a period . . . .', 'Next one.']);
  });
  it('reads N°. before a number as an abbreviation', () => {
    expect(split('It is at N°. 1026.253.553. That is where.')).toEqual(['It is at N°. 1026.253.553.', 'That is where.']);
  });
});

describe('totality: the ranges partition the non-whitespace characters', () => {
  it('holds on every case of the suite', () => {
    for (const c of loadCases()) expect(totalityProblem(c.text), c.id).toBeNull();
  });
  it.skipIf(!GOLDEN_RULES)(`holds on the Golden Rules texts, raw and prepared${GOLDEN_RULES ? '' : `: ${GOLDEN_RULES_PATH} is not here`}`, () => {
    for (const r of GOLDEN_RULES!) {
      expect(totalityProblem(r.text), `#${r.id}`).toBeNull();
      expect(totalityProblem(prepareText(r.text)), `#${r.id} prepared`).toBeNull();
    }
  });
  it('holds on thousands of random strings from a tricky alphabet', () => {
    const atoms = [
      'a', 'Z', 'I', 'The', 'word', '7', '42', '.', '.', '…', '?', '!', '“', '”', '"', "'", '’', '(', ')', '[', ']',
      '•', '⁃', '-', '*', '·', '–', '1.', '2.', '1)', '2)', '(1)', '(2)', 'a)', 'b)', 'a.', 'b.', '1.)', '10.',
      'Mr.', 'U.S.', 'a.m.', 'At 5', 'N°.', '. . .', ':', ' ', ' ', ' ', ' ', '  ', '\t', '\n', '\n',
    ];
    const random = rng(20260214);
    for (let k = 0; k < 4_000; k++) {
      let s = '';
      const pieces = 1 + Math.floor(random() * 40);
      for (let i = 0; i < pieces; i++) s += atoms[Math.floor(random() * atoms.length)]!;
      expect(totalityProblem(s), JSON.stringify(s)).toBeNull();
    }
  });
});

describe('linear time on degenerate input', () => {
  const KB100 = 100 * 1024;
  const inputs: Array<[string, string]> = [
    ['100 KB of "."', '.'.repeat(KB100)],
    ['100 KB of "a " without a sentence end', 'a '.repeat(KB100 / 2)],
    ['100 KB of "1. " markers', '1. '.repeat(Math.ceil(KB100 / 3))],
    ['100 KB of spaced dots ". "', '. '.repeat(KB100 / 2)],
    ['100 KB of an inline list counting up', Array.from({ length: 12_000 }, (_, i) => `${(i % 999) + 1}. Item`).join(' ').slice(0, KB100)],
  ];
  it.each(inputs)('%s segments in well under a second', (_name, text) => {
    const t0 = performance.now();
    const ranges = splitSentences(text);
    const ms = performance.now() - t0;
    console.log(`[linear] ${_name}: ${ranges.length} ranges in ${ms.toFixed(1)} ms`);
    expect(totalityProblem(text)).toBeNull();
    expect(ms).toBeLessThan(2_000); // generous: CI is a busy 2-core machine
  });
});

