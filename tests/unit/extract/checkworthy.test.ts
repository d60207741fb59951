// The check-worthiness model's parts: stable hashing, the features, the weights as data,
// purity, and explainScore. (Training and its reproduction: checkworthy-training.test.ts;
// ranking and news sense: score.test.ts.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeSegment, extractSegments, prepareText } from '../../../src/shared/extract';
import { checkworthyModel, explainScore, scoreFacts } from '../../../src/shared/extract/checkworthy';
import {
  BIGRAM, bigramHash, CHARGRAM, DENSE_FEATURES, fnv1a, forEachToken, forEachWordFeature, START_HASH, sumWordWeights, UNIGRAM,
} from '../../../src/shared/extract/checkworthy/features';
import { decodeBase64, encodeBase64, MAX_SET_ASIDE_SCORE, MIN_CLAIM_SCORE, modelFromData } from '../../../src/shared/extract/checkworthy/model';
import { CHECKWORTHY_WEIGHTS } from '../../../src/shared/extract/checkworthy/weights';

const dir = fileURLToPath(new URL('../../../src/shared/extract/checkworthy/', import.meta.url));
const read = (rel: string): string => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
const body = (text: string) => describeSegment(text, 0, text.length, 'body');
const explain = (text: string, section: Parameters<typeof describeSegment>[3] = 'body') => explainScore(describeSegment(text, 0, text.length, section));

describe('check-worthiness features', () => {
  it('hashes with 32-bit FNV-1a (the published test vectors)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('tokenizes words, numbers, years and signs, and counts unigrams, bigrams and character 5-grams', () => {
    const tokens: Array<[number, string]> = [];
    const text = 'Unemployment FELL to 3.5% in 1969, didn’t it?';
    forEachToken(text, (h, s, e) => tokens.push([h, text.slice(s, e)]));
    expect(tokens.map(([, t]) => t)).toEqual(['Unemployment', 'FELL', 'to', '3.5', '%', 'in', '1969', 'didn’t', 'it']);
    expect(tokens[0]![0]).toBe(fnv1a('unemployment'));
    expect(tokens[1]![0]).toBe(fnv1a('fell'));
    expect(tokens[3]![0]).toBe(fnv1a('0'));
    expect(tokens[4]![0]).toBe(fnv1a('%'));
    expect(tokens[6]![0]).toBe(fnv1a('0000'));
    expect(tokens[7]![0]).toBe(fnv1a("didn't"));

    const kinds = { [UNIGRAM]: 0, [BIGRAM]: 0, [CHARGRAM]: 0 };
    const seen: number[] = [];
    const counts = forEachWordFeature('The rise', 0xffff, (b, t, kind) => {
      kinds[kind]++;
      seen.push(t);
    });
    // "^the$" gives one 5-gram, "^rise$" two; each token a unigram and a bigram.
    expect(kinds).toEqual({ [UNIGRAM]: 2, [BIGRAM]: 2, [CHARGRAM]: 3 });
    expect(counts).toEqual({ tokens: 2, features: 7 });
    expect(seen).toEqual([0, 0, 0, 1, 1, 1, 1]);
    const first: number[] = [];
    forEachWordFeature('The rise', 0xffff, (b) => first.push(b));
    expect(first[1]).toBe(((bigramHash(START_HASH, fnv1a('the')) ^ (bigramHash(START_HASH, fnv1a('the')) >>> 16)) & 0xffff) >>> 0);
  });

  it('sums the same weights on the scoring path as the feature walk gives, whatever the text', () => {
    const weights = checkworthyModel().hashed;
    const texts = [
      'The council voted 5-2 on Wednesday to spend $38 million on the seawall.',
      'Zoë Ångström’s café — “naïve” résumé, 12,000 €!',
      `${'a'.repeat(500)} supercalifragilisticexpialidociousness ${'x '.repeat(50)}`,
      '',
      '— … ” “',
    ];
    for (const t of texts) {
      let sum = 0;
      const counts = { ...forEachWordFeature(t, weights.length - 1, (b) => (sum += weights[b]!)) };
      const fast = sumWordWeights(t, weights);
      expect(fast.sum, t).toBeCloseTo(sum, 9);
      expect({ ...fast.counts }, t).toEqual(counts);
    }
  });
});

describe('check-worthiness weights as data', () => {
  it('are a module under 1 MB that matches the features, and decode to the model', () => {
    expect(statSync(`${dir}weights.ts`).size).toBeLessThan(1024 * 1024);
    expect(CHECKWORTHY_WEIGHTS.denseFeatures).toEqual([...DENSE_FEATURES]);
    const m = checkworthyModel();
    expect(m.hashed.length).toBe(2 ** CHECKWORTHY_WEIGHTS.bits);
    expect(m.threshold).toBeGreaterThan(0.1);
    expect(m.threshold).toBeLessThan(0.9);
    expect(() => modelFromData({ ...CHECKWORTHY_WEIGHTS, denseFeatures: ['number'] })).toThrow(/train:checkworthy/);
  });

  it('round-trips base64 without Buffer or atob', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 255, 1000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 151 + n) & 0xff);
      const text = encodeBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(decodeBase64(text)).toEqual(bytes);
    }
    expect(() => decodeBase64('ab$d')).toThrow();
  });

  it('lives in the process-free core: imports only its own modules and types of the extractor', () => {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const src = readFileSync(dir + f, 'utf8');
      for (const m of src.matchAll(/from\s+'([^']+)'/g)) {
        expect(m[1]!.startsWith('./') || ['../../model', '../spans'].includes(m[1]!), `${f}: ${m[1]}`).toBe(true);
      }
      expect(src, f).not.toMatch(/\b(?:window|document|process|Buffer|require|atob)\b[.(]/);
    }
  });
});

