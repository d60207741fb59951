// Re-anchoring beyond the scenario table: repeated revisions, unchecked claims,
// the checker's own splits, repeated sentences, and the word diff the UI shows.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitClaim } from '../../../src/shared/claim-edits';
import { extractClaims, normalizeText } from '../../../src/shared/extract';
import { UNCHECKED, type Claim, type Verdict } from '../../../src/shared/model';
import { anchorOf, changedFacts, reanchorClaims, wordDiff } from '../../../src/shared/revisions';
import { baseText, checkedBaseClaims, idGenerator } from './fixture';

const T2 = '2026-03-02T10:00:00.000Z';
const T3 = '2026-03-03T10:00:00.000Z';

function claimsOf(text: string, verdict: Verdict = { ...UNCHECKED, status: 'verified', checker: 'Ana', updatedAt: T2 }): Claim[] {
  return extractClaims(text).map((c, i) => ({ ...c, id: `c${i}`, verdict: { ...verdict }, history: [] }));
}
const revise = (oldText: string, old: Claim[], newText: string, rev = 'r2', at = T2) =>
  reanchorClaims(oldText, old, newText, rev, at, 'Ben', { newId: idGenerator(rev) });

describe('reanchorClaims', () => {
  it('keeps the oldest checked wording across two revisions, with one history entry per step', () => {
    const t1 = 'The city hired 1,200 workers in 2024. The budget grew to $4 million.';
    const t2 = 'The city hired 1,400 workers in 2024. The budget grew to $4 million.';
    const t3 = 'The city hired 1,450 workers in 2024. The budget grew to $4 million.';
    const r2 = revise(t1, claimsOf(t1), t2);
    const r3 = revise(t2, r2.claims, t3, 'r3', T3);
    const claim = r3.claims[0]!;
    expect(claim.id).toBe('c0');
    expect(claim.changed).toEqual({ previousText: 'The city hired 1,200 workers in 2024.', revisionId: 'r3', at: T3 });
    expect(claim.history.map((h) => h.detail)).toEqual([
      expect.stringMatching(/^revision r2: matched approximately .*number 1,200 → 1,400$/),
      expect.stringMatching(/^revision r3: matched approximately .*number 1,400 → 1,450$/),
    ]);
  });

  it('drops the flag when the wording goes back to what was checked', () => {
    const t1 = 'The city hired 1,200 workers in 2024. The budget grew.';
    const t2 = 'The city hired 1,400 workers in 2024. The budget grew.';
    const r2 = revise(t1, claimsOf(t1), t2);
    expect(r2.claims[0]!.changed).toBeDefined();
    const r3 = revise(t2, r2.claims, t1, 'r3', T3);
    expect(r3.claims[0]!.changed).toBeUndefined();
    expect(r3.claims[0]!.history).toHaveLength(2);
  });

  it('updates an unchecked claim’s wording without flagging it', () => {
    const t1 = 'The city hired 1,200 workers in 2024. The budget grew.';
    const t2 = 'The city hired 1,400 workers in 2024. The budget grew.';
    const r = revise(t1, claimsOf(t1, { ...UNCHECKED }), t2);
    expect(r.claims[0]).toMatchObject({ id: 'c0', text: 'The city hired 1,400 workers in 2024.' });
    expect(r.claims[0]!.changed).toBeUndefined();
    expect(r.report.changed).toBe(1);
  });

  it('keeps a claim the checker split, on the checker’s span', () => {
    const t1 = 'The bridge opened in 1932 and it cost $4 million. Traffic doubled by 1950.';
    const [first] = claimsOf(t1);
    const halves = splitClaim(t1, first!, t1.indexOf(' and'), ['h1', 'h2'], 'Ana', T2);
    const old = [...halves, claimsOf(t1)[1]!];
    const t2 = `A new paragraph comes first.\n${t1}`;
    const r = revise(t1, old, t2);
    expect(r.claims.map((c) => c.text)).toEqual(['A new paragraph comes first.', 'The bridge opened in 1932', 'and it cost $4 million.', 'Traffic doubled by 1950.']);
    expect(r.claims.slice(1, 3).map((c) => c.id)).toEqual(['h1', 'h2']);
    expect(r.report).toMatchObject({ unchanged: 3, added: 1, orphaned: 0 });
  });

  it('matches a repeated sentence to the nearest copy', () => {
    const t1 = 'He declined to comment. The mayor spoke at noon.\nThe council met on Friday. He declined to comment.';
    const t2 = 'He declined to comment. The mayor spoke at noon.\nA new sentence here.\nThe council met on Friday. He declined to comment.';
    const r = revise(t1, claimsOf(t1), t2);
    const ids = r.claims.map((c) => c.id);
    expect(ids).toEqual(['c0', 'c1', 'r20', 'c2', 'c3']);
    expect(r.report).toMatchObject({ unchanged: 4, moved: 0, added: 1 });
  });

  it('finds a sentence that was both moved and edited', () => {
    const text = readFileSync(resolve(import.meta.dirname, '../../fixtures/revisions/base.txt'), 'utf8');
    const t1 = normalizeText(text);
    const sentence = 'Ms. Whitfield said the district would publish a repair schedule by the end of the year.';
    const t2 = t1.replace(`\n${sentence}`, '').replace('It takes effect on July 1.', `It takes effect on July 1. ${sentence.replace('end of the year', 'end of December')}`);
    const old = checkedBaseClaims();
    const r = revise(t1, old, t2);
    const outcome = r.report.outcomes.find((o) => o.claimId === 'c24')!;
    expect(outcome).toMatchObject({ outcome: 'changed', method: 'approximate' });
    expect(r.claims.find((c) => c.id === 'c24')!.history.at(-1)!.detail).toMatch(/^revision r2: moved and matched approximately/);
  });

  it('finds an edited sentence between two long insertions with match_main', () => {
    const filler = (tag: string) =>
      Array.from({ length: 40 }, (_, i) => `The desk added ${tag} sentence number ${i + 1} about a different subject.`).join(' ');
    const a = 'The harbor reopened on Friday after repairs.';
    const b = 'The council approved the budget of the harbor district after a long debate on Monday night.';
    const c = 'Fishermen welcomed the decision.';
    const t1 = `${a}\n${b}\n${c}`;
    const edited = 'The city council approved the budget of the harbor district after a long debate on Monday evening.';
    const t2 = `${a}\n${filler('first')}\n${edited}\n${filler('second')}\n${c}`;
    const r = revise(t1, claimsOf(t1), t2);
    expect(r.report.outcomes.map((o) => o.outcome)).toEqual(['unchanged', 'changed', 'unchanged']);
    expect(r.claims.find((x) => x.id === 'c1')!.text).toBe(edited);
  });

  it('orphans everything when the new text shares nothing, and handles an empty old article', () => {
    const r = revise(baseText, checkedBaseClaims(), 'Completely different words about a marathon in Boston on Monday.');
    expect(r.report).toMatchObject({ unchanged: 0, changed: 0, orphaned: 25, added: 1 });
    const empty = revise('', [], baseText);
    expect(empty.report).toMatchObject({ orphaned: 0, added: 25 });
  });
});

