// Accuracy metrics shared by the accuracy suite and the benchmark.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { splitSentences } from '../../../src/shared/extract';
import { prepareText } from '../../../src/shared/extract/unwrap';

export interface SegmentationCase {
  id: string;
  topic: string;
  text: string;
  sentences: string[];
  note?: string;
}

export interface GoldClaim {
  section: string;
  text: string;
}

export const ARTICLE_NAMES = ['news-transit', 'feature-ferry', 'report-hospitals'] as const;

const fixture = (rel: string): string => fileURLToPath(new URL(`../../fixtures/${rel}`, import.meta.url));

export function loadCases(): SegmentationCase[] {
  return JSON.parse(readFileSync(fixture('segmentation/cases.json'), 'utf8')) as SegmentationCase[];
}

export interface GoldSetAside {
  kind: string;
  text: string;
}

export function loadArticle(name: string): { raw: string; gold: GoldClaim[]; goldSetAside: GoldSetAside[] } {
  const raw = readFileSync(fixture(`articles/${name}.txt`), 'utf8');
  const doc = JSON.parse(readFileSync(fixture(`articles/${name}.gold.json`), 'utf8')) as { claims: GoldClaim[]; setAside: GoldSetAside[] };
  return { raw, gold: doc.claims, goldSetAside: doc.setAside };
}

/** End offsets of `sentences` found in order inside `text` (gold sentences are exact substrings). */
export function goldEnds(text: string, sentences: readonly string[]): number[] {
  const ends: number[] = [];
  let from = 0;
  for (const s of sentences) {
    const at = text.indexOf(s, from);
    if (at < 0) throw new Error(`gold sentence not found in order: ${JSON.stringify(s)}`);
    from = at + s.length;
    ends.push(from);
  }
  return ends;
}

export interface Counts { tp: number; predicted: number; gold: number }

export function addBoundaries(acc: Counts, predictedEnds: readonly number[], goldEndsList: readonly number[]): void {
  const g = new Set(goldEndsList);
  let tp = 0;
  for (const e of new Set(predictedEnds)) if (g.has(e)) tp++;
  acc.tp += tp;
  acc.predicted += new Set(predictedEnds).size;
  acc.gold += g.size;
}

export function f1(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.predicted === 0 ? 0 : c.tp / c.predicted;
  const recall = c.gold === 0 ? 0 : c.tp / c.gold;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/**
 * Scores any segmenter on the cases: exact match (same sentences, same order) and boundary F1
 * over sentence end offsets. `segment` returns sentence strings; ends are found in order.
 */
export function scoreSegmenter(cases: readonly SegmentationCase[], segment: (text: string) => string[]):
  { exact: number; total: number; f1: number; failures: string[] } {
  let exact = 0;
  const counts: Counts = { tp: 0, predicted: 0, gold: 0 };
  const failures: string[] = [];
  for (const c of cases) {
    const got = segment(c.text).map((s) => s.trim()).filter((s) => s.length > 0);
    if (got.length === c.sentences.length && got.every((s, i) => s === c.sentences[i])) exact++;
    else failures.push(c.id);
    let predicted: number[];
    try {
      predicted = goldEnds(c.text, got);
    } catch {
      predicted = []; // the segmenter rewrote the text; count no boundary as correct
    }
    addBoundaries(counts, predicted, goldEnds(c.text, c.sentences));
  }
  return { exact, total: cases.length, f1: f1(counts).f1, failures };
}

/** One of the 52 "Golden Rules" of English sentence boundaries, read from ../shared/corpus. */
export interface GoldenRule {
  id: number;
  name: string;
  text: string;
  expected: string[];
}

export const GOLDEN_RULES_PATH = fileURLToPath(new URL('../../../../shared/corpus/golden-rules.json', import.meta.url));

/** The rules, or null where the shared corpus is not beside the repository. */
export function loadGoldenRules(): GoldenRule[] | null {
  return existsSync(GOLDEN_RULES_PATH) ? (JSON.parse(readFileSync(GOLDEN_RULES_PATH, 'utf8')) as GoldenRule[]) : null;
}

const BULLET_ONLY = /^[•◦▪‣·⁃*–-]$/u;

/**
 * Factdesk's sentences as the Golden Rules write them. Factdesk returns a bullet as a range
 * of its own (the extractor sets it aside as a list marker), while the rules keep it in the
 * item's sentence ("• 9. The first item"): a bullet-only range is joined here with the range
 * right after it on the same line, the text between them as it is.
 */
export function factdeskGoldenSentences(text: string): string[] {
  const ranges = splitSentences(text);
  const out: string[] = [];
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i]!;
    const next = ranges[i + 1];
    if (next && BULLET_ONLY.test(text.slice(r.start, r.end)) && !text.slice(r.end, next.start).includes('\n')) {
      out.push(text.slice(r.start, next.end));
      i++;
    } else out.push(text.slice(r.start, r.end));
  }
  return out;
}

/** Each rule prepared as an article's text is (prepareText), segmented, and compared exactly, in order. */
export function scoreGoldenRules(rules: readonly GoldenRule[], segment: (text: string) => string[]): { passed: number; failed: GoldenRule[] } {
  const failed: GoldenRule[] = [];
  for (const rule of rules) {
    const got = segment(prepareText(rule.text)).map((x) => x.trim()).filter((x) => x.length > 0);
    if (!(got.length === rule.expected.length && got.every((x, i) => x === rule.expected[i]))) failed.push(rule);
  }
  return { passed: rules.length - failed.length, failed };
}
