// Extraction benchmark: `npx tsx bench/extraction.bench.ts`. Standalone (no vitest).
// Throughput (MB/s, median of runs after warm-up, one process) of Factdesk segmentation,
// full extraction, Intl.Segmenter and npm `sbd`, plus their accuracy on the case suite and
// their score on the 52 Golden Rules (read from ../shared/corpus, next to the repository).
// Then the check-worthiness score: the learned model's AUC and F1 against the old formula's
// on held-out ClaimBuster sentences, and its cost per claim (the section at the end).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sbd from 'sbd';
import { auc, CLAIMBUSTER_PATH, f1At, heldOutRows, loadClaimBuster, toExamples } from '../scripts/train-checkworthy.lib';
import { extractClaims, extractSegments, normalizeText, splitSentences } from '../src/shared/extract';
import { formulaScore } from '../src/shared/extract/checkworthy/formula';
import { CHECKWORTHY_WEIGHTS } from '../src/shared/extract/checkworthy/weights';
import { scoreClaim } from '../src/shared/extract/score';
import { ARTICLE_NAMES, GOLDEN_RULES_PATH, factdeskGoldenSentences, loadCases, loadGoldenRules, scoreGoldenRules, scoreSegmenter } from '../tests/unit/extract/metrics';

const MB = 1024 * 1024;
const RUNS = 5;

const read = (rel: string): string => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
const samples = [
  read('../resources/sample-article.txt'),
  ...ARTICLE_NAMES.map((n) => read(`../tests/fixtures/articles/${n}.txt`)),
].map(normalizeText);

/** Repeats the sample articles (blank line between) until the text reaches `bytes` characters. */
function buildCorpus(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const s = samples[i % samples.length]!;
    parts.push(s);
    size += s.length + 2;
  }
  return parts.join('\n\n');
}

const paragraphsOf = (text: string): string[] => text.split('\n').filter((p) => p.trim().length > 0);

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const intlSentences = (paragraph: string): string[] => {
  const out: string[] = [];
  for (const s of segmenter.segment(paragraph)) out.push(s.segment);
  return out;
};
const sbdSentences = (paragraph: string): string[] => sbd.sentences(paragraph, { newline_boundaries: false });

interface Contender { name: string; run: (text: string) => number }
const contenders: Contender[] = [
  { name: 'Factdesk segmentation', run: (t) => splitSentences(t).length },
  { name: 'Factdesk full extraction', run: (t) => extractClaims(t).length },
  { name: 'Intl.Segmenter (per paragraph)', run: (t) => paragraphsOf(t).reduce((n, p) => n + intlSentences(p).length, 0) },
  { name: 'sbd (per paragraph)', run: (t) => paragraphsOf(t).reduce((n, p) => n + sbdSentences(p).length, 0) },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median seconds over RUNS timed runs after one warm-up run. */
function time(fn: () => unknown, runs = RUNS): number {
  fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push((performance.now() - t0) / 1000);
  }
  return median(ts);
}

const small = buildCorpus(1 * MB);
const large = buildCorpus(10 * MB);
const mb = (s: string): number => s.length / MB;
console.log(`Corpora: ${mb(small).toFixed(2)} MB and ${mb(large).toFixed(2)} MB of normalized text (${samples.length} sample articles repeated); median of ${RUNS} runs after warm-up.\n`);

const rows: Array<{ name: string; t1: number; t10: number }> = [];
for (const c of contenders) {
  const t1 = time(() => c.run(small));
  // The slow general-purpose segmenters get 5 runs on 10 MB too, but cap their time.
  const t10 = time(() => c.run(large));
  rows.push({ name: c.name, t1, t10 });
}

const cases = loadCases();
const accuracy = new Map<string, { exact: number; total: number; f1: number }>([
  ['Factdesk segmentation', scoreSegmenter(cases, (t) => splitSentences(t).map((r) => t.slice(r.start, r.end)))],
  ['Intl.Segmenter (per paragraph)', scoreSegmenter(cases, (t) => paragraphsOf(t).flatMap(intlSentences))],
  ['sbd (per paragraph)', scoreSegmenter(cases, (t) => paragraphsOf(t).flatMap(sbdSentences))],
]);

