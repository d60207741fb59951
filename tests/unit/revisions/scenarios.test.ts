// Every revision scenario written for the project, with the expected outcome of
// every old claim: verdicts, notes and history survive; changed wording is
// flagged with the facts that changed; vanished claims become orphans.
import { describe, expect, it } from 'vitest';
import { extractClaims, partitionProblem } from '../../../src/shared/extract';
import type { Claim } from '../../../src/shared/model';
import { reanchorClaims } from '../../../src/shared/revisions';
import { BASE_CLAIMS, baseText, checkedBaseClaims, idGenerator, readFixture, scenarios } from './fixture';

const AT = '2026-03-01T10:00:00.000Z';

describe('revision scenarios', () => {
  it('the base article has the claims the expectations are written for', () => {
    expect(extractClaims(baseText)).toHaveLength(BASE_CLAIMS);
  });

  describe.each(scenarios)('$name', (scenario) => {
    const old = checkedBaseClaims();
    const newText = readFixture(scenario.file);
    const result = reanchorClaims(baseText, old, newText, 'rev2', AT, 'Ben', { newId: idGenerator(), revisionNumber: 2 });
    const byId = new Map<string, Claim>(result.claims.map((c) => [c.id, c]));
    const orphanById = new Map<string, Claim>(result.orphans.map((c) => [c.id, c]));

    it('gives every old claim its expected outcome', () => {
      expect(result.report.outcomes.map((o) => o.outcome)).toEqual(scenario.outcomes);
      const count = (o: string) => scenario.outcomes.filter((x) => x === o).length;
      expect(result.report).toMatchObject({
        unchanged: count('unchanged'),
        moved: count('moved'),
        changed: count('changed'),
        orphaned: count('orphaned'),
        added: scenario.added,
      });
    });

    it('loses no claim, no verdict, no note and no history', () => {
      for (const [i, before] of old.entries()) {
        const after = byId.get(before.id) ?? orphanById.get(before.id);
        expect(after, `claim ${i}`).toBeDefined();
        expect(byId.has(before.id) && orphanById.has(before.id)).toBe(false);
        expect(after!.verdict).toEqual(before.verdict);
        expect(after!.history.slice(0, before.history.length)).toEqual(before.history);
      }
    });

    it('lays the claims exactly on the new extractor’s sentences', () => {
      const fresh = extractClaims(newText).map((c) => [c.start, c.end, c.text]);
      expect(result.claims.map((c) => [c.start, c.end, c.text])).toEqual(fresh);
      for (const c of result.claims) expect(newText.slice(c.start, c.end)).toBe(c.text);
      // …and with the set-aside segments they account for every word of the new text.
      expect(partitionProblem(newText, [...result.claims, ...result.setAside])).toBeNull();
    });

    it('flags changed wording, calls out changed facts and records every step in history', () => {
      scenario.outcomes.forEach((outcome, i) => {
        const before = old[i]!;
        const history = (byId.get(before.id) ?? orphanById.get(before.id))!.history;
        const added = history.slice(before.history.length);
        const outcomeOf = result.report.outcomes[i]!;
        if (outcome === 'unchanged') {
          expect(byId.get(before.id)!.text).toBe(before.text);
          expect(byId.get(before.id)!.changed).toBeUndefined();
          expect(added).toEqual([]);
          return;
        }
        expect(added, `claim ${i}`).toHaveLength(1);
        expect(added[0]).toMatchObject({ kind: 'reanchor', by: 'Ben', at: AT, changes: [] });
        expect(added[0]!.detail).toMatch(/^revision 2: /);
        if (outcome === 'moved') {
          expect(byId.get(before.id)!.text).toBe(before.text);
          expect(byId.get(before.id)!.changed).toBeUndefined();
          expect(added[0]!.detail).toBe('revision 2: moved, matched exactly');
        }
        if (outcome === 'changed') {
          const claim = byId.get(before.id)!;
          expect(claim.text).not.toBe(before.text);
          expect(added[0]!.detail).toMatch(/matched approximately \(similarity 0\.\d\d\)/);
          // Every claim changed in these scenarios carries a verdict or a note, so each is flagged.
          expect(claim.changed).toEqual({ previousText: before.text, revisionId: 'rev2', at: AT });
          expect(outcomeOf.facts).toEqual(scenario.facts?.[String(i)] ?? []);
        }
        if (outcome === 'orphaned') {
          expect(orphanById.get(before.id)).toMatchObject({ text: before.text, start: before.start, end: before.end });
          const holder = scenario.absorbedBy?.[String(i)];
          if (holder === undefined) {
            expect(added[0]!.detail).toBe('revision 2: not found in the new text');
            expect(outcomeOf.absorbedBy).toBeUndefined();
          } else {
            expect(added[0]!.detail).toMatch(/^revision 2: not found on its own; its words are now part of “/);
            expect(outcomeOf.absorbedBy).toBe(old[holder]!.id);
          }
        }
      });
    });

    it('brings new sentences in unchecked, with fresh ids and no history', () => {
      const fresh = result.claims.filter((c) => !old.some((o) => o.id === c.id));
      expect(fresh).toHaveLength(scenario.added);
      for (const c of fresh) {
        expect(c.verdict.status).toBe('unchecked');
        expect(c.verdict.note).toBe('');
        expect(c.history).toEqual([]);
        expect(c.changed).toBeUndefined();
      }
    });
  });
});
