// The claim memory's screens, in the parts that decide what a checker sees: the order
// the arrows walk through search results, where the words were found, the excerpt of a
// long note, the count sentence, the keys (no clash with the desk's), and the address
// that opens a claim found by search.
import { describe, expect, it } from 'vitest';
import type { SearchAnswer, SearchHit } from '../../../src/shared/memory/memory-contract';
import { parseRoute, routeHash } from '../../../src/renderer/src/app/use-route';
import { REVIEW_KEYS, keyMap } from '../../../src/renderer/src/features/help/review-keys';
import { excerpt, matchedExcerpts, resultRows, resultsSentence, typedPrefix, whereFound } from '../../../src/renderer/src/features/memory/search-results';
import { memoryStatusText, stillReading } from '../../../src/renderer/src/features/memory/memory-status';

function hit(claimId: string, over: Partial<SearchHit> = {}): SearchHit {
  return { claimId, number: 1, text: 'The flood killed 1,200 people.', status: 'verified', checker: 'Ana', checkedAt: '2026-03-02', note: '', correction: '', sources: [], fields: ['claim'], score: 1, ...over };
}

const ANSWER: SearchAnswer = {
  terms: ['flood'],
  matched: 'all',
  total: 5,
  articles: 2,
  groups: [
    { articleId: 'a1', title: 'Valley floods', date: '2026-03-01', hits: [hit('c1'), hit('c2')] },
    { articleId: 'a2', title: 'Insurers', date: '2026-04-01', hits: [hit('c9')] },
  ],
};

describe('library search results', () => {
  it('walks article by article, best article first, each hit numbered in that order', () => {
    const rows = resultRows(ANSWER);
    expect(rows.map((r) => [r.index, r.group.articleId, r.hit.claimId])).toEqual([
      [0, 'a1', 'c1'],
      [1, 'a1', 'c2'],
      [2, 'a2', 'c9'],
    ]);
    expect(resultRows(null)).toEqual([]);
  });

  it('says where the words were found besides the claim', () => {
    expect(whereFound(['claim'])).toBe('');
    expect(whereFound(['note'])).toBe('found in the note');
    expect(whereFound(['claim', 'note', 'correction', 'source'])).toBe('found in the note, correction and sources');
  });

  it('cuts a long note around the first word found, at spaces, and keeps the marks on the words', () => {
    const note = `${'Background paragraph about the press office. '.repeat(6)}The casualty table on page 4 gives 1,200. ${'More words after it. '.repeat(8)}`;
    const cut = excerpt(note, ['casualty'], undefined, 120);
    expect(cut.text.startsWith('…')).toBe(true);
    expect(cut.text.endsWith('…')).toBe(true);
    expect(cut.text.length).toBeLessThanOrEqual(122);
    expect(cut.ranges).toHaveLength(1);
    expect(cut.text.slice(cut.ranges[0]!.start, cut.ranges[0]!.end)).toBe('casualty');
    expect(excerpt('A short note on the casualty table.', ['casualty'], undefined).text).toBe('A short note on the casualty table.');
  });

  it('shows an excerpt only for the fields the words were found in', () => {
    const h = hit('c1', { fields: ['claim', 'source'], note: 'Not about it.', sources: [{ kind: 'web', title: 'Agency flood report', url: 'https://example.org/r' }] });
    expect(matchedExcerpts(h, ['agency'], undefined).map((e) => [e.field, e.excerpt.text])).toEqual([['Sources', 'Agency flood report https://example.org/r']]);
  });

  it('marks the word still being typed, folded as the index folds it', () => {
    expect(typedPrefix('casualty tab')).toBe('tab');
    expect(typedPrefix('Café')).toBe('cafe');
    expect(typedPrefix('casualty ')).toBeUndefined();
    expect(typedPrefix('"casualty table"')).toBeUndefined();
  });

  it('counts in a sentence, and says when only some words matched or not all are shown', () => {
    expect(resultsSentence(ANSWER, 'flood')).toBe('5 claims in 2 articles (the best 3 shown).');
    expect(resultsSentence({ ...ANSWER, matched: 'some', total: 3 }, 'flood levee')).toBe('3 claims in 2 articles: none has every word, these have some.');
    expect(resultsSentence({ ...ANSWER, matched: 'none', total: 0, articles: 0, groups: [] }, 'zzz')).toBe('No claim, note, correction or source matches.');
    expect(resultsSentence(null, '  ')).toMatch(/^Type words/);
  });
});

describe('the claim memory’s state, in words', () => {
  it('asks again while the memory is read or built, and says how far it got', () => {
    const building = { state: 'building' as const, done: 40, total: 120, articles: 40, claims: 2400 };
    expect(stillReading(building)).toBe(true);
    expect(memoryStatusText(building)).toContain('40 of 120 articles read');
    const ready = { ...building, state: 'ready' as const, done: 0, total: 0 };
    expect(stillReading(ready)).toBe(false);
    expect(memoryStatusText(ready)).toBeNull();
    expect(memoryStatusText({ ...ready, state: 'failed', message: 'The claim memory could not be built: disk full' })).toContain('disk full');
  });
});

describe('the memory’s keys', () => {
  it('Shift+R (reuse an earlier check) and Ctrl/⌘+K (search) mean nothing else on the desk', () => {
    const desk = REVIEW_KEYS.filter((b) => b.scope === 'desk' || b.scope === 'claim').flatMap((b) => [...b.keys] as string[]);
    const memory = REVIEW_KEYS.filter((b) => b.scope === 'seen' || b.scope === 'app').flatMap((b) => [...b.keys] as string[]);
    expect(memory).toEqual(['R', 'Mod+k']);
    expect(memory.filter((k) => desk.includes(k))).toEqual([]);
    let reused = 0;
    keyMap('seen', { reuseEarlier: () => void reused++ }).R!('R');
    expect(reused).toBe(1);
  });
});

describe('the address of a claim found by search', () => {
  it('opens the article on that claim, and reads back the same', () => {
    const route = { view: 'article' as const, id: 'art_1', claim: 'c-9' };
    expect(routeHash(route)).toBe('#/article/art_1/claim/c-9');
    expect(parseRoute(routeHash(route))).toEqual(route);
    expect(parseRoute('#/article/art_1')).toEqual({ view: 'article', id: 'art_1' });
    expect(parseRoute('#/article/art_1/claim/')).toEqual({ view: 'library' });
  });
});
