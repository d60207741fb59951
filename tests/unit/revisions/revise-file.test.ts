// A new revision given as a file: read by the same importers as an import, then
// re-anchored like pasted text. A file that is not a draft is refused in one
// sentence naming it, and the data folder stays byte for byte as it was.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { Store } from '../../../src/backend/store/store';
import type { Article } from '../../../src/shared/model';
import { makeScannedPdf } from '../import/make-files';
import { expectOneSentenceNaming } from '../import/one-sentence';
import { FIXTURES } from './fixture';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
let dir: string;
let backend: Backend;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'factdesk-revise-file-'));
  backend = createBackend(await Store.open(dir), () => new Date('2026-03-02T10:00:00Z'));
  await backend.api['preferences:set']({ preferences: { checker: 'Ana' } });
});
afterEach(async () => {
  await backend.store.flush();
  await rm(dir, { recursive: true, force: true });
});

/** The water-rates article with its audit claim (“1,200 miles”) verified. */
async function checkedArticle(): Promise<Article> {
  const base = await readFile(join(FIXTURES, 'base.txt'), 'utf8');
  const { article } = await backend.api['articles:create']({ text: base, meta: { title: 'Water rates' }, allowDuplicate: true });
  const audit = article.claims.find((c) => c.text.includes('1,200 miles'))!;
  await backend.api['claims:mark']({ articleId: article.id, claimId: audit.id, patch: { status: 'verified', note: 'Checked against the audit.' } });
  return (await backend.api['articles:get']({ id: article.id })).article;
}

/** The edited draft as a Word document: the headline a heading, every other line a paragraph. */
async function draftDocx(text: string): Promise<Buffer> {
  const lines = text.trim().split('\n');
  const children = lines.map((line, i) => (i === 0 ? new Paragraph({ text: line, heading: HeadingLevel.HEADING_1 }) : new Paragraph(line)));
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** Every file in the data folder, by path, as base64. */
async function snapshot(): Promise<Record<string, string>> {
  await backend.store.flush();
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name)] = await readFile(join(entry.parentPath, entry.name), 'base64');
  }
  return out;
}

describe('articles:revise with a file', () => {
  it.each([
    { kind: '.txt', fileName: 'number-changed.txt', bytes: () => readFile(join(FIXTURES, 'number-changed.txt')) },
    { kind: '.docx', fileName: 'number-changed.docx', bytes: async () => draftDocx(await readFile(join(FIXTURES, 'number-changed.txt'), 'utf8')) },
  ])('re-anchors the claims on a $kind draft and flags the changed one', async ({ fileName, bytes }) => {
    const before = await checkedArticle();
    const { article, report } = await backend.api['articles:revise']({ id: before.id, file: { fileName, data: b64(await bytes()) } });
    expect(report).toEqual({ unchanged: 24, moved: 0, changed: 1, orphaned: 0, added: 0, unsure: 0 });
    expect(article.revisions).toHaveLength(2);
    expect(article.text).toContain('1,400 miles');
    const audit = article.claims.find((c) => c.text.includes('1,400 miles'))!;
    expect(audit.verdict).toMatchObject({ status: 'verified', note: 'Checked against the audit.' });
    expect(audit.changed?.previousText).toContain('1,200 miles');
    expect(article.claims.filter((c) => c.changed)).toHaveLength(1);
    // Saved: a fresh backend on the same folder reads the same article.
    const reopened = createBackend(await Store.open(dir));
    expect((await reopened.api['articles:get']({ id: before.id })).article).toEqual(article);
  });

  it('gives a .txt draft exactly the text the same draft pasted would give', async () => {
    const draft = await readFile(join(FIXTURES, 'number-changed.txt'));
    const pasted = await checkedArticle();
    const fromFile = await checkedArticle();
    const a = await backend.api['articles:revise']({ id: pasted.id, text: draft.toString('utf8') });
    const b = await backend.api['articles:revise']({ id: fromFile.id, file: { fileName: 'draft.txt', data: b64(draft) } });
    expect(b.article.text).toBe(a.article.text);
    expect(b.report).toEqual(a.report);
  });

  it('refuses a file that is not a draft in one sentence naming it, changing nothing', async () => {
    const article = await checkedArticle();
    const other = await backend.api['articles:create']({ text: 'A different article.\nIts only claim is this one.', meta: { title: 'Other' } });
    const exported = await backend.api['reports:export']({ articleId: other.article.id, format: 'json' });
    const bad = [
      { fileName: 'notes.rtf', bytes: Buffer.from('{\\rtf1 The board voted 4-1.}'), says: /Rich Text/ },
      { fileName: 'scan.pdf', bytes: await makeScannedPdf(), says: /has no text layer \(it looks scanned\)/ },
      { fileName: 'other.json', bytes: Buffer.from(exported.content, 'utf8'), says: /is a Factdesk export, a whole article rather than a new draft of its text/ },
      { fileName: 'empty.txt', bytes: Buffer.alloc(0), says: /is empty/ },
    ];
    const before = await snapshot();
    expect(Object.keys(before)).toContain(join(dir, 'articles', `${article.id}.json`));
    for (const { fileName, bytes, says } of bad) {
      const error = await backend.api['articles:revise']({ id: article.id, file: { fileName, data: b64(bytes) } }).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message, fileName).toMatch(says);
      expectOneSentenceNaming(error!.message, fileName);
      expect(await snapshot()).toEqual(before);
    }
    expect((await backend.api['articles:get']({ id: article.id })).article).toEqual(article);
  });

  it('takes exactly one of text and file', async () => {
    const article = await checkedArticle();
    const file = { fileName: 'draft.txt', data: b64(Buffer.from('A new draft.')) };
    const message = 'Operation articles:revise: give the new revision either as text or as a file, not both or neither.';
    await expect(backend.api['articles:revise']({ id: article.id })).rejects.toThrow(message);
    await expect(backend.api['articles:revise']({ id: article.id, text: 'A new draft.', file })).rejects.toThrow(message);
  });
});
