// The check-worthiness model's training, shared by the training script
// (scripts/train-checkworthy.ts), its reproduction test and the extraction bench.
//
// Data: the ClaimBuster benchmark's two-class training split (Arslan, Hassan, Li, Tremayne
// 2020, doi 10.5281/zenodo.3609356), read at run time from ../shared/corpus next to the
// repository and never copied into it. Each sentence goes through the real extractor as
// body text (prepareText, then the spans and labels extraction gives a body claim), so the
// model learns from exactly what it will read in the app.
//
// Split: a seeded hash (FNV-1a of SEED and the sentence's lowercased text) puts 20% aside
// as held-out data (never used for training or model selection; identical sentences always
// land together) and deals the rest into 5 cross-validation folds. Everything is
// deterministic: no Math.random, a fixed order of every sum, a fixed stopping rule.
//
// Model: logistic regression over the features of src/shared/extract/checkworthy/features.ts
// (hashed word unigrams, bigrams and character 5-grams, each valued 1/√(their number), plus
// dense features), L2-regularised, fitted by L-BFGS written out below (no ML dependency).
// A few dense weights are held to the sign news sense demands (figures, dates and names
// never count against a claim; predictions, opinion and questions never count for it).
// The L2 strength is chosen by 5-fold cross-validated AUC on the training 80%; the
// threshold is the best-F1 one on the cross-validated predictions; the final model is
// fitted on the whole training 80% and its hashed weights quantised to int16.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DENSE_COUNT, DENSE_FEATURES, denseFeatures, fnv1a, forEachWordFeature, type ClaimFacts, type DenseFeature } from '../src/shared/extract/checkworthy/features';
import { formulaScore } from '../src/shared/extract/checkworthy/formula';
import { checkWorthiness, encodeBase64, modelFromData, sigmoid, type WeightsData } from '../src/shared/extract/checkworthy/model';
import { findLabels } from '../src/shared/extract/labels';
import { findSpans, type SpanFindings } from '../src/shared/extract/spans';
import { prepareText } from '../src/shared/extract/unwrap';
import { scanWords } from '../src/shared/extract/words';

export const CLAIMBUSTER_PATH = resolve(import.meta.dirname, '../../shared/corpus/claimbuster/train.json');
export const SEED = 'factdesk-checkworthy-1';
export const FOLDS = 5;
/** Share of the data held out, in tenths. */
const HELD_OUT_TENTHS = 2;

export interface Sentence { id: number; label: 0 | 1; text: string }

export function loadClaimBuster(path = CLAIMBUSTER_PATH): Sentence[] {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Array<{ sentence_id: number; label: number; text: string }>;
  return raw.map((r) => ({ id: r.sentence_id, label: r.label === 1 ? 1 : 0, text: r.text }));
}

/** A sentence as the extractor sees it, with the old formula's score. */
export interface Example {
  id: number;
  label: 0 | 1;
  facts: ClaimFacts;
  findings: SpanFindings;
  formula: number;
  /** 'held-out', or the cross-validation fold (0..FOLDS-1). */
  split: 'held-out' | number;
}

function splitOf(text: string): 'held-out' | number {
  const h = fnv1a(`${SEED}|${text.trim().toLowerCase()}`);
  if (h % 10 < HELD_OUT_TENTHS) return 'held-out';
  return Math.floor(h / 10) % FOLDS;
}

/** Runs the extractor on each sentence, as a body claim. */
export function toExamples(sentences: readonly Sentence[]): Example[] {
  return sentences.map((s) => {
    const text = prepareText(s.text).trim();
    const words = scanWords(text);
    const findings = findSpans(text, 0, false, words);
    const labels = findLabels(text, findings, words, { insideQuote: false });
    return {
      id: s.id,
      label: s.label,
      facts: { text, section: 'body', labels, spans: findings.spans },
      findings,
      formula: formulaScore(text, 'body', labels, findings),
      split: splitOf(s.text),
    };
  });
}

// ---------------------------------------------------------------------------------------
// Design matrix

export interface Design {
  n: number;
  labels: Float64Array;
  /** Hashed features of example i: buckets[offsets[i] .. offsets[i+1]), each with value scale[i]. */
  offsets: Int32Array;
  buckets: Int32Array;
  scale: Float64Array;
  dense: Float64Array; // n × DENSE_COUNT
}

