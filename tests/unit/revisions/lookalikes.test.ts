// Lookalike quotes (tests/fixtures/revisions/lookalikes): twin sentences that
// differ in a number, a repeated “He declined to comment.”, a sentence rewritten
// to say the opposite. A claim never lands silently on a lookalike: it is
// orphaned, or its checked verdict is flagged "moved: please confirm".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractClaims, normalizeText, partitionProblem } from '../../../src/shared/extract';
import { UNCHECKED, type Claim, type Verdict } from '../../../src/shared/model';
import { reanchorClaims, type MatchConfidence, type Outcome } from '../../../src/shared/revisions';
import { FIXTURES, idGenerator } from './fixture';

interface Lookalike {
  name: string;
  file: string;
  note: string;
  outcomes: Outcome[];
  /** Base claim index → why its match is unsure; every other claim carried over is sure. */
  unsure: Record<string, MatchConfidence['reason']>;
  /** Base claim index → the wording that matched nearly as well (ambiguous matches). */
  rival?: Record<string, string>;
  /** Base claim index → the wording it must land on, or null for an orphan. */
  lands?: Record<string, string | null>;
  added: number;
}

const DIR = join(FIXTURES, 'lookalikes');
const manifest = JSON.parse(readFileSync(join(DIR, 'scenarios.json'), 'utf8')) as { base: string; baseClaims: number; scenarios: Lookalike[] };
const read = (name: string) => normalizeText(readFileSync(join(DIR, name), 'utf8'));
const baseText = read(manifest.base);
const AT = '2026-03-01T10:00:00.000Z';

function claims(verdict: (i: number) => Verdict): Claim[] {
  return extractClaims(baseText).map((c, i) => ({ ...c, id: `c${i}`, verdict: verdict(i), history: [] }));
}
const checked = (i: number): Verdict => ({ ...UNCHECKED, status: i % 2 ? 'verified' : 'disputed', note: `Note on claim ${i}.`, checker: 'Ana', updatedAt: '2026-02-01T09:00:00.000Z' });
const revise = (old: Claim[], newText: string) => reanchorClaims(baseText, old, newText, 'rev2', AT, 'Ben', { newId: idGenerator(), revisionNumber: 2 });

describe('lookalike quotes', () => {
  it('the base article has the claims the expectations are written for', () => {
    expect(extractClaims(baseText)).toHaveLength(manifest.baseClaims);
  });

  describe.each(manifest.scenarios)('$name', (scenario) => {
    const newText = read(scenario.file);
    const old = claims(checked);
    const result = revise(old, newText);
    const byId = new Map(result.claims.map((c) => [c.id, c]));
    const orphanIds = new Set(result.orphans.map((c) => c.id));

    it('gives every old claim its expected outcome, on the new extractor’s sentences', () => {
      expect(result.report.outcomes.map((o) => o.outcome)).toEqual(scenario.outcomes);
      expect(result.report.added).toBe(scenario.added);
      expect(result.claims.map((c) => [c.start, c.end, c.text])).toEqual(extractClaims(newText).map((c) => [c.start, c.end, c.text]));
      expect(partitionProblem(newText, [...result.claims, ...result.setAside])).toBeNull();
    });

    it('lands each claim on its own words, or orphans it', () => {
      for (const [i, text] of Object.entries(scenario.lands ?? {})) {
        if (text === null) expect(orphanIds.has(`c${i}`), `claim ${i} is an orphan`).toBe(true);
        else expect(byId.get(`c${i}`)?.text, `claim ${i}`).toBe(text);
      }
    });

    it('flags exactly the unsure matches of checked claims "please confirm", keeping their verdicts', () => {
      expect(result.report.unsure).toBe(Object.keys(scenario.unsure).length);
      old.forEach((before, i) => {
        const after = byId.get(before.id);
        if (!after) return;
        expect(after.verdict).toEqual(before.verdict);
        const reason = scenario.unsure[String(i)];
        if (reason === undefined) {
          expect(after.changed?.confidence, `claim ${i}`).toBeUndefined();
          expect(result.report.outcomes[i]!.confidence).toBeUndefined();
          return;
        }
        const rival = scenario.rival?.[String(i)];
        const confidence = { level: 'low', reason, ...(rival ? { rival } : {}) };
        expect(after.changed, `claim ${i}`).toEqual({ previousText: before.text, revisionId: 'rev2', at: AT, confidence });
        expect(result.report.outcomes[i]!.confidence).toEqual(confidence);
        expect(after.history.at(-1)!.detail).toMatch(/^revision 2: .*; please confirm: /);
      });
    });

    it('flags no unchecked claim, but still reports the doubt', () => {
      const unchecked = revise(claims(() => ({ ...UNCHECKED })), newText);
      expect(unchecked.report.outcomes.map((o) => o.outcome)).toEqual(scenario.outcomes);
      expect(unchecked.claims.filter((c) => c.changed)).toEqual([]);
      expect(unchecked.report.unsure).toBe(Object.keys(scenario.unsure).length);
    });
  });

  it('keeps a doubt from an earlier revision until the checker confirms it', () => {
    const twins = manifest.scenarios.find((s) => s.file === 'twins-become-one.txt')!;
    const r2 = revise(claims(checked), read(twins.file));
    const flagged = r2.claims.find((c) => c.changed?.confidence)!;
    // The next revision edits the sentence again, surely this time: the earlier doubt stands.
    const t3 = r2.claims.map((c) => c.text).join('\n').replace(flagged.text, flagged.text.replace('the department said', 'officials said'));
    const r3 = reanchorClaims(read(twins.file), r2.claims, t3, 'rev3', AT, 'Ben', { newId: idGenerator('m') });
    expect(r3.claims.find((c) => c.id === flagged.id)!.changed).toMatchObject({ revisionId: 'rev3', confidence: flagged.changed!.confidence });
  });
});
