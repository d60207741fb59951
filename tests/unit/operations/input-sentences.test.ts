// A refused input is one sentence a checker can act on, naming the field: zod's own
// wording for an empty or over-long text is said plainly, a schema's own words are kept.
import { describe, expect, it } from 'vitest';
import { checkerBackend } from '../support/checker-backend';

const ana = checkerBackend('factdesk-input-');

async function refusal(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the call was not refused');
}

describe('a refused input', () => {
  it('says a text is empty or too long in plain words', async () => {
    const { article } = await ana.backend.api['articles:create']({ text: 'The bridge opened in 1932.', meta: {} });
    expect(await refusal(() => ana.backend.api['articles:rename']({ id: article.id, title: '   ' }))).toBe('Operation articles:rename: field “title”: empty.');
    expect(await refusal(() => ana.backend.api['articles:rename']({ id: article.id, title: 'x'.repeat(1_001) }))).toBe(
      'Operation articles:rename: field “title”: longer than 1,000 characters.',
    );
  });

  it('keeps a schema’s own words for its field', async () => {
    const { article } = await ana.backend.api['articles:create']({ text: 'The bridge opened in 1932.', meta: {} });
    expect(await refusal(() => ana.backend.api['desk:assign']({ articleId: article.id, to: ' ' }))).toBe('Operation desk:assign: field “to”: say who it goes to.');
  });
});