export function design(examples: readonly Example[], bits: number): Design {
  const n = examples.length;
  const mask = (1 << bits) - 1;
  const offsets = new Int32Array(n + 1);
  const all: number[] = [];
  const scale = new Float64Array(n);
  const dense = new Float64Array(n * DENSE_COUNT);
  const labels = new Float64Array(n);
  const row = new Float64Array(DENSE_COUNT);
  examples.forEach((ex, i) => {
    offsets[i] = all.length;
    const { features, tokens } = forEachWordFeature(ex.facts.text, mask, (b) => all.push(b));
    scale[i] = features > 0 ? 1 / Math.sqrt(features) : 0;
    denseFeatures(ex.facts, tokens, row);
    dense.set(row, i * DENSE_COUNT);
    labels[i] = ex.label;
  });
  offsets[n] = all.length;
  return { n, labels, offsets, buckets: Int32Array.from(all), scale, dense };
}

export function subset(d: Design, rows: readonly number[]): Design {
  const offsets = new Int32Array(rows.length + 1);
  let total = 0;
  for (const r of rows) total += d.offsets[r + 1]! - d.offsets[r]!;
  const buckets = new Int32Array(total);
  const scale = new Float64Array(rows.length);
  const dense = new Float64Array(rows.length * DENSE_COUNT);
  const labels = new Float64Array(rows.length);
  let at = 0;
  rows.forEach((r, i) => {
    offsets[i] = at;
    buckets.set(d.buckets.subarray(d.offsets[r]!, d.offsets[r + 1]!), at);
    at += d.offsets[r + 1]! - d.offsets[r]!;
    scale[i] = d.scale[r]!;
    dense.set(d.dense.subarray(r * DENSE_COUNT, (r + 1) * DENSE_COUNT), i * DENSE_COUNT);
    labels[i] = d.labels[r]!;
  });
  offsets[rows.length] = at;
  return { n: rows.length, labels, offsets, buckets, scale, dense };
}

// ---------------------------------------------------------------------------------------
// Logistic regression

export interface Hyper {
  bits: number;
  /** L2 strength on the hashed word weights (per example: loss is a mean). */
  lambda: number;
  /** L2 strength on the dense weights. */
  lambdaDense: number;
  /** At most this many L-BFGS iterations… */
  iterations: number;
  /** …stopping once an iteration lowers the objective by less than this share of it. */
  tolerance: number;
}

export interface Weights {
  bias: number;
  dense: Float64Array;
  hashed: Float64Array;
}

/** Dense weights held to a sign: +1 never below 0, -1 never above 0. */
const SIGN: Partial<Record<DenseFeature, 1 | -1>> = {
  number: 1, numbers: 1, date: 1, name: 1, names: 1,
  'label:prediction': -1, 'label:opinion': -1, question: -1,
};
const SIGNS = DENSE_FEATURES.map((f) => SIGN[f] ?? 0);

function margins(d: Design, w: Weights, out: Float64Array): Float64Array {
  for (let i = 0; i < d.n; i++) {
    let s = 0;
    for (let k = d.offsets[i]!; k < d.offsets[i + 1]!; k++) s += w.hashed[d.buckets[k]!]!;
    let m = w.bias + s * d.scale[i]!;
    const o = i * DENSE_COUNT;
    for (let j = 0; j < DENSE_COUNT; j++) m += w.dense[j]! * d.dense[o + j]!;
    out[i] = m;
  }
  return out;
}

