// The same text brought in twice is not a silent second row: creating (a paste)
// and importing (a file) refuse text the library already has, in one sentence
// naming the article and when it was added, until the checker chooses a copy;
// inspecting says which article it repeats, so the form can offer to open it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { addedOn } from '../../../src/backend/handlers/articles';
import { Store } from '../../../src/backend/store/store';
import { renderArticleJson } from '../../../src/shared/report/json';

const LINES = [
  'Harbor Town Votes to Raise Its Seawall',
  'By Nadia Ferreira',
  'PELHAM POINT, Maine — The town council voted 5-2 on Wednesday night to raise the harbor seawall by four feet.',
  'The $38 million plan calls for a concrete cap along 1.2 miles of shoreline.',
  'Storm surges topped the existing wall three times in the past decade, according to the harbor master.',
  'The state will cover 60 percent of the cost through a federal grant, officials said.',
  '"We are not doing this for us," said Mayor Celia Brandt. "We are doing it for whoever is still here in 2080."',
  'Construction is expected to begin in the spring and to last two years.',
  'Two council members said the town should have waited for a second engineering study.',
  'The harbor master said the old wall was built in 1962 and last repaired in 1998.',
  'Residents will vote on a bond measure for the town’s share in November.',
  'The grant was announced by the governor’s office in January.',
  'Fishermen said the work would close the north pier for at least one season.',
  'The council will hold a public hearing on the construction schedule on May 4.',
  'A second phase, not yet funded, would extend the cap to the marina.',
  'The engineering firm said the new wall should hold back a 100-year storm.',
  'Insurance rates for waterfront homes rose 18 percent last year.',
  'The town’s population has fallen by a tenth since 2010.',
  'The mayor said she would not seek a third term.',
  'The council meets again on Tuesday.',
  'Nadia Ferreira covers coastal towns for the Ledger.',
];
const TEXT = LINES.join('\n');
const T0 = '2026-03-02T10:30:00.000Z';

let dir: string;
let backend: Backend;
let clock: Date;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'factdesk-duplicates-'));
  clock = new Date(T0);
  backend = createBackend(await Store.open(dir), () => clock);
});

afterEach(async () => {
  await backend.store.flush();
  await rm(dir, { recursive: true, force: true });
});

const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const count = async () => (await backend.api['library:list']({})).articles.length;

describe('a paste of text the library already has', () => {
  it('is refused in one sentence naming the article, then added as a copy when the checker says so', async () => {
    const first = (await backend.api['articles:create']({ text: TEXT })).article;
    later(5);
    const again = await backend.invoke('articles:create', { text: `\n  ${TEXT}  \n` });
    expect(again).toEqual({
      ok: false,
      error: { code: 'conflict', message: `This looks like “Harbor Town Votes to Raise Its Seawall”, added on ${addedOn(T0)}; open it instead, or add a copy.` },
    });
    expect(await count()).toBe(1);

    // Inspecting the pasted text says which article it is, for the form's “Open” button.
    const inspected = await backend.api['articles:inspect']({ text: TEXT });
    expect(inspected.duplicateOf).toEqual({ id: first.id, title: first.title, createdAt: T0, sameText: true });
    expect(inspected.claimCount).toBe(first.claims.length);

    const copy = (await backend.api['articles:create']({ text: TEXT, allowDuplicate: true })).article;
    expect(copy.id).not.toBe(first.id);
    expect(await count()).toBe(2);
    // A third time, it still names the first one, the original.
    later(5);
    expect((await backend.api['articles:inspect']({ text: TEXT })).duplicateOf?.id).toBe(first.id);
  });

  it('is found whatever title the checker gives it, and after the article was revised', async () => {
    const first = (await backend.api['articles:create']({ text: TEXT, meta: { title: 'Seawall vote' } })).article;
    expect((await backend.invoke('articles:create', { text: TEXT, meta: { title: 'Something else' } })).ok).toBe(false);
    await backend.api['articles:revise']({ id: first.id, text: TEXT.replace('5-2', '4-3'), checker: 'Ana Ruiz' });
    // The original draft is one of the article's revisions: still the same text.
    expect((await backend.api['articles:inspect']({ text: TEXT })).duplicateOf).toMatchObject({ id: first.id, sameText: true });
  });

  it('counts nearly the same text (a line more) as the same, and an excerpt or a different article as new', async () => {
    const first = (await backend.api['articles:create']({ text: TEXT })).article;
    const withKicker = `COASTAL TOWNS\n${TEXT}`;
    expect((await backend.api['articles:inspect']({ text: withKicker })).duplicateOf).toMatchObject({ id: first.id, sameText: false });
    expect((await backend.invoke('articles:create', { text: withKicker })).ok).toBe(false);

    const excerpt = LINES.slice(0, 12).join('\n');
    expect((await backend.api['articles:inspect']({ text: excerpt })).duplicateOf).toBeUndefined();
    // Two sentences in twenty rewritten: a different draft (a revision's job), not the same article.
    const rewritten = TEXT.replace('voted 5-2 on Wednesday night', 'voted 4-3 on Tuesday').replace('rose 18 percent', 'fell 2 percent').replace('on May 4', 'in June');
    expect((await backend.api['articles:inspect']({ text: rewritten })).duplicateOf).toBeUndefined();
    expect((await backend.api['articles:create']({ text: rewritten })).article.id).not.toBe(first.id);
    expect(await count()).toBe(2);
  });
});

