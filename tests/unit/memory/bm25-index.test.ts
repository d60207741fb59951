// The BM25 index: ranking, "every word" and "any word", removal, prefixes.
import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../../src/shared/memory/bm25-index';

const all = () => true;
const groups = (...terms: string[]) => terms.map((t) => ({ terms: [t] }));

function indexOf(...docs: string[][]): Bm25Index {
  const index = new Bm25Index();
  for (const doc of docs) index.add(doc);
  return index;
}

describe('Bm25Index', () => {
  it('ranks a rare word above a common one and a shorter document above a longer one', () => {
    const index = indexOf(['seawall', 'vote'], ['vote', 'budget'], ['vote', 'seawall', 'harbor', 'town', 'council', 'night'], ['vote']);
    const { top, total } = index.match(groups('seawall', 'vote'), 'any', 10, all);
    expect(total).toBe(4);
    expect(top.map((t) => t.slot)).toEqual([0, 2, 3, 1]);
  });

  it('"all" keeps only documents with every word', () => {
    const index = indexOf(['a1', 'b1'], ['a1'], ['b1', 'a1', 'c1']);
    expect(index.match(groups('a1', 'b1'), 'all', 10, all).top.map((t) => t.slot).sort()).toEqual([0, 2]);
    expect(index.match(groups('a1', 'zz'), 'all', 10, all).total).toBe(0);
  });

  it('skips removed documents and filtered ones', () => {
    const index = indexOf(['x'], ['x'], ['x']);
    index.remove(1);
    expect(index.match(groups('x'), 'all', 10, all).top.map((t) => t.slot)).toEqual([0, 2]);
    expect(index.match(groups('x'), 'any', 10, (slot) => slot !== 0).top.map((t) => t.slot)).toEqual([2]);
    expect(index.deadShare()).toBeCloseTo(1 / 3);
  });

  it('expands a prefix to the indexed words, most frequent first', () => {
    const index = indexOf(['seawall'], ['seawall'], ['season'], ['sea']);
    expect(index.expand('sea', 10)).toEqual(['seawall', 'sea', 'season']);
    expect(index.match([{ terms: ['seaw', ...index.expand('seaw', 5)] }], 'all', 10, all).total).toBe(2);
  });

  it('keeps the best k', () => {
    const index = new Bm25Index();
    for (let i = 0; i < 1_000; i++) index.add(i % 10 === 0 ? ['rare', 'x'] : ['x']);
    const { top, total } = index.match(groups('rare', 'x'), 'any', 5, all);
    expect(total).toBe(1_000);
    expect(top).toHaveLength(5);
    expect(top.every((t) => t.slot % 10 === 0)).toBe(true);
  });
});