/** The objective (mean log loss plus the L2 terms) and its gradient at `x` = [bias, dense…, hashed…]. */
function objective(d: Design, hyper: Hyper, x: Float64Array, g: Float64Array, fixed: Uint8Array): number {
  const D = 1 + DENSE_COUNT;
  const inv = 1 / d.n;
  let f = 0;
  g.fill(0);
  for (let i = 0; i < d.n; i++) {
    let s = 0;
    const k0 = d.offsets[i]!;
    const k1 = d.offsets[i + 1]!;
    for (let k = k0; k < k1; k++) s += x[D + d.buckets[k]!]!;
    let m = x[0]! + s * d.scale[i]!;
    const o = i * DENSE_COUNT;
    for (let j = 0; j < DENSE_COUNT; j++) m += x[1 + j]! * d.dense[o + j]!;
    // log(1 + e^-m) for a positive, log(1 + e^m) for a negative, computed stably
    const z = d.labels[i] ? -m : m;
    f += z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    const r = (sigmoid(m) - d.labels[i]!) * inv;
    g[0] = g[0]! + r;
    for (let j = 0; j < DENSE_COUNT; j++) g[1 + j] = g[1 + j]! + r * d.dense[o + j]!;
    const rs = r * d.scale[i]!;
    for (let k = k0; k < k1; k++) g[D + d.buckets[k]!] = g[D + d.buckets[k]!]! + rs;
  }
  f *= inv;
  for (let j = 1; j < D; j++) {
    f += 0.5 * hyper.lambdaDense * x[j]! ** 2;
    g[j] = g[j]! + hyper.lambdaDense * x[j]!;
  }
  for (let b = D; b < x.length; b++) {
    f += 0.5 * hyper.lambda * x[b]! ** 2;
    g[b] = g[b]! + hyper.lambda * x[b]!;
  }
  for (let j = 0; j < x.length; j++) if (fixed[j]) g[j] = 0;
  return f;
}

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/** Minimises the objective from x = 0 by L-BFGS (memory 10, backtracking Armijo line search). */
function lbfgs(d: Design, size: number, hyper: Hyper, fixed: Uint8Array): Float64Array {
  const M = 10;
  let x = new Float64Array(size);
  let g = new Float64Array(size);
  let f = objective(d, hyper, x, g, fixed);
  const ss: Float64Array[] = [];
  const ys: Float64Array[] = [];
  const rhos: number[] = [];
  const dir = new Float64Array(size);
  const alpha = new Array<number>(M);
  let xNew = new Float64Array(size);
  let gNew = new Float64Array(size);
  for (let it = 0; it < hyper.iterations; it++) {
    // Two-loop recursion: dir = −H·g.
    for (let i = 0; i < size; i++) dir[i] = -g[i]!;
    for (let k = ss.length - 1; k >= 0; k--) {
      const a = rhos[k]! * dot(ss[k]!, dir);
      alpha[k] = a;
      const y = ys[k]!;
      for (let i = 0; i < size; i++) dir[i] = dir[i]! - a * y[i]!;
    }
    if (ss.length > 0) {
      const last = ss.length - 1;
      const gamma = dot(ss[last]!, ys[last]!) / dot(ys[last]!, ys[last]!);
      for (let i = 0; i < size; i++) dir[i] = dir[i]! * gamma;
    } else {
      const norm = Math.sqrt(dot(g, g));
      for (let i = 0; i < size; i++) dir[i] = dir[i]! / norm;
    }
    for (let k = 0; k < ss.length; k++) {
      const b = rhos[k]! * dot(ys[k]!, dir);
      const s = ss[k]!;
      const a = alpha[k]!;
      for (let i = 0; i < size; i++) dir[i] = dir[i]! + (a - b) * s[i]!;
    }
    for (let i = 0; i < size; i++) if (fixed[i]) dir[i] = 0;
    let slope = dot(g, dir);
    if (slope >= 0) {
      // Not a descent direction: restart from steepest descent.
      for (let i = 0; i < size; i++) dir[i] = fixed[i] ? 0 : -g[i]!;
      slope = dot(g, dir);
      ss.length = 0;
      ys.length = 0;
      rhos.length = 0;
    }
    let step = 1;
    let fNew = 0;
    for (let tries = 0; ; tries++) {
      for (let i = 0; i < size; i++) xNew[i] = x[i]! + step * dir[i]!;
      fNew = objective(d, hyper, xNew, gNew, fixed);
      if (fNew <= f + 1e-4 * step * slope || tries >= 30) break;
      step *= 0.5;
    }
    const s = new Float64Array(size);
    const y = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      s[i] = xNew[i]! - x[i]!;
      y[i] = gNew[i]! - g[i]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      ss.push(s);
      ys.push(y);
      rhos.push(1 / sy);
      if (ss.length > M) {
        ss.shift();
        ys.shift();
        rhos.shift();
      }
    }
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    const done = f - fNew < hyper.tolerance * Math.max(1, Math.abs(f));
    f = fNew;
    if (done) break;
  }
  return x;
}

