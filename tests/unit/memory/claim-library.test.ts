// The claim memory in memory: search grouped by article with filters, phrases and
// prefixes; "seen before" across articles only; the index file's line format.
import { describe, expect, it } from 'vitest';
import { ClaimLibrary } from '../../../src/shared/memory/claim-library';
import { decodeArticle, encodeArticle, type MemoryArticle, type MemoryClaim } from '../../../src/shared/memory/memory-article';
import { SearchInput } from '../../../src/shared/memory/memory-contract';

function claim(id: string, text: string, more: Partial<MemoryClaim> = {}): MemoryClaim {
  return { id, text, status: 'unchecked', checker: '', checkedAt: '', note: '', correction: '', sources: [], ...more };
}

function article(id: string, claims: MemoryClaim[], more: Partial<MemoryArticle> = {}): MemoryArticle {
  return { id, stamp: '2026-01-01T00:00:00.000Z', title: `Title ${id}`, date: '2026-01-01', sources: [], claims, ...more };
}

const QUAKE = 'The earthquake on Tuesday killed at least 1,200 people in the northern province, officials said.';
const search = (library: ClaimLibrary, query: string, more: Record<string, unknown> = {}) => library.search(SearchInput.parse({ query, ...more }));

function library(): ClaimLibrary {
  const lib = new ClaimLibrary();
  lib.upsert(
    article('aaaaaaaa01', [
      claim('c1', QUAKE, { status: 'verified', checker: 'Ana Ruiz', checkedAt: '2026-01-05', note: 'Confirmed by the provincial coroner.', sources: [0] }),
      claim('c2', 'The seawall vote passed 5-2 on Wednesday night after a long debate.', { status: 'disputed', checker: 'Ben Okafor', checkedAt: '2026-02-01', note: 'It was 4-3.' }),
    ], { sources: [{ kind: 'document', title: 'Coroner report', url: 'https://example.org/coroner' }], date: '2026-01-03' }),
  );
  lib.upsert(
    article('bbbbbbbb02', [
      claim('d1', 'Officials said the earthquake killed at least 1,400 people in the northern province on Tuesday.'),
      claim('d2', 'The coroner has not published a final count of the dead from the earthquake.'),
    ], { date: '2026-03-10' }),
  );
  return lib;
}

describe('ClaimLibrary.search', () => {
  it('finds every word across claims, notes and sources, grouped by article, best first', () => {
    const answer = search(library(), 'coroner earthquake');
    expect(answer.matched).toBe('all');
    expect(answer.total).toBe(2);
    expect(answer.articles).toBe(2);
    const hits = answer.groups.flatMap((g) => g.hits.map((h) => [g.articleId, h.claimId, h.fields]));
    expect(hits).toContainEqual(['aaaaaaaa01', 'c1', ['claim', 'note', 'source']]);
    expect(hits).toContainEqual(['bbbbbbbb02', 'd2', ['claim']]);
    expect(answer.groups[0]!.title).toMatch(/^Title /);
  });

  it('filters by status, checker and date', () => {
    const lib = library();
    expect(search(lib, 'earthquake', { statuses: ['verified'] }).total).toBe(1);
    expect(search(lib, 'earthquake', { checker: 'ana ruiz' }).groups[0]!.hits[0]!.claimId).toBe('c1');
    expect(search(lib, 'earthquake', { from: '2026-03-01' }).groups.map((g) => g.articleId)).toEqual(['bbbbbbbb02']);
    expect(search(lib, 'earthquake', { from: '2026-01-04', dateOf: 'verdict' }).groups.map((g) => g.articleId)).toEqual(['aaaaaaaa01']);
  });

  it('reads the last word as a prefix while it is typed, and quoted phrases as phrases', () => {
    const lib = library();
    expect(search(lib, 'seaw').total).toBe(1);
    expect(search(lib, 'seaw ').total).toBe(0);
    expect(search(lib, '"northern province"').total).toBe(2);
    expect(search(lib, '"province northern"').total).toBe(0);
  });

  it('falls back to claims with some of the words, and says so', () => {
    const answer = search(library(), 'seawall coroner');
    expect(answer.matched).toBe('some');
    expect(answer.total).toBe(3);
    expect(search(library(), 'zeppelin').matched).toBe('none');
    expect(search(library(), 'the of').matched).toBe('none');
  });

  it('forgets a removed article and re-indexes a replaced one', () => {
    const lib = library();
    lib.remove('aaaaaaaa01');
    expect(search(lib, 'seawall').total).toBe(0);
    lib.upsert(article('bbbbbbbb02', [claim('d9', 'A seawall was never part of the plan for the harbor front.')]));
    expect(search(lib, 'earthquake').total).toBe(0);
    expect(search(lib, 'seawall').groups[0]!.hits[0]!.claimId).toBe('d9');
    expect(lib.claimCount).toBe(1);
  });
});

describe('ClaimLibrary.seenBefore', () => {
  it('lists checked claims of other articles, with verdict, sources and the changed figure', () => {
    const [match, ...rest] = library().seenBefore('bbbbbbbb02', 'The earthquake on Tuesday killed at least 1,400 people in the northern province, officials said.');
    expect(rest).toEqual([]);
    expect(match).toMatchObject({
      level: 'same',
      articleId: 'aaaaaaaa01',
      claimId: 'c1',
      number: 1,
      status: 'verified',
      checker: 'Ana Ruiz',
      note: 'Confirmed by the provincial coroner.',
      sources: [{ kind: 'document', title: 'Coroner report', url: 'https://example.org/coroner' }],
    });
    expect(match!.differences.map((d) => d.text)).toEqual(['checked as 1,200 people; this draft says 1,400']);
  });

  it('never lists the article’s own claims, unchecked ones unless asked, or short claims', () => {
    const lib = library();
    expect(lib.seenBefore('aaaaaaaa01', QUAKE)).toEqual([]);
    expect(lib.seenBefore('cccccccc03', 'Officials said the earthquake killed at least 1,400 people in the northern province on Tuesday.').map((m) => m.claimId)).toEqual(['c1']);
    expect(
      lib.seenBefore('aaaaaaaa01', 'Officials said the earthquake killed at least 1,400 people in the northern province on Tuesday.', { includeUnchecked: true })[0]!.claimId,
    ).toBe('d1');
    expect(lib.seenBefore('bbbbbbbb02', 'It was 1,200 people.')).toEqual([]);
  });
});

describe('an article line of the index file', () => {
  it('decodes to what was encoded, and a damaged line to null', () => {
    const a = article('aaaaaaaa01', [
      claim('c1', QUAKE, { status: 'sourced', checker: 'Ana', checkedAt: '2026-01-05', sources: [0, 1] }),
      claim('c2', 'Plain “quoted” text\nwith a line break.'),
    ], { sources: [{ kind: 'web', title: 'A', url: 'https://a.example' }, { kind: 'interview', title: 'B', url: '' }] });
    const line = encodeArticle(a);
    expect(line).not.toContain('\n');
    expect(decodeArticle(line)).toEqual(a);
    expect(decodeArticle(line.slice(0, -5))).toBeNull();
    expect(decodeArticle('["x"]')).toBeNull();
    expect(decodeArticle(line.replace('[0,1]', '[0,7]'))).toBeNull();
  });
});
