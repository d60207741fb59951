// Report benchmark: `npx tsx bench/report.bench.ts`. Standalone (no vitest).
// Builds a 5,000-claim article from the sample articles (a mix of verdicts,
// notes, corrections and sources) and prints the median time to render each
// format, after warm-up. Target: HTML in well under a second.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractClaims, normalizeText } from '../src/shared/extract';
import type { Article, Claim, Source, Status } from '../src/shared/model';
import { renderReport, type TextReportFormat } from '../src/shared/report';

const CLAIMS = 5_000;
const RUNS = 9;
const HTML_TARGET_MS = 1_000;
const NAMES = ['feature-ferry', 'news-transit', 'report-hospitals'];

const read = (rel: string): string => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
const samples = [read('../resources/sample-article.txt'), ...NAMES.map((n) => read(`../tests/fixtures/articles/${n}.txt`))].map(normalizeText);

function buildArticle(): Article {
  const parts: string[] = [];
  let claims = 0;
  for (let i = 0; claims < CLAIMS; i++) {
    const sample = samples[i % samples.length]!;
    parts.push(sample);
    claims += extractClaims(sample).length;
  }
  const text = parts.join('\n\n');
  const at = '2026-01-01T00:00:00.000Z';
  const sources: Source[] = Array.from({ length: 200 }, (_, i) => ({
    id: `s${i}`,
    kind: (['document', 'interview', 'web', 'dataset', 'other'] as const)[i % 5]!,
    title: `Source ${i}: annual report, "table ${i}"`,
    url: `https://example.org/source/${i}?q=<${i}>&x=1`,
    contact: i % 3 === 0 ? `press office ${i}` : '',
    accessedAt: '2026-01-01',
    excerpt: i % 2 === 0 ? `The figure for ${i} was 4.2 percent, according to the report.` : '',
    createdAt: at,
  }));
  const statuses: Status[] = ['unchecked', 'verified', 'disputed', 'sourced', 'verified', 'unchecked'];
  const all: Claim[] = extractClaims(text).slice(0, CLAIMS).map((c, i) => {
    const status = statuses[i % statuses.length]!;
    const cited = status === 'unchecked' ? [] : [`s${i % 200}`, ...(i % 4 === 0 ? [`s${(i * 7) % 200}`] : [])];
    const checkedAt = new Date(Date.parse(at) + i * 60_000).toISOString();
    return {
      ...c,
      id: `c${i}`,
      verdict: {
        status,
        note: status === 'unchecked' ? '' : `Checked against <source> ${i}, "quotes, commas" & more.`,
        correction: status === 'disputed' ? `The figure should read ${i}.` : '',
        sourceIds: [...new Set(cited)],
        checker: status === 'unchecked' ? null : ['Ana Ruiz', 'Ben Ode', 'Chi Obi'][i % 3]!,
        updatedAt: status === 'unchecked' ? null : checkedAt,
      },
      history: status === 'unchecked' ? [] : [{ at: checkedAt, by: 'Ana Ruiz', kind: 'verdict', changes: [{ field: 'status', from: 'unchecked', to: status }] }],
    };
  });
  if (all.length < CLAIMS) throw new Error(`only ${all.length} claims`);
  return {
    id: 'bench',
    title: 'Benchmark article',
    sourceUrl: 'https://news.example.com/bench',
    author: 'A. Writer',
    publication: 'The Bench Ledger',
    publishedAt: '2026-01-01',
    createdAt: at,
    updatedAt: at,
    text,
    revisions: [{ id: 'r1', text, createdAt: at }],
    claims: all,
    setAside: [],
    orphans: [],
    sources,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => unknown): number {
  for (let i = 0; i < 2; i++) fn(); // warm-up
  const ts: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

const article = buildArticle();
console.log(`Report rendering: ${article.claims.length} claims, ${article.sources.length} sources; median of ${RUNS} runs after warm-up\n`);
const formats: TextReportFormat[] = ['html', 'md', 'csv', 'json', 'claimreview'];
let htmlMs = Infinity;
for (const format of formats) {
  let size = 0;
  const ms = time(() => (size = renderReport(article, format, undefined, '2026-01-02T00:00:00.000Z').length));
  if (format === 'html') htmlMs = ms;
  console.log(`${format.padEnd(12)} ${ms.toFixed(1).padStart(8)} ms   ${(size / 1024 / 1024).toFixed(2)} MB`);
}
const met = htmlMs < HTML_TARGET_MS;
console.log(`\nTarget: HTML < ${HTML_TARGET_MS} ms for ${CLAIMS} claims: ${met ? 'met' : 'NOT met'} (${htmlMs.toFixed(1)} ms)`);
if (!met) process.exitCode = 1;