/**
 * Fits the weights by L-BFGS from zero; deterministic. Only the buckets some training
 * sentence uses are fitted (the others stay exactly 0, as L2 alone would leave them). A
 * dense weight that comes out with the wrong sign (SIGN) is fixed at zero and the fit
 * repeated, until none does.
 */
export function train(d: Design, hyper: Hyper): Weights {
  const full = 1 << hyper.bits;
  const compact = new Int32Array(full).fill(-1);
  const used: number[] = [];
  for (const b of d.buckets) {
    if (compact[b] === -1) {
      compact[b] = used.length;
      used.push(b);
    }
  }
  const cd: Design = { ...d, buckets: d.buckets.map((b) => compact[b]!) };
  const size = 1 + DENSE_COUNT + used.length;
  const fixed = new Uint8Array(size);
  for (;;) {
    const x = lbfgs(cd, size, hyper, fixed);
    let wrong = false;
    for (let j = 0; j < DENSE_COUNT; j++) {
      const v = x[1 + j]!;
      if ((SIGNS[j] === 1 && v < 0) || (SIGNS[j] === -1 && v > 0)) {
        fixed[1 + j] = 1;
        wrong = true;
      }
    }
    if (wrong) continue;
    const hashed = new Float64Array(full);
    used.forEach((b, k) => (hashed[b] = x[1 + DENSE_COUNT + k]!));
    return { bias: x[0]!, dense: x.slice(1, 1 + DENSE_COUNT), hashed };
  }
}

export function predict(d: Design, w: Weights): Float64Array {
  const m = margins(d, w, new Float64Array(d.n));
  for (let i = 0; i < d.n; i++) m[i] = sigmoid(m[i]!);
  return m;
}

// ---------------------------------------------------------------------------------------
// Metrics

/** ROC AUC (the Mann–Whitney statistic; ties count a half). */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const idx = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j < idx.length && scores[idx[j]!] === scores[idx[i]!]) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (labels[idx[k]!]) { pos++; rankSum += rank; }
    i = j;
  }
  const neg = idx.length - pos;
  return pos === 0 || neg === 0 ? NaN : (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export interface F1 { f1: number; precision: number; recall: number }

/** F1 of "check-worthy when score ≥ threshold". */
export function f1At(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): F1 {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const yes = scores[i]! >= threshold;
    if (yes && labels[i]) tp++;
    else if (yes) fp++;
    else if (labels[i]) fn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return { f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0, precision, recall };
}

/** The threshold (one of the scores) with the best F1; the lowest such on a tie. */
export function bestThreshold(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const idx = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  let totalPos = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]) totalPos++;
  let tp = 0;
  let best = -1;
  let bestT = 0.5;
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j < idx.length && scores[idx[j]!] === scores[idx[i]!]) j++;
    for (let k = i; k < j; k++) if (labels[idx[k]!]) tp++;
    const f1 = (2 * tp) / (j + totalPos);
    if (f1 > best) { best = f1; bestT = scores[idx[i]!]!; }
    i = j;
  }
  return bestT;
}

// ---------------------------------------------------------------------------------------
// Cross-validation

export interface CvResult {
  /** Out-of-fold predictions for each training example (in the order of `rows`). */
  oof: Float64Array;
  labels: Float64Array;
  foldAuc: number[];
}

/** 5-fold cross-validation over the non-held-out examples. */
export function crossValidate(examples: readonly Example[], d: Design, hyper: Hyper): CvResult {
  const rows = trainingRows(examples);
  const oof = new Float64Array(rows.length);
  const labels = new Float64Array(rows.length);
  const foldAuc: number[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const fit: number[] = [];
    const test: number[] = [];
    rows.forEach((r, i) => (examples[r]!.split === f ? test.push(i) : fit.push(i)));
    const w = train(subset(d, fit.map((i) => rows[i]!)), hyper);
    const p = predict(subset(d, test.map((i) => rows[i]!)), w);
    test.forEach((i, k) => { oof[i] = p[k]!; labels[i] = examples[rows[i]!]!.label; });
    foldAuc.push(auc(p, test.map((i) => examples[rows[i]!]!.label)));
  }
  return { oof, labels, foldAuc };
}

