// The fold that every replica runs: same events in any order, same verdict, same
// disagreements, same lock.
import { describe, expect, it } from 'vitest';
import type { DeskEvent, VerdictEvent } from '../../../src/backend/desk/desk-events';
import { revisionOf } from '../../../src/backend/desk/desk-events';
import { foldClaim, foldLock } from '../../../src/backend/desk/fold';

const A = 'abcdefgh1234';
function verdict(id: string, by: string, at: string, status: VerdictEvent['verdict']['status'], basedOn: string[] = []): VerdictEvent {
  return { _id: `${A}:c1:${id}`, type: 'verdict', articleId: A, claimId: 'c1', by, at, verdict: { status, note: '', correction: '', sourceIds: [] }, basedOn: basedOn.map((b) => `${A}:c1:${b}`) };
}

describe('foldClaim', () => {
  it('takes a correction built on an earlier verdict as the verdict, with no disagreement', () => {
    const fold = foldClaim([verdict('1', 'ann', '2026-01-01T10:00:00.000Z', 'verified'), verdict('2', 'bob', '2026-01-01T09:00:00.000Z', 'disputed', ['1'])]);
    // bob saw ann's verdict, so his wins even with an earlier clock: causality, not timestamps.
    expect(fold.current?.by).toBe('bob');
    expect(fold.disagreement).toEqual([]);
  });

  it('makes two verdicts that did not see each other a disagreement, the same in any order', () => {
    const events = [verdict('1', 'ann', '2026-01-01T10:00:00.000Z', 'verified'), verdict('2', 'bob', '2026-01-01T10:05:00.000Z', 'disputed')];
    const one = foldClaim(events);
    const other = foldClaim([...events].reverse());
    expect(one.disagreement.map((e) => e.by)).toEqual(['ann', 'bob']);
    expect(other.disagreement.map((e) => e.by)).toEqual(['ann', 'bob']);
    expect(one.current?._id).toBe(other.current?._id);
  });

  it('does not call two identical verdicts a disagreement', () => {
    const fold = foldClaim([verdict('1', 'ann', '2026-01-01T10:00:00.000Z', 'verified'), verdict('2', 'bob', '2026-01-01T10:05:00.000Z', 'verified')]);
    expect(fold.heads).toHaveLength(2);
    expect(fold.disagreement).toEqual([]);
  });

  it('settles a disagreement with a verdict based on both sides', () => {
    const fold = foldClaim([
      verdict('1', 'ann', '2026-01-01T10:00:00.000Z', 'verified'),
      verdict('2', 'bob', '2026-01-01T10:05:00.000Z', 'disputed'),
      verdict('3', 'eve', '2026-01-01T11:00:00.000Z', 'verified', ['1', '2']),
    ]);
    expect(fold.disagreement).toEqual([]);
    expect(fold.current?.by).toBe('eve');
  });
});

describe('foldLock', () => {
  it('is locked by a sign-off until a later unlock', () => {
    const lock = (id: string, type: 'signoff' | 'unlock', at: string): DeskEvent => ({ _id: `${A}:-:${id}`, type, articleId: A, by: 'eve', at });
    expect(foldLock([lock('1', 'signoff', '2026-01-01T10:00:00.000Z')]).locked).toBe(true);
    expect(foldLock([lock('2', 'unlock', '2026-01-02T10:00:00.000Z'), lock('1', 'signoff', '2026-01-01T10:00:00.000Z')]).locked).toBe(false);
  });
});

it('gives an event the same revision on every replica, whatever its key order', () => {
  const event = verdict('1', 'ann', '2026-01-01T10:00:00.000Z', 'verified');
  const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(event).reverse()))) as VerdictEvent;
  expect(revisionOf(reordered)).toBe(revisionOf(event));
  expect(revisionOf({ ...event, at: '2026-01-01T10:00:01.000Z' })).not.toBe(revisionOf(event));
});
