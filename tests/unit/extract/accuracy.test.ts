import { describe, expect, it } from 'vitest';
import { extractSegments, normalizeText, splitSentences } from '../../../src/shared/extract';
import { addBoundaries, ARTICLE_NAMES, f1, goldEnds, loadArticle, loadCases, scoreSegmenter, type Counts } from './metrics';

const cases = loadCases();

describe('segmentation cases', () => {
  it('has at least 220 well-formed cases covering every topic with several variants', () => {
    expect(cases.length).toBeGreaterThanOrEqual(220);
    const ids = new Set<string>();
    const perTopic = new Map<string, number>();
    for (const c of cases) {
      expect(ids.has(c.id), c.id).toBe(false);
      ids.add(c.id);
      perTopic.set(c.topic, (perTopic.get(c.topic) ?? 0) + 1);
      expect(() => goldEnds(c.text, c.sentences), c.id).not.toThrow();
    }
    for (const [topic, n] of perTopic) expect(n, topic).toBeGreaterThanOrEqual(8);
  });

  it('passes every case (exact match) and reports the figures', () => {
    const r = scoreSegmenter(cases, (t) => splitSentences(t).map((s) => t.slice(s.start, s.end)));
    console.log(`[accuracy] cases: exact ${r.exact}/${r.total} (${((100 * r.exact) / r.total).toFixed(1)}%), boundary F1 ${r.f1.toFixed(4)}`);
    for (const id of r.failures) {
      const c = cases.find((x) => x.id === id)!;
      console.log(`  FAIL ${id}: expected ${JSON.stringify(c.sentences)} got ${JSON.stringify(splitSentences(c.text).map((s) => c.text.slice(s.start, s.end)))}`);
    }
    expect(r.failures).toEqual([]);
    expect(r.f1).toBe(1);
  });
});

describe('sample articles against hand-made gold', () => {
  const total: Counts = { tp: 0, predicted: 0, gold: 0 };
  for (const name of ARTICLE_NAMES) {
    it(`${name}: same claims, same sections, the same text set aside, boundary F1 1.0`, () => {
      const { raw, gold, goldSetAside } = loadArticle(name);
      const text = normalizeText(raw);
      const words = text.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(800);
      expect(words).toBeLessThanOrEqual(1500);
      const segments = extractSegments(text);
      const claims = segments.filter((s) => !s.setAside);
      const counts: Counts = { tp: 0, predicted: 0, gold: 0 };
      const ends = goldEnds(text, gold.map((g) => g.text));
      addBoundaries(counts, claims.map((c) => c.end), ends);
      addBoundaries(total, claims.map((c) => c.end + total.gold * 1_000_000), ends.map((e) => e + total.gold * 1_000_000));
      const exact = claims.filter((c, i) => gold[i]?.text === c.text && gold[i]?.section === c.section).length;
      const r = f1(counts);
      console.log(`[accuracy] ${name}: ${claims.length} claims (gold ${gold.length}), exact ${exact}/${gold.length}, boundary P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)} F1 ${r.f1.toFixed(4)}`);
      expect(claims.map((c) => ({ section: c.section, text: c.text }))).toEqual(gold);
      expect(segments.filter((s) => s.setAside).map((s) => ({ kind: s.setAside, text: s.text }))).toEqual(goldSetAside);
      expect(r.f1).toBe(1);
    });
  }
  it('reports the overall article boundary F1, which is 1', () => {
    console.log(`[accuracy] articles overall boundary F1 ${f1(total).f1.toFixed(4)}`);
    expect(total.gold).toBeGreaterThan(150);
    expect(f1(total).f1).toBe(1);
  });
});