export const trainingRows = (examples: readonly Example[]): number[] =>
  examples.flatMap((e, i) => (e.split === 'held-out' ? [] : [i]));
export const heldOutRows = (examples: readonly Example[]): number[] =>
  examples.flatMap((e, i) => (e.split === 'held-out' ? [i] : []));


// ---------------------------------------------------------------------------------------
// The whole run: selection, cross-validated figures, the final fit, held-out figures

export const BITS = 16;
/** The L2 strengths cross-validation chooses from. */
export const LAMBDA_GRID = [1e-5, 3e-5, 1e-4] as const;
const LAMBDA_DENSE = 1e-4;
const MAX_ITERATIONS = 300;
const TOLERANCE = 1e-7;
export const WEIGHTS_PATH = resolve(import.meta.dirname, '../src/shared/extract/checkworthy/weights.ts');

export interface Figures { auc: number; f1: number; precision: number; recall: number; threshold: number }
export interface TrainingRun {
  data: WeightsData;
  /** The weights module's text, as written to WEIGHTS_PATH. */
  module: string;
  selection: Array<{ lambda: number; auc: number; se: number }>;
  cv: { model: Figures; formula: Figures; foldAuc: { model: number[]; formula: number[] } };
  heldOut: { model: Figures; formula: Figures; sentences: number; positives: number };
  sentences: number;
  trainingSentences: number;
}

const round = (x: number, places: number): number => Number(x.toFixed(places));
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function figures(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number, aucValue = auc(scores, labels)): Figures {
  const f = f1At(scores, labels, threshold);
  return { auc: round(aucValue, 4), f1: round(f.f1, 4), precision: round(f.precision, 4), recall: round(f.recall, 4), threshold };
}

/** Hashed weights → int16 at the finest power-of-two step that holds the largest. */
function quantize(hashed: Float64Array): { quantum: number; bytes: Uint8Array } {
  let max = 0;
  for (const v of hashed) max = Math.max(max, Math.abs(v));
  let quantum = 2 ** -14;
  while (max / quantum > 32000) quantum *= 2;
  const bytes = new Uint8Array(hashed.length * 2);
  for (let i = 0; i < hashed.length; i++) {
    const q = Math.round(hashed[i]! / quantum) & 0xffff;
    bytes[2 * i] = q & 0xff;
    bytes[2 * i + 1] = q >> 8;
  }
  return { quantum, bytes };
}

export function renderModule(data: WeightsData): string {
  const { hashed, ...rest } = data;
  const head = JSON.stringify(rest, null, 2).slice(0, -2);
  return [
    '// Generated by `npm run train:checkworthy` (scripts/train-checkworthy.ts): do not edit by hand.',
    '// The check-worthiness model\'s weights (see model.ts), learned from the ClaimBuster benchmark',
    '// (Arslan, Hassan, Li, Tremayne 2020, doi 10.5281/zenodo.3609356). Running the script again',
    '// writes this file byte for byte (tests/unit/extract/checkworthy-training.test.ts checks it).',
    "import type { WeightsData } from './model';",
    '',
    `export const CHECKWORTHY_WEIGHTS: WeightsData = ${head},`,
    `  "hashed": "${hashed}"`,
    '};',
    '',
  ].join('\n');
}

export interface RunOptions {
  /** Skip the search and use this L2 strength (the reproduction test passes the recorded one). */
  lambda?: number;
  log?: (line: string) => void;
}

