// Accuracy metrics shared by the accuracy suite and the benchmark.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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
