// A JSON export is a colleague's whole article, history included, so what it says
// must hold against its own text before anything is written: each claim and
// set-aside segment quotes the article at its offsets, spans lie inside their claim,
// claims and set-aside text account for every word, cited sources exist, and no
// date is in the future. A forged or damaged export is refused in one sentence
// naming the file and the first problem; a genuine one (after every kind of edit,
// or from an older Factdesk) imports as it is.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOCK_SKEW_MS } from '../../../src/backend/import/from-json';
import { partitionProblem } from '../../../src/shared/extract';
import { createArticle, exportOf, importInput, openDesk, refusal, snapshot, type Desk } from './support';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TEXT = [
  'Harbor Town Votes to Raise Its Seawall',
  'By Nadia Ferreira',
  'The council voted 5-2 on Wednesday night. The $38 million plan calls for a concrete cap along 1.2 miles of shoreline. "We are doing it for whoever is still here in 2080," said Mayor Celia Brandt.',
  'Photo: Ana Ruiz/The Ledger',
  'Construction begins in May. The old wall was built in 1931 and is 4 feet tall.',
].join('\n\n');

let from: Desk;
let to: Desk;
let genuine: Json;

beforeEach(async () => {
  from = await openDesk();
  to = await openDesk(undefined, from.clock);
  genuine = await checkedArticleExport(from);
});

afterEach(async () => {
  await Promise.all([from, to].map((d) => rm(d.root, { recursive: true, force: true })));
});

/** An article that went through everything a checker does: verdicts with sources, split, merge, set aside, promote, a revision with an orphan. */
async function checkedArticleExport(desk: Desk): Promise<Json> {
  const api = desk.backend.api;
  const tick = () => (desk.clock.now = new Date(desk.clock.now.getTime() + 60_000));
  let article = await createArticle(desk, TEXT, 'Seawall');
  const byText = (words: string) => article.claims.find((c) => c.text.includes(words))!;
  const { source } = await api['sources:add']({ articleId: article.id, source: { url: 'https://example.org/minutes', title: 'Council minutes' } });
  tick();
  await api['claims:mark']({ articleId: article.id, claimId: byText('voted 5-2').id, patch: { status: 'verified', sourceIds: [source.id] } });
  tick();
  await api['claims:mark']({
    articleId: article.id,
    claimId: byText('4 feet').id,
    patch: { status: 'disputed', note: 'It is 5 feet.' },
    newSource: { url: 'https://example.org/survey' },
  });
  article = (await api['articles:get']({ id: article.id })).article;
  tick();
  const plan = byText('$38 million');
  article = (await api['claims:split']({ articleId: article.id, claimId: plan.id, at: plan.text.indexOf(' calls') + plan.start })).article;
  tick();
  const first = article.claims.findIndex((c) => c.text.includes('$38 million'));
  article = (await api['claims:merge']({ articleId: article.id, claimId: article.claims[first]!.id, nextClaimId: article.claims[first + 1]!.id })).article;
  tick();
  const byline = byText('By Nadia').id;
  article = (await api['claims:setAside']({ articleId: article.id, claimId: byline })).article;
  tick();
  article = (await api['claims:promote']({ articleId: article.id, segmentId: byline })).article;
  tick();
  await api['articles:revise']({ id: article.id, text: TEXT.replace(' The old wall was built in 1931 and is 4 feet tall.', ' Work ends in 2027.') });
  const exported: Json = await exportOf(desk, article.id);
  expect(exported.article.orphans.length).toBeGreaterThan(0);
  expect(exported.article.sources).toHaveLength(2);
  return exported;
}

function forged(change: (article: Json) => void): Json {
  const copy = structuredClone(genuine);
  change(copy.article);
  return copy;
}

async function expectRefused(document: Json, fileName = 'forged.json'): Promise<string> {
  const before = await snapshot(to.dataDir);
  const message = refusal(await to.backend.invoke('articles:import', importInput(fileName, document)));
  expect(message.startsWith(`“${fileName}” cannot be imported: `), message).toBe(true);
  refusal(await to.backend.invoke('articles:inspect', importInput(fileName, document)));
  await to.backend.store.flush();
  expect(await snapshot(to.dataDir)).toEqual(before);
  expect((await to.backend.api['library:list']({})).articles).toEqual([]);
  return message;
}

describe('a genuine export', () => {
  it('imports after every kind of edit, equal to what was exported, and partitions its text', async () => {
    const { article } = await to.backend.api['articles:import'](importInput('seawall.json', genuine));
    expect(article).toEqual(genuine.article);
    expect(partitionProblem(article.text, [...article.claims, ...article.setAside])).toBeNull();
  });

  it('from an older Factdesk (schema 1) is migrated first, then checked, and imports', async () => {
    const old = await readFile(join(import.meta.dirname, '../../fixtures/schema/v1/export.json'), 'utf8');
    const { article } = await to.backend.api['articles:import'](importInput('old.json', old));
    expect(article.setAside).toBeDefined();
    expect(partitionProblem(article.text, [...article.claims, ...article.setAside])).toBeNull();
  });

  it('from a colleague whose clock runs a little ahead imports; further ahead it is refused', async () => {
    const ahead = (ms: number) =>
      forged((a) => {
        a.claims[0].history.push({ at: new Date(to.clock.now.getTime() + ms).toISOString(), by: 'Ben', kind: 'verdict', changes: [] });
      });
    await expectRefused(ahead(CLOCK_SKEW_MS + 60_000));
    const { article } = await to.backend.api['articles:import'](importInput('ahead.json', ahead(CLOCK_SKEW_MS - 60_000)));
    expect(article.claims[0]!.history.at(-1)!.by).toBe('Ben');
  });
});