export function runTraining(options: RunOptions = {}): TrainingRun {
  const log = options.log ?? (() => {});
  const examples = toExamples(loadClaimBuster());
  const d = design(examples, BITS);
  const rows = trainingRows(examples);
  const hyper = (lambda: number): Hyper => ({ bits: BITS, lambda, lambdaDense: LAMBDA_DENSE, iterations: MAX_ITERATIONS, tolerance: TOLERANCE });

  // 1. The L2 strength, by cross-validated AUC (the held-out 20% never seen).
  // The λ with the best mean AUC over the folds (the first on a tie).
  const selection: Array<{ lambda: number; auc: number; se: number }> = [];
  const results = new Map<number, CvResult>();
  for (const lambda of options.lambda === undefined ? LAMBDA_GRID : [options.lambda]) {
    const cv = crossValidate(examples, d, hyper(lambda));
    results.set(lambda, cv);
    const m = mean(cv.foldAuc);
    const se = Math.sqrt(cv.foldAuc.reduce((a, x) => a + (x - m) ** 2, 0) / (FOLDS - 1) / FOLDS);
    selection.push({ lambda, auc: m, se });
    log(`  λ = ${lambda}: cross-validated AUC ${m.toFixed(4)} ± ${se.toFixed(4)} (standard error)`);
  }
  const chosen = selection.reduce((a, b) => (b.auc > a.auc ? b : a));
  const cv = results.get(chosen.lambda)!;

  // 2. Cross-validated figures beside the formula's, on the same folds.
  const threshold = round(bestThreshold(cv.oof, cv.labels), 3);
  const formulaRows = rows.map((r) => examples[r]!.formula);
  const formulaThreshold = bestThreshold(formulaRows, cv.labels);
  const formulaFoldAuc: number[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const fold = rows.filter((r) => examples[r]!.split === f);
    formulaFoldAuc.push(auc(fold.map((r) => examples[r]!.formula), fold.map((r) => examples[r]!.label)));
  }
  const cvFigures = {
    model: figures(cv.oof, cv.labels, threshold, mean(cv.foldAuc)),
    formula: figures(formulaRows, cv.labels, formulaThreshold, mean(formulaFoldAuc)),
    foldAuc: { model: cv.foldAuc.map((a) => round(a, 4)), formula: formulaFoldAuc.map((a) => round(a, 4)) },
  };

  // 3. The final model, on the whole training 80%.
  const fit = subset(d, rows);
  const w = train(fit, hyper(chosen.lambda));
  const { quantum, bytes } = quantize(w.hashed);
  const denseMeans = new Array<number>(DENSE_COUNT).fill(0);
  for (let i = 0; i < fit.n; i++) for (let j = 0; j < DENSE_COUNT; j++) denseMeans[j]! += fit.dense[i * DENSE_COUNT + j]! / fit.n;

  // 4. Held-out figures, scored exactly as extraction scores (quantised weights, rounding).
  const held = heldOutRows(examples);
  const heldLabels = held.map((r) => examples[r]!.label);
  const training = {
    data: 'ClaimBuster benchmark, two-class training split (Arslan, Hassan, Li, Tremayne 2020, doi 10.5281/zenodo.3609356), read from ../shared/corpus/claimbuster/train.json',
    sentences: examples.length,
    trainingSentences: rows.length,
    heldOutSentences: held.length,
    split: `seeded hash "${SEED}" of the lowercased sentence: 20% held out, the rest in ${FOLDS} folds`,
    lambdaGrid: [...LAMBDA_GRID],
    selection: 'the λ with the best mean cross-validated AUC',
    lambda: chosen.lambda,
    lambdaDense: LAMBDA_DENSE,
    optimizer: `L-BFGS (memory 10), at most ${MAX_ITERATIONS} iterations, relative tolerance ${TOLERANCE}`,
    crossValidated: cvFigures,
    heldOut: {} as Record<string, Figures>,
  };
  const data: WeightsData = {
    format: 1,
    bits: BITS,
    quantum,
    bias: round(w.bias, 6),
    denseFeatures: [...DENSE_FEATURES],
    dense: Array.from(w.dense, (v) => round(v, 6)),
    denseMeans: denseMeans.map((v) => round(v, 6)),
    threshold,
    training,
    hashed: encodeBase64(bytes),
  };
  const model = modelFromData(data);
  const heldScores = held.map((r) => checkWorthiness(examples[r]!.facts, model));
  const heldFormula = held.map((r) => examples[r]!.formula);
  const heldOut = {
    model: figures(heldScores, heldLabels, threshold),
    formula: figures(heldFormula, heldLabels, formulaThreshold),
  };
  training.heldOut = heldOut;
  return {
    data,
    module: renderModule(data),
    selection,
    cv: cvFigures,
    heldOut: { ...heldOut, sentences: held.length, positives: heldLabels.filter((l) => l === 1).length },
    sentences: examples.length,
    trainingSentences: rows.length,
  };
}