describe('anchorOf', () => {
  it('takes the quote with 32 characters of context each side', () => {
    const a = anchorOf(baseText, 500, 520);
    expect(a.quote).toBe(baseText.slice(500, 520));
    expect(a.prefix).toBe(baseText.slice(468, 500));
    expect(a.suffix).toBe(baseText.slice(520, 552));
    expect(anchorOf('abc', 0, 3)).toMatchObject({ prefix: '', suffix: '' });
  });
});

describe('wordDiff', () => {
  it('diffs whole words and whole numbers', () => {
    expect(wordDiff('The city hired 1,200 workers in 2024.', 'The city hired 1,400 new workers in 2024.')).toEqual([
      { op: 'equal', text: 'The city hired ' },
      { op: 'delete', text: '1,200' },
      { op: 'insert', text: '1,400 new' },
      { op: 'equal', text: ' workers in 2024.' },
    ]);
  });

  it('rebuilds both texts from its parts', () => {
    const a = 'Maria Espinoza, a retired teacher, said her bill had doubled since 2015.';
    const b = 'Maria Espinoza is a retired teacher. She said her bill had doubled.';
    const parts = wordDiff(a, b);
    expect(parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toBe(a);
    expect(parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe(b);
    expect(wordDiff('same', 'same')).toEqual([{ op: 'equal', text: 'same' }]);
    expect(wordDiff('', '')).toEqual([]);
  });
});

describe('changedFacts', () => {
  it('calls out a changed number, date and name, by kind', () => {
    expect(
      changedFacts(
        { text: 'Dr. Evelyn Sato said 1,200 homes flooded on Jan. 4, 2024.' },
        { text: 'Dr. Evelyn Saito said 1,400 homes flooded on Jan. 5, 2024.' },
      ),
    ).toEqual([
      { kind: 'number', from: '1,200', to: '1,400' },
      { kind: 'date', from: 'Jan. 4, 2024', to: 'Jan. 5, 2024' },
      { kind: 'name', from: 'Dr. Evelyn Sato', to: 'Dr. Evelyn Saito' },
    ]);
  });

  it('reports nothing for a typo and a null side for a removed or added fact', () => {
    expect(changedFacts({ text: 'The mayor was reelcted in 2020.' }, { text: 'The mayor was reelected in 2020.' })).toEqual([]);
    expect(changedFacts({ text: 'It cost $4 million.' }, { text: 'It cost a lot.' })).toEqual([{ kind: 'number', from: '$4 million', to: null }]);
  });
});

describe('the revisions core', () => {
  const dir = resolve(import.meta.dirname, '../../../src/shared/revisions');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));

  it('imports no electron, no node:*, no DOM (runs in the renderer too)', () => {
    expect(files).toEqual(expect.arrayContaining(['reanchor.ts', join('passes', 'approximate.ts')]));
    for (const name of files) {
      const source = readFileSync(join(dir, name), 'utf8');
      const specifiers = [...source.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      for (const s of specifiers) expect(s === 'diff-match-patch' || s.startsWith('.'), `${name} imports ${s}`).toBe(true);
      expect(source).not.toMatch(/\b(document|window|process|Buffer)\.\w/);
    }
  });

  it('keeps every module small: strategies as a list, each in its own module', () => {
    for (const name of files) expect(readFileSync(join(dir, name), 'utf8').split('\n').length, name).toBeLessThanOrEqual(150);
  });

  it('never reconfigures the diff-match-patch instance the diffs share', () => {
    const shared = readFileSync(join(dir, 'similarity.ts'), 'utf8');
    expect(shared).not.toMatch(/export function matcher/);
    for (const name of files) expect(readFileSync(join(dir, name), 'utf8'), name).not.toMatch(/matcher\(\)\.|Match_\w+ = .*matcher/);
  });
});