describe('check-worthiness scores', () => {
  it('keep claims in 0.01..0.99 and set-aside text below every claim', () => {
    const claim = body('Now that will have to wait.');
    expect(scoreFacts(claim)).toBeGreaterThanOrEqual(MIN_CLAIM_SCORE);
    const figures = body('Verizon Announces $4.8 Billion Deal for Yahoo’s Internet Business JULY 25, 2016');
    expect(scoreFacts(figures)).toBeGreaterThan(0.5);
    expect(scoreFacts(figures, 'furniture')).toBeLessThanOrEqual(MAX_SET_ASIDE_SCORE);
    expect(MAX_SET_ASIDE_SCORE).toBeLessThan(MIN_CLAIM_SCORE);
  });

  it('treat a Title Case headline\'s missing names as unknown, not absent', () => {
    const title = describeSegment('Regional Transit Halts Driverless Shuttle Pilot', 0, 47, 'headline');
    const lower = { ...title, text: 'Regional transit halts driverless shuttle pilot' };
    expect(title.spans.filter((s) => s.kind === 'name')).toEqual([]);
    expect(explainScore(title).reasons.map((r) => r.phrase)).not.toContain('no names');
    expect(explainScore(lower).score).toBeLessThanOrEqual(explainScore(title).score);
  });
});

describe('explainScore', () => {
  it('names figures, a named official and a past event for a specific claim', () => {
    const e = explain('Gen. Amara Osei ordered 400 soldiers to Port Harlan on Oct. 3, officials said.');
    expect(e.reasons[0]!.phrase).toBe('figures');
    expect(e.reasons.map((r) => r.phrase)).toContain('a named official');
    expect(e.reasons.every((r) => r.effect === 'up')).toBe(true);
    expect(e.summary.startsWith('figures')).toBe(true);
    const past = explain('Unemployment fell to 3.5 percent last year, the lowest rate since 1969.');
    expect(past.summary).toMatch(/^figures, .*a date/);
    expect(past.summary).toContain('a past event');
  });

  it('says "a prediction" and "an opinion" for forecasts and views, strongest first', () => {
    const prediction = explain('The plan will probably fail, I think.');
    expect(prediction.reasons.slice(0, 2).map((r) => r.phrase).sort()).toEqual(['a prediction', 'an opinion']);
    expect(prediction.reasons.every((r) => r.effect === 'down')).toBe(true);
    const noFigures = explain('Thank you very much.');
    expect(noFigures.reasons.map((r) => r.phrase)).toContain('no figures');
    expect(noFigures.summary).toContain('too short to hold a fact');
  });

  it('gives two to four reasons, strongest first, with the score extraction gives', () => {
    for (const rel of ['../../../resources/sample-article.txt', '../../fixtures/articles/news-transit.txt', '../../fixtures/articles/report-hospitals.txt']) {
      for (const s of extractSegments(prepareText(read(rel)))) {
        const e = explainScore(s);
        expect(e.score, s.text).toBe(s.score);
        expect(e.summary.length, s.text).toBeGreaterThan(0);
        if (s.setAside !== undefined) {
          expect(e.reasons[0]!.phrase, s.text).toMatch(/^set aside as /);
          expect(e.reasons.length).toBeLessThanOrEqual(2);
          continue;
        }
        expect(e.reasons.length, s.text).toBeGreaterThanOrEqual(2);
        expect(e.reasons.length, s.text).toBeLessThanOrEqual(4);
        const sizes = e.reasons.map((r) => Math.abs(r.weight));
        expect(sizes, s.text).toEqual([...sizes].sort((a, b) => b - a));
        for (const r of e.reasons) expect(r.effect, `${s.text}: ${r.phrase}`).toBe(r.weight > 0 ? 'up' : 'down');
      }
    }
  });

  it('puts the section first where it decides, and the score\'s own side first in the summary', () => {
    expect(explain('By Nadia Ferreira', 'byline').reasons[0]!.phrase).toBe('a byline');
    const headline = explain('Council Weighs Seawall Plan', 'headline');
    expect(headline.reasons.map((r) => r.phrase)).toContain('a headline');
    expect(headline.score).toBeGreaterThanOrEqual(checkworthyModel().threshold);
    const mixed = explain('The mayor will unveil a $12 million budget next week.');
    const side = mixed.score >= checkworthyModel().threshold ? 'up' : 'down';
    const firstPhrase = mixed.reasons.find((r) => r.effect === side)!.phrase;
    expect(mixed.summary.startsWith(firstPhrase)).toBe(true);
  });

  it('is pure: the same claim gives the same explanation, and the claim is untouched', () => {
    const claim = body('Sen. Tom Reyes said the state lost 12,000 manufacturing jobs in 2023.');
    const copy = structuredClone(claim);
    expect(explainScore(claim)).toEqual(explainScore(claim));
    expect(claim).toEqual(copy);
  });
});
