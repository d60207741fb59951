// Re-anchoring benchmark: `npx tsx bench/revisions.bench.ts`. Standalone (no vitest).
// A 5,000-claim article (the sample articles repeated, numbers varied per copy so
// copies differ), every claim with a verdict, and a revision with realistic edits:
// ~5% of sentences edited, some deleted, some moved far away, a few new paragraphs.
// Prints the median time of reanchorClaims (after warm-up) against the 2 s target.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractClaims, normalizeText } from '../src/shared/extract';
import { STATUSES, type Claim } from '../src/shared/model';
import { reanchorClaims } from '../src/shared/revisions';
import { ARTICLE_NAMES } from '../tests/unit/extract/metrics';

const TARGET_CLAIMS = 5_000;
const TARGET_MS = 2_000;
const RUNS = 7;

const read = (rel: string): string => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
const samples = [read('../resources/sample-article.txt'), ...ARTICLE_NAMES.map((n) => read(`../tests/fixtures/articles/${n}.txt`))].map(normalizeText);

/** Deterministic pseudo-random numbers (mulberry32), so every run edits the same way. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildArticle(): string {
  const parts: string[] = [];
  let claims = 0;
  for (let copy = 0; claims < TARGET_CLAIMS; copy++) {
    const s = samples[copy % samples.length]!;
    // Vary the numbers per copy: repeated copies would otherwise be identical sentences.
    const varied = copy < samples.length ? s : s.replace(/\d+/g, (m) => String((Number(m) * 7 + copy * 13) % 10_000));
    parts.push(varied);
    claims += extractClaims(varied).length;
  }
  return normalizeText(parts.join('\n\n'));
}

const WORDS = ['reportedly', 'nearly', 'about', 'later', 'again', 'officially', 'also', 'still'];

/** Rebuilds the text claim by claim: edit 5%, delete 1%, move 0.5% far ahead, a new paragraph every ~400 claims. */
type Action = 'unchanged' | 'changed' | 'orphaned' | 'moved';

function revise(text: string, claims: readonly Claim[]): { text: string; edits: Record<string, number>; actions: Action[] } {
  const rnd = random(42);
  const edits = { edited: 0, deleted: 0, moved: 0, newParagraphs: 0 };
  let out = '';
  let at = 0;
  const carried: string[] = [];
  let carriedFrom = 0; // moved sentences land at least 40 claims further on
  const actions: Action[] = [];
  claims.forEach((c, i) => {
    out += text.slice(at, c.start);
    at = c.end;
    if (out.endsWith('\n') && carried.length > 0 && i - carriedFrom > 40 && rnd() < 0.2) {
      out += `${carried.splice(0).join(' ')}\n`;
    }
    if (i > 0 && i % 400 === 0) {
      out += `The desk added this paragraph in revision two, number ${i}. It has a second sentence with ${i * 3} people in it.\n`;
      edits.newParagraphs++;
    }
    const r = rnd();
    if (c.section === 'body' && r < 0.01) {
      edits.deleted++;
      actions[i] = 'orphaned';
      return;
    }
    // Only whole sentences move (a byline joined to the next sentence would be a merge).
    if (c.section === 'body' && r < 0.015 && /[.?!]["”]?$/.test(c.text)) {
      if (carried.length === 0) carriedFrom = i;
      carried.push(c.text);
      edits.moved++;
      actions[i] = 'moved';
      return;
    }
    if (r < 0.065) {
      const words = c.text.split(' ');
      // Never before the first word: a lowercase start would merge the sentence into the one before.
      const k = 1 + Math.floor(rnd() * Math.max(1, words.length - 1));
      words.splice(k, 0, WORDS[Math.floor(rnd() * WORDS.length)]!);
      out += words.join(' ');
      edits.edited++;
      actions[i] = 'changed';
      return;
    }
    out += c.text;
    actions[i] = 'unchanged';
  });
  out += text.slice(at);
  if (carried.length > 0) out += `\n${carried.join(' ')}`;
  return { text: normalizeText(out), edits, actions };
}

const oldText = buildArticle();
const oldClaims: Claim[] = extractClaims(oldText).map((c, i) => ({
  ...c,
  id: `c${i}`,
  verdict: {
    status: STATUSES[i % 4]!,
    note: `note ${i}`,
    correction: '',
    sourceIds: [],
    checker: 'Bench',
    updatedAt: '2026-01-01T00:00:00.000Z',
  },
  history: [],
}));
const { text: newText, edits, actions } = revise(oldText, oldClaims);

let n = 0;
const run = () => reanchorClaims(oldText, oldClaims, newText, 'rev2', '2026-01-02T00:00:00.000Z', 'Bench', { newId: () => `n${n++}`, revisionNumber: 2 });
const result = run(); // warm-up
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  run();
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
const extractMs = (() => {
  const t0 = performance.now();
  extractClaims(newText);
  return performance.now() - t0;
})();

const { outcomes, ...counts } = result.report;
const wrong = outcomes.map((o, i) => [i, actions[i]!, o.outcome] as const).filter(([, want, got]) => want !== got);
console.log(`Article: ${oldClaims.length} claims, ${(oldText.length / 1024).toFixed(0)} KB; revision: ${JSON.stringify(edits)}.`);
console.log(`Outcomes: ${JSON.stringify(counts)}; flagged ${result.claims.filter((c) => c.changed).length} (${result.claims.filter((c) => c.changed?.confidence).length} of them "moved: please confirm"); ${outcomes.length - wrong.length} of ${outcomes.length} claims got the outcome their edit calls for.`);
for (const [i, want, got] of wrong.slice(0, 20)) console.log(`  claim ${i}: expected ${want}, got ${got}: ${JSON.stringify(oldClaims[i]!.text.slice(0, 90))}`);
console.log(`reanchorClaims: median ${median.toFixed(0)} ms of ${RUNS} runs after warm-up (min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)}; extracting the new text alone ${extractMs.toFixed(0)} ms).`);
// Stress, not targets: a revision that rewrote a 60 KB stretch, and one that shares nothing
// (every sentence's words reversed: same vocabulary, no wording in common).
const reversed = (t: string) => t.split('\n').map((l) => l.split(' ').reverse().join(' ')).join('\n');
const mid = Math.floor(oldText.length / 2);
const stretch = oldText.lastIndexOf('\n', mid - 30_000);
const stretchEnd = oldText.indexOf('\n', mid + 30_000);
for (const [name, text] of [
  ['60 KB stretch rewritten', oldText.slice(0, stretch) + reversed(oldText.slice(stretch, stretchEnd)) + oldText.slice(stretchEnd)],
  ['shares nothing', reversed(oldText)],
] as const) {
  const t0 = performance.now();
  const r = reanchorClaims(oldText, oldClaims, text, 'rev2', '2026-01-02T00:00:00.000Z', 'Bench', { newId: () => `s${n++}` });
  const { outcomes: _o, ...c } = r.report;
  void _o;
  console.log(`Stress, ${name}: ${(performance.now() - t0).toFixed(0)} ms, ${JSON.stringify(c)}.`);
}

const met = median < TARGET_MS && oldClaims.length >= TARGET_CLAIMS;
console.log(`\nTargets:\n  ${met ? 'MET    ' : 'NOT MET'}  re-anchor a ${TARGET_CLAIMS}-claim revision < ${TARGET_MS} ms: ${median.toFixed(0)} ms`);
if (!met) process.exitCode = 1;