// The Golden Rules, each text prepared as an article is (prepareText), then segmented; the
// same scoring as tests/unit/extract/golden-rules.test.ts (exact match, in order).
const goldenRules = loadGoldenRules();
const goldenScore = (segment: (text: string) => string[]) => {
  const { passed, failed } = scoreGoldenRules(goldenRules ?? [], segment);
  return { passed, failed: failed.map((r) => r.id) };
};
const golden = new Map<string, { passed: number; failed: number[] }>(goldenRules === null ? [] : [
  ['Factdesk segmentation', goldenScore(factdeskGoldenSentences)],
  ['Intl.Segmenter (per paragraph)', goldenScore((t) => paragraphsOf(t).flatMap(intlSentences))],
  ['sbd (per paragraph)', goldenScore((t) => paragraphsOf(t).flatMap(sbdSentences))],
]);

const pad = (s: string, n: number): string => s.padEnd(n);
const lpad = (s: string, n: number): string => s.padStart(n);
console.log(`${pad('Contender', 32)}${lpad('1 MB (s)', 10)}${lpad('MB/s', 10)}${lpad('10 MB (s)', 11)}${lpad('MB/s', 10)}${lpad('10MB/1MB', 10)}${lpad('cases exact', 16)}${lpad('F1', 8)}${lpad('golden', 9)}`);
for (const r of rows) {
  const a = accuracy.get(r.name);
  console.log(`${pad(r.name, 32)}${lpad(r.t1.toFixed(3), 10)}${lpad((mb(small) / r.t1).toFixed(1), 10)}${lpad(r.t10.toFixed(3), 11)}${lpad((mb(large) / r.t10).toFixed(1), 10)}${lpad((r.t10 / r.t1).toFixed(1) + '×', 10)}${lpad(a ? `${a.exact}/${a.total} ${((100 * a.exact) / a.total).toFixed(1)}%` : '—', 16)}${lpad(a ? a.f1.toFixed(3) : '—', 8)}${lpad(golden.has(r.name) ? `${golden.get(r.name)!.passed}/${goldenRules!.length}` : '—', 9)}`);
}
if (goldenRules === null) console.log(`\nGolden Rules: corpus not found at ${GOLDEN_RULES_PATH}.`);
else {
  console.log(`\nGolden Rules (${goldenRules.length} cases, prepareText then segment; "golden" column above), failing rules:`);
  for (const [name, g] of golden) console.log(`  ${pad(name, 32)}${g.failed.length === 0 ? 'none' : g.failed.map((id) => `#${id}`).join(' ')}`);
}

const by = (name: string) => rows.find((r) => r.name === name)!;
const seg = by('Factdesk segmentation');
const full = by('Factdesk full extraction');
const sb = by('sbd (per paragraph)');
const targets: Array<[string, boolean, string]> = [
  ['segmentation ≥ sbd MB/s', mb(large) / seg.t10 >= mb(large) / sb.t10, `${(mb(large) / seg.t10).toFixed(1)} vs ${(mb(large) / sb.t10).toFixed(1)} MB/s on 10 MB`],
  ['full extraction ≥ 10 MB/s', mb(large) / full.t10 >= 10, `${(mb(large) / full.t10).toFixed(1)} MB/s on 10 MB`],
  ['10 MB within 10× of 1 MB (segmentation)', seg.t10 <= 10 * seg.t1 * 1.05, `${(seg.t10 / seg.t1).toFixed(1)}× (10 MB is ${(mb(large) / mb(small)).toFixed(1)}× the text)`],
  ['10 MB within 10× of 1 MB (full extraction)', full.t10 <= 10 * full.t1 * 1.05, `${(full.t10 / full.t1).toFixed(1)}×`],
];
console.log('\nTargets:');
for (const [name, met, detail] of targets) console.log(`  ${met ? 'MET    ' : 'NOT MET'}  ${name}: ${detail}`);

// Check-worthiness (issue 16): the learned model (src/shared/extract/checkworthy) against the
// old hand-tuned formula on the held-out 20% of the ClaimBuster sentences (never used for
// training or model selection; the split is scripts/train-checkworthy.lib.ts's), each scored
// as extraction scores a body claim, at the thresholds cross-validation chose. Then the cost
// of scoring one claim: each held-out sentence and each segment of the sample articles
// timed over SCORE_REPS calls of scoreClaim (the fastest of three batches), the median (and
// 95th percentile) over them all.
{
  const SCORE_REPS = 200;
  type Scored = Parameters<typeof scoreClaim>;
  const calls: Scored[] = [];
  const targetsCw: Array<[string, boolean, string]> = [];
  console.log('\nCheck-worthiness score (learned model vs the old formula):');
  if (!existsSync(CLAIMBUSTER_PATH)) console.log(`  ClaimBuster data not found at ${CLAIMBUSTER_PATH}: no held-out figures.`);
  else {
    const examples = toExamples(loadClaimBuster());
    const held = heldOutRows(examples).map((r) => examples[r]!);
    const labels = held.map((e) => e.label);
    const model = held.map((e) => scoreClaim(e.facts.text, 'body', e.facts.labels, e.findings));
    const formula = held.map((e) => formulaScore(e.facts.text, 'body', e.facts.labels, e.findings));
    const recorded = CHECKWORTHY_WEIGHTS.training['crossValidated'] as { formula: { threshold: number } };
    const rows: Array<[string, number[], number]> = [
      ['learned model', model, CHECKWORTHY_WEIGHTS.threshold],
      ['old formula', formula, recorded.formula.threshold],
    ];
    console.log(`  Held-out ClaimBuster sentences: ${held.length}, ${labels.filter((l) => l === 1).length} check-worthy.`);
    console.log(`  ${pad('', 22)}${lpad('AUC', 8)}${lpad('F1', 8)}${lpad('precision', 11)}${lpad('recall', 8)}${lpad('threshold', 11)}`);
    const aucs: number[] = [];
    for (const [name, scores, threshold] of rows) {
      const a = auc(scores, labels);
      const f = f1At(scores, labels, threshold);
      aucs.push(a);
      console.log(`  ${pad(name, 22)}${lpad(a.toFixed(4), 8)}${lpad(f.f1.toFixed(4), 8)}${lpad(f.precision.toFixed(3), 11)}${lpad(f.recall.toFixed(3), 8)}${lpad(threshold.toFixed(3), 11)}`);
    }
    targetsCw.push(['learned AUC above the formula\'s on held-out data', aucs[0]! > aucs[1]!, `${aucs[0]!.toFixed(4)} vs ${aucs[1]!.toFixed(4)}`]);
    for (const e of held) calls.push([e.facts.text, 'body', e.facts.labels, e.findings]);
  }
  for (const text of samples) {
    for (const s of extractSegments(text)) {
      calls.push([s.text, s.section, s.labels, { spans: s.spans, numbers: 0, dates: 0, names: 0, quotedWords: 0, longestQuote: 0 }, s.setAside]);
    }
  }
  const perClaim = (fn: (...args: Scored) => number): number[] => {
    const us: number[] = [];
    let sink = 0;
    for (const args of calls) sink += fn(...args); // warm-up (and the weights' one-off decoding)
    for (const args of calls) {
      // The fastest of three batches: a batch the scheduler interrupted says nothing of the score.
      let best = Infinity;
      for (let batch = 0; batch < 3; batch++) {
        const t0 = performance.now();
        for (let r = 0; r < SCORE_REPS; r++) sink += fn(...args);
        best = Math.min(best, performance.now() - t0);
      }
      us.push((best * 1000) / SCORE_REPS);
    }
    if (sink < 0) console.log(sink);
    return us.sort((a, b) => a - b);
  };
  const at = (xs: number[], q: number): number => xs[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;
  const learned = perClaim(scoreClaim);
  const old = perClaim((text, section, labels, f) => formulaScore(text, section, labels, f));
  const size = readFileSync(fileURLToPath(new URL('../src/shared/extract/checkworthy/weights.ts', import.meta.url))).length;
  console.log(`  Cost per claim over ${calls.length} claims (fastest of 3 × ${SCORE_REPS} calls each): learned model median ${at(learned, 0.5).toFixed(2)} µs, 95th percentile ${at(learned, 0.95).toFixed(2)} µs; old formula median ${at(old, 0.5).toFixed(2)} µs.`);
  console.log(`  Weights: ${(size / 1024).toFixed(1)} KB (src/shared/extract/checkworthy/weights.ts).`);
  targetsCw.push(['score under 20 µs per claim (median)', at(learned, 0.5) < 20, `${at(learned, 0.5).toFixed(2)} µs`]);
  targetsCw.push(['weights under 1 MB', size < 1024 * 1024, `${(size / 1024).toFixed(1)} KB`]);
  console.log('\nTargets (check-worthiness):');
  for (const [name, met, detail] of targetsCw) console.log(`  ${met ? 'MET    ' : 'NOT MET'}  ${name}: ${detail}`);
}
