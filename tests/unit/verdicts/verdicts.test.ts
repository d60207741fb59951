import { describe, expect, it } from 'vitest';
import { UNCHECKED, type Claim } from '../../../src/shared/model';
import { applyVerdictPatch, checkVerdictRules, countByStatus } from '../../../src/shared/verdicts';

function claim(overrides: Partial<Claim> = {}): Claim {
  return {
    id: 'c1',
    text: 'The bridge opened in 1932.',
    start: 0,
    end: 26,
    section: 'body',
    labels: ['date'],
    spans: [],
    score: 0.7,
    verdict: UNCHECKED,
    history: [],
    ...overrides,
  };
}

describe('verdict rules', () => {
  it('refuses a disputed claim without a note, and a whitespace note', () => {
    expect(checkVerdictRules({ status: 'disputed', note: '', sourceIds: [] }).errors).toHaveLength(1);
    expect(checkVerdictRules({ status: 'disputed', note: '  \n ', sourceIds: [] }).errors[0]).toMatch(/needs a note/);
    expect(checkVerdictRules({ status: 'disputed', note: 'Opened in 1933.', sourceIds: [] }).errors).toEqual([]);
  });

  it('refuses a sourced claim without a source', () => {
    expect(checkVerdictRules({ status: 'sourced', note: 'From the interview.', sourceIds: [] }).errors[0]).toMatch(/at least one/);
    expect(checkVerdictRules({ status: 'sourced', note: '', sourceIds: ['s1'] }).errors).toEqual([]);
  });

  it('lets verified without a source through, with a warning', () => {
    const result = checkVerdictRules({ status: 'verified', note: '', sourceIds: [] });
    expect(result.errors).toEqual([]);
    expect(result.warnings[0]).toMatch(/without a cited source/);
    expect(checkVerdictRules({ status: 'verified', note: '', sourceIds: ['s1'] }).warnings).toEqual([]);
  });
});

describe('applying a verdict', () => {
  it('records who changed what, and when, in the history', () => {
    const next = applyVerdictPatch(claim(), { status: 'disputed', note: 'It opened in 1933.' }, 'Ana', '2026-01-02T03:04:05.000Z');
    expect(next.verdict).toMatchObject({ status: 'disputed', note: 'It opened in 1933.', checker: 'Ana', updatedAt: '2026-01-02T03:04:05.000Z' });
    expect(next.history).toEqual([
      {
        at: '2026-01-02T03:04:05.000Z',
        by: 'Ana',
        kind: 'verdict',
        changes: [
          { field: 'status', from: 'unchecked', to: 'disputed' },
          { field: 'note', from: '', to: 'It opened in 1933.' },
        ],
      },
    ]);
  });

  it('appends, never rewrites, the history', () => {
    const first = applyVerdictPatch(claim(), { status: 'verified', sourceIds: ['s1'] }, 'Ana', '2026-01-01T00:00:00.000Z');
    const second = applyVerdictPatch(first, { status: 'disputed', note: 'New evidence.' }, 'Ben', '2026-01-02T00:00:00.000Z');
    expect(second.history).toHaveLength(2);
    expect(second.history[0]).toEqual(first.history[0]);
    expect(second.history[1]!.by).toBe('Ben');
    expect(second.verdict.sourceIds).toEqual(['s1']);
  });

  it('changes nothing for a patch that changes nothing', () => {
    const marked = applyVerdictPatch(claim(), { status: 'verified' }, 'Ana', '2026-01-01T00:00:00.000Z');
    expect(applyVerdictPatch(marked, { status: 'verified' }, 'Ben', '2026-01-03T00:00:00.000Z')).toBe(marked);
  });

  it('drops duplicate source ids', () => {
    const next = applyVerdictPatch(claim(), { sourceIds: ['s1', 's1', 's2'] }, 'Ana', '2026-01-01T00:00:00.000Z');
    expect(next.verdict.sourceIds).toEqual(['s1', 's2']);
  });

  it('counts claims by status', () => {
    const marked = applyVerdictPatch(claim(), { status: 'verified' }, 'Ana', '2026-01-01T00:00:00.000Z');
    expect(countByStatus([claim(), marked, claim()])).toEqual({ unchecked: 2, verified: 1, disputed: 0, sourced: 0 });
  });
});

describe('a verdict on a claim whose wording changed since it was checked', () => {
  const changed = { previousText: 'The bridge opened in 1931.', revisionId: 'r2', at: '2026-01-05T00:00:00.000Z' };
  const flagged = claim({
    verdict: { status: 'verified', note: 'Opening records.', correction: '', sourceIds: [], checker: 'Ana', updatedAt: '2026-01-01T00:00:00.000Z' },
    changed,
  });

  it('clears the flag, and the entry says the verdict was given on the new wording', () => {
    const next = applyVerdictPatch(flagged, { status: 'disputed', note: 'It opened in 1933.' }, 'Ben', '2026-01-06T00:00:00.000Z');
    expect(next.changed).toBeUndefined();
    expect('changed' in next).toBe(false);
    expect(next.history.at(-1)).toEqual({
      at: '2026-01-06T00:00:00.000Z',
      by: 'Ben',
      kind: 'verdict',
      changes: [
        { field: 'status', from: 'verified', to: 'disputed' },
        { field: 'note', from: 'Opening records.', to: 'It opened in 1933.' },
      ],
      detail: 'verdict given on the new wording; it was checked as “The bridge opened in 1931.”',
    });
  });

  it('keeps the flag and writes nothing for a patch that changes nothing', () => {
    expect(applyVerdictPatch(flagged, { status: 'verified', note: 'Opening records.' }, 'Ben', '2026-01-06T00:00:00.000Z')).toBe(flagged);
  });

  it('quotes a long checked wording briefly', () => {
    const previousText = `The bridge, ${'long and narrow, '.repeat(10)}opened in 1931.`;
    const next = applyVerdictPatch(claim({ changed: { ...changed, previousText } }), { note: 'Looked again.' }, 'Ben', '2026-01-06T00:00:00.000Z');
    const detail = next.history.at(-1)!.detail!;
    expect(detail).toContain(`“${previousText.slice(0, 79)}…”`);
    expect(detail).not.toContain('opened in 1931');
  });

  it('an unflagged claim gets no detail', () => {
    expect(applyVerdictPatch(claim(), { status: 'verified' }, 'Ana', '2026-01-06T00:00:00.000Z').history.at(-1)).not.toHaveProperty('detail');
  });

  it('an undo of the verdict that cleared the flag puts the flag back, and a redo clears it again', () => {
    const ruled = applyVerdictPatch(flagged, { status: 'disputed', note: 'It opened in 1933.' }, 'Ben', '2026-01-06T00:00:00.000Z');
    const undone = applyVerdictPatch(ruled, { status: 'verified', note: 'Opening records.' }, 'Ben', '2026-01-06T00:01:00.000Z', changed);
    expect(undone.verdict).toMatchObject({ status: 'verified', note: 'Opening records.' });
    expect(undone.changed).toEqual(changed);
    expect(undone.history.at(-1)!.detail).toBe('undone; flagged again as changed since it was checked as “The bridge opened in 1931.”');
    const redone = applyVerdictPatch(undone, { status: 'disputed', note: 'It opened in 1933.' }, 'Ben', '2026-01-06T00:02:00.000Z');
    expect(redone.changed).toBeUndefined();
    expect(redone.history).toHaveLength(3);
  });
});
