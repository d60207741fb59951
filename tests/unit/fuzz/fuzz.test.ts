// Hostile input, thousands of times: random and mutated bytes, huge lines, deep
// HTML, broken Word and PDF files, invalid JSON imports, oversized notes and
// control characters, fed to the importers, the extractor and the contract's
// handlers. Nothing crashes or hangs, every failure is one clear sentence, and
// a refused input leaves the library as it was. Seeded, so a failure replays.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { importFile } from '../../../src/backend/import/import-file';
import { Store } from '../../../src/backend/store/store';
import { UserError } from '../../../src/shared/errors';
import { extractSegments, partitionProblem, prepareText } from '../../../src/shared/extract';
import { OP_NAMES } from '../../../src/shared/contract';

/** mulberry32: small, fast, seedable. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261125);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;

const SAMPLE = 'Mr. Haskell said the wall, built in 1911 for $4.2 million, "would block the view." The U.S. Army disagreed.\n';
const ALPHABET = ['a', 'Z', ' ', '.', '!', '?', '"', '“', '”', '\n', '\n\n', '\r', '\t', '\u0000', '\u0007', '\u200b', '\ufeff', '\u00a0', 'é', '😀', '\ud800', '$', '%', '1', '—', '(', ')', 'Mr.', 'U.S.', '...', 'p.m.'];

function randomText(maxPieces: number): string {
  let s = '';
  const pieces = int(maxPieces);
  for (let i = 0; i < pieces; i++) s += random() < 0.2 ? SAMPLE : pick(ALPHABET);
  return s;
}

function randomBytes(n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = int(256);
  return b;
}

function mutate(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const flips = 1 + int(8);
  for (let i = 0; i < flips && out.length > 0; i++) out[int(out.length)] = int(256);
  return random() < 0.3 ? out.slice(0, int(out.length + 1)) : out;
}

const enc = (s: string) => new TextEncoder().encode(s);

function hostileFiles(): { name: string; bytes: Uint8Array }[] {
  const files: { name: string; bytes: Uint8Array }[] = [];
  const deep = '<div>'.repeat(5_000) + '<p>Deep text. The vote was 5-2.</p>' + '</div>'.repeat(5_000);
  const seeds: [string, Uint8Array][] = [
    ['story.txt', enc(SAMPLE.repeat(20))],
    ['story.md', enc(`# Title\n\n${SAMPLE}*emphasis* [link](http://example.org)\n`)],
    ['page.html', enc(`<html><head><title>T</title><script>globalThis.pwned=1</script></head><body><article><p>${SAMPLE}</p></article></body></html>`)],
    ['deep.html', enc(deep)],
    ['broken.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...randomBytes(300)])],
    ['broken.pdf', enc(`%PDF-1.7\n${'1 0 obj << /Type /Catalog >> endobj\n'.repeat(5)}trailer`)],
    ['export.json', enc('{"format":"factdesk-article","schemaVersion":1,"article":{"id":"x"}}')],
    ['huge-line.txt', enc('word '.repeat(200_000))],
    ['control.txt', enc('\u0001\u0002 The bridge opened in 1932.\u0003 It cost $4 million.')],
    ['noise.bin', randomBytes(2_000)],
    // Shapes that made backtracking parsers hang (issue 13): long runs of what they rescan.
    ['link-bomb.md', enc(`[x](${'a'.repeat(5_000)}\n\n${'[x](a('.repeat(2_000)}${'b'.repeat(5_000)}`)],
    ['emphasis.md', enc(`${'**a '.repeat(5_000)}\n\n${'_a '.repeat(5_000)}\n\n<!--${'<a'.repeat(5_000)}`)],
    ['unclosed-tags.html', enc(`<html><body><p>${SAMPLE}</p>${'<a'.repeat(20_000)}`)],
    ['spaces.txt', enc(`${SAMPLE}${' '.repeat(60_000)}\n${SAMPLE}`)],
  ];
  for (const [name, bytes] of seeds) files.push({ name, bytes });
  for (let i = 0; i < 240; i++) {
    const [name, bytes] = pick(seeds);
    files.push({ name: random() < 0.1 ? `renamed-${i}.${pick(['txt', 'pdf', 'docx', 'html', 'json', 'exe', ''])}` : name, bytes: mutate(bytes) });
  }
  return files;
}

function expectOneSentence(message: string) {
  expect(message).not.toMatch(/\n|\bat .*:\d+:\d+|TypeError|ReferenceError|undefined is not/);
  expect(message.length).toBeLessThan(400);
}

describe('fuzz: the extractor', () => {
  it('keeps exact offsets, and accounts for every word, on 3,000 random and mutated texts', () => {
    for (let i = 0; i < 3_000; i++) {
      const text = prepareText(randomText(i % 10 === 0 ? 400 : 60));
      expect(prepareText(text)).toBe(text);
      const claims = extractSegments(text);
      expect(partitionProblem(text, claims), JSON.stringify(text)).toBeNull();
      for (const claim of claims) {
        expect(text.slice(claim.start, claim.end)).toBe(claim.text);
        expect(claim.score).toBeGreaterThanOrEqual(0);
        expect(claim.score).toBeLessThanOrEqual(1);
        for (const span of claim.spans) expect(text.slice(span.start, span.end)).toBe(span.text);
      }
    }
  });
});

describe('fuzz: the importers', () => {
  it('import or refuse 250 hostile files with one sentence naming the file, in bounded time', async () => {
    let refused = 0;
    for (const file of hostileFiles()) {
      const started = Date.now();
      try {
        const result = await importFile(file.name, file.bytes);
        expect(typeof result.text).toBe('string');
        expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
      } catch (error) {
        refused++;
        expect(error, `${file.name}: ${String(error)}`).toBeInstanceOf(UserError);
        expectOneSentence((error as Error).message);
        expect((error as Error).message).toContain(file.name);
      }
      expect(Date.now() - started, `${file.name} took too long`).toBeLessThan(15_000);
    }
    expect(refused).toBeGreaterThan(10);
  }, 180_000);
});

describe('fuzz: the contract’s handlers', () => {
  let dir: string;
  let backend: Backend;
  let articleId: string;
  let claimIds: string[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'factdesk-fuzz-'));
    backend = createBackend(await Store.open(dir));
    await backend.api['preferences:set']({ preferences: { checker: 'Fuzz' } });
    const { article } = await backend.api['articles:create']({ text: SAMPLE.repeat(3), meta: {} });
    articleId = article.id;
    claimIds = article.claims.map((c) => c.id);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  async function snapshot(): Promise<string> {
    const names = (await readdir(join(dir, 'articles'))).sort();
    const contents = await Promise.all(names.map((n) => readFile(join(dir, 'articles', n), 'utf8')));
    return names.join('|') + contents.join('|');
  }

  function hostileValue(depth = 0): unknown {
    switch (int(depth > 2 ? 6 : 9)) {
      case 0: return randomText(30);
      case 1: return int(2) ? 'x'.repeat(25_000) : '';
      case 2: return random() * 1e12 - 5e11;
      case 3: return null;
      case 4: return pick([articleId, ...claimIds, 'unknown-id', '../../etc/passwd', '__proto__']);
      case 5: return pick(['unchecked', 'verified', 'disputed', 'sourced', 'VERIFIED', 'html', 'pdf']);
      case 6: return Array.from({ length: int(4) }, () => hostileValue(depth + 1));
      case 7: return Object.fromEntries(Array.from({ length: int(5) }, () => [pick(['id', 'articleId', 'claimId', 'patch', 'status', 'note', 'text', 'meta', 'title', 'sourceIds', 'format', '__proto__', 'constructor']), hostileValue(depth + 1)]));
      default: return { articleId, claimId: pick(claimIds), patch: { status: pick(['disputed', 'sourced', 'bogus']), note: int(2) ? '' : 'x'.repeat(30_000), sourceIds: [randomText(5)] } };
    }
  }

  it('answer 1,500 hostile calls with an envelope, never an internal error, and change nothing when they refuse', async () => {
    const ops = OP_NAMES.filter((op) => op !== 'articles:delete' && op !== 'reports:export');
    for (let i = 0; i < 1_500; i++) {
      const op = random() < 0.05 ? pick(['nope', '', 'claims:mark ', '__proto__']) : pick(ops);
      const before = await snapshot();
      const result = await backend.invoke(op, hostileValue());
      if (!result.ok) {
        expect(result.error.code, `${op}: ${result.error.message}`).not.toBe('internal');
        expectOneSentence(result.error.message);
        expect(await snapshot(), `${op} was refused but changed the library`).toBe(before);
      }
    }
    // The article still opens and validates after all that.
    const reopened = createBackend(await Store.open(dir));
    expect((await reopened.api['library:list']({})).problems).toEqual([]);
  }, 180_000);
});