describe('a forged export is refused in one sentence naming the file and the first problem, and nothing is written', () => {
  it('a claim whose text is not the article’s text at its offsets', async () => {
    const index = genuine.article.claims.findIndex((c: Json) => c.text.includes('voted 5-2'));
    const message = await expectRefused(
      forged((a) => {
        a.claims[index].text = a.claims[index].text.replace('5-2', '7-0');
      }),
    );
    expect(message).toBe(`“forged.json” cannot be imported: claim ${index + 1}’s text does not match the article at its offsets.`);
  });

  it('an article text edited under its claims', async () => {
    const message = await expectRefused(
      forged((a) => {
        a.text = a.text.replace('Construction begins in May', 'Construction begins in JUN');
      }),
    );
    expect(message).toMatch(/claim \d+’s text does not match the article at its offsets\.$/);
  });

  it('a set-aside segment whose text is not the article’s', async () => {
    expect(genuine.article.setAside.length).toBeGreaterThan(0);
    const message = await expectRefused(
      forged((a) => {
        a.setAside[0].text = `X${a.setAside[0].text.slice(1)}`;
      }),
    );
    expect(message).toMatch(/set-aside segment 1’s text does not match the article at its offsets\.$/);
  });

  it('a span outside its claim, or past the end of the text', async () => {
    const index = genuine.article.claims.findIndex((c: Json) => c.spans.length > 0);
    const outside = await expectRefused(
      forged((a) => {
        const claim = a.claims[index];
        claim.spans.push({ start: claim.end + 1, end: claim.end + 4, kind: 'number', text: a.text.slice(claim.end + 1, claim.end + 4) });
      }),
    );
    expect(outside).toMatch(new RegExp(`claim ${index + 1} has a number at offsets \\d+–\\d+, outside the claim\\.$`));
    await expectRefused(
      forged((a) => {
        a.claims[index].spans[0].start = 10_000_000;
        a.claims[index].spans[0].end = 10_000_004;
      }),
    );
  });

  it('a span whose words are not the article’s', async () => {
    const index = genuine.article.claims.findIndex((c: Json) => c.spans.length > 0);
    const message = await expectRefused(
      forged((a) => {
        a.claims[index].spans[0].text = '999';
      }),
    );
    expect(message).toMatch(/“999” in claim \d+ does not match the article at its offsets\.$/);
  });

  it('claims that leave words of the article in no claim or set-aside segment', async () => {
    const message = await expectRefused(
      forged((a) => {
        a.claims.pop();
      }),
    );
    expect(message).toMatch(/its claims and set-aside text do not account for every word of the article \(.* is in no segment\)\.$/);
  });

  it('two claims over the same words', async () => {
    const message = await expectRefused(
      forged((a) => {
        a.claims.push({ ...a.claims[2], id: 'forgedcopy01' });
      }),
    );
    expect(message).toMatch(/segments overlap at \d+\)\.$/);
  });

  it('history, verdicts, revisions or sources dated in the future', async () => {
    const future = '2999-01-01T00:00:00.000Z';
    const history = await expectRefused(
      forged((a) => {
        a.claims[1].history.push({ at: future, by: 'Mallory', kind: 'verdict', changes: [{ field: 'status', from: 'unchecked', to: 'verified' }] });
      }),
    );
    expect(history).toMatch(/entry \d+ of claim 2’s history is dated 2999-01-01T00:00:00\.000Z, in the future\.$/);
    await expectRefused(forged((a) => void (a.claims[0].verdict.updatedAt = future)));
    await expectRefused(forged((a) => void (a.revisions[0].createdAt = future)));
    await expectRefused(forged((a) => void (a.sources[0].createdAt = future)));
    await expectRefused(forged((a) => void (a.orphans[0].history.push({ at: future, by: 'Mallory', kind: 'verdict', changes: [] }))));
    await expectRefused(forged((a) => void (a.updatedAt = future)));
  });

  it('a source cited by a set-aside segment or an orphan that is not in the source list', async () => {
    const aside = await expectRefused(forged((a) => void (a.setAside[0].verdict.sourceIds = ['ghostsource1'])));
    expect(aside).toMatch(/set-aside segment 1 cites source “ghostsource1”, which is not in the file’s source list\.$/);
    const orphan = await expectRefused(forged((a) => void (a.orphans[0].verdict.sourceIds = ['ghostsource2'])));
    expect(orphan).toMatch(/orphaned claim 1 cites source “ghostsource2”/);
  });

  it('an id used twice across claims, set-aside text and orphans', async () => {
    const message = await expectRefused(forged((a) => void (a.orphans[0].id = a.claims[0].id)));
    expect(message).toMatch(/orphaned claim 1 repeats the id/);
  });
});
