// The claim memory's one tokenizer: the index, the query and the similarity read
// words the same way.
import { describe, expect, it } from 'vitest';
import { FIGURE, allTerms, indexTerms, rawWords, wordCount, wordingTerms } from '../../../src/shared/memory/tokens';

describe('tokens', () => {
  it('keeps numbers, decimals, names and addresses whole', () => {
    expect(rawWords('It cost $4.2 billion; 1,200 died. O’Neill’s co-op at example.org.')).toEqual([
      'It', 'cost', '4.2', 'billion', '1,200', 'died', 'O’Neill’s', 'co-op', 'at', 'example.org',
    ]);
  });

  it('folds case, accents, thousands separators, possessives and plurals', () => {
    expect(allTerms('Café Residents’ 1,200 votes Council’s cities')).toEqual(['cafe', 'resident', '1200', 'vote', 'council', 'city']);
    expect(indexTerms('The 1,200 residents of the city')).toEqual(['1200', 'resident', 'city']);
  });

  it('drops stop words from the index but not numbers', () => {
    expect(indexTerms('It was in the year 2000 that it was')).toEqual(['year', '2000']);
  });

  it('reads every figure and month as one placeholder when comparing wordings', () => {
    expect(wordingTerms('On March 3, 1994, 852 people died')).toEqual([FIGURE, FIGURE, FIGURE, FIGURE, 'people', 'died']);
  });

  it('counts words', () => {
    expect(wordCount('The vote was 4-3.')).toBe(4);
    expect(wordCount('')).toBe(0);
    expect(wordCount('Zürich’s Straße — 日本')).toBe(3);
  });
});