describe('a file whose text the library already has', () => {
  it('is named by inspect, refused by import, and imported as a copy on request', async () => {
    const first = (await backend.api['articles:create']({ text: TEXT })).article;
    const file = { fileName: 'seawall.txt', data: base64(TEXT) };
    expect((await backend.api['articles:inspect'](file)).duplicateOf).toEqual({ id: first.id, title: first.title, createdAt: T0, sameText: true });

    const refused = await backend.invoke('articles:import', file);
    expect(refused.ok ? '' : refused.error).toEqual({
      code: 'conflict',
      message: `This looks like “Harbor Town Votes to Raise Its Seawall”, added on ${addedOn(T0)}; open it instead, or add a copy.`,
    });
    const replace = await backend.invoke('articles:import', { ...file, onConflict: 'replace' });
    expect(replace.ok ? '' : replace.error.message).toBe(
      '“seawall.txt” is not a Factdesk export, so it cannot replace “Harbor Town Votes to Raise Its Seawall”: open that article and use New revision… for a new draft, or import this file as a copy.',
    );
    expect(await count()).toBe(1);

    const copy = (await backend.api['articles:import']({ ...file, onConflict: 'copy' })).article;
    expect(copy.text).toBe(first.text);
    expect(await count()).toBe(2);
  });

  it('leaves a Factdesk export to its own rule (the same article is kept as it is)', async () => {
    const first = (await backend.api['articles:create']({ text: TEXT })).article;
    const file = { fileName: 'seawall.factdesk.json', data: base64(renderArticleJson(first)) };
    expect((await backend.api['articles:inspect'](file)).duplicateOf).toBeUndefined();
    expect((await backend.api['articles:import'](file)).article.id).toBe(first.id);
    expect(await count()).toBe(1);
  });

  it('refuses an inspect with both a file and text, or neither', async () => {
    expect((await backend.invoke('articles:inspect', { text: TEXT, fileName: 'a.txt', data: base64(TEXT) })).ok).toBe(false);
    expect((await backend.invoke('articles:inspect', {})).ok).toBe(false);
    expect((await backend.invoke('articles:inspect', { data: base64(TEXT) })).ok).toBe(false);
    const empty = await backend.invoke('articles:inspect', { text: '  \n ' });
    expect(empty.ok ? '' : empty.error.message).toBe('The article is empty: paste or import some text first.');
  });
});

describe('in a large library', () => {
  it('finds the copy among hundreds of articles of the same length, reading a bounded few', async () => {
    // 520 different articles with as many claims as TEXT (more than the 500 read for one check), then TEXT itself, renamed.
    for (let i = 0; i < 520; i++) {
      const other = LINES.map((line, n) => (n === 0 ? `Story ${i}` : `${line.replace(/\d+/g, String(i + n))}`)).join('\n');
      await backend.api['articles:create']({ text: other, allowDuplicate: true });
      later(1);
    }
    const first = (await backend.api['articles:create']({ text: TEXT, meta: { title: 'Renamed by the checker' } })).article;
    later(1);
    const started = performance.now();
    const found = (await backend.api['articles:inspect']({ text: TEXT })).duplicateOf;
    const took = performance.now() - started;
    expect(found?.id).toBe(first.id);
    expect(took).toBeLessThan(2_000);
  }, 120_000);
});
