// Facts follow their claim into a new revision. Offsets are relative to the claim,
// so a claim whose words did not change keeps its facts as they are. When the words
// changed, each stored fact is looked for in the new wording:
//   1. the same words, nearest to where they were (in proportion to the claim);
//   2. else, for a number, date or name, the value the revision put in its place
//      (changedFacts pairs “1,200” → “1,400”): the fact moves onto the new value and,
//      if it was checked, is flagged “changed since checked” until ruled on again;
//   3. else it is gone, and the claim's history says so with its verdict.
// Nothing is dropped silently: every move onto new words and every loss is an entry.
import type { Claim, Fact, HistoryEntry } from '../model';
import { changedFacts } from '../revisions/word-diff';
import { hasVerdict, quoteShort } from '../verdicts';
import { storedFacts } from './fold';

export interface FactRevision {
  revisionId: string;
  at: string;
  by: string;
  /** “revision 2”, for the entries. */
  label: string;
}

type Wording = Pick<Claim, 'text' | 'start' | 'spans'>;

/** The facts `old` stored, placed in `next` (its new wording), and the history entries that say what happened to them. */
export function carryFacts(old: Claim, next: Wording, rev: FactRevision): { facts: Fact[] | undefined; entries: HistoryEntry[] } {
  const records = storedFacts(old);
  if (records.length === 0 || old.text === next.text) return { facts: old.facts, entries: [] };
  const changes = changedFacts({ text: old.text, spans: relative(old) }, { text: next.text, spans: relative(next) });
  const placed: Fact[] = [];
  const entries: HistoryEntry[] = [];
  const entry = (fact: Fact, detail: string): HistoryEntry => ({
    at: rev.at,
    by: rev.by,
    kind: 'fact',
    changes: [],
    detail: `${rev.label}: fact “${quoteShort(fact.text)}” ${detail}`,
    fact: { id: fact.id, text: fact.text },
  });
  const free = (start: number, end: number) => !placed.some((f) => f.start < end && start < f.end);
  const expected = (fact: Fact) => Math.round((fact.start * next.text.length) / Math.max(1, old.text.length));

  for (const fact of records) {
    const same = nearest(next.text, fact.text, expected(fact), free);
    if (same >= 0) {
      placed.push({ ...fact, start: same, end: same + fact.text.length });
      continue;
    }
    const replaced = changes.find((c) => c.from === fact.text && c.to !== null);
    const at = replaced ? nearest(next.text, replaced.to!, expected(fact), free) : -1;
    if (replaced && at >= 0) {
      const checked = !fact.removed && (hasVerdict(fact.verdict) || fact.changed !== undefined);
      const moved: Fact = { ...fact, start: at, end: at + replaced.to!.length, text: replaced.to! };
      if (checked) moved.changed = { previousText: fact.changed?.previousText ?? fact.text, revisionId: rev.revisionId, at: rev.at };
      placed.push(moved);
      if (!fact.removed) entries.push(entry(fact, `is now “${quoteShort(replaced.to!)}”${checked ? `; changed since it was checked (${fact.verdict.status})` : ''}`));
      continue;
    }
    // Gone from the wording: a removed span needs no word; a fact with a verdict leaves it in the history.
    if (!fact.removed && hasVerdict(fact.verdict)) {
      const note = fact.verdict.note ? `, note “${quoteShort(fact.verdict.note)}”` : '';
      entries.push(entry(fact, `is not in the new wording; it was ${fact.verdict.status}${note}`));
    }
  }
  return { facts: placed.sort((a, b) => a.start - b.start), entries };
}

/** The claim's spans with offsets into its own text (what changedFacts compares). */
function relative(claim: Wording) {
  return claim.spans.map((s) => ({ ...s, start: s.start - claim.start, end: s.end - claim.start }));
}

/** Where `words` occur in `text` nearest to `expected`, in a place still free; -1 if nowhere. */
function nearest(text: string, words: string, expected: number, free: (start: number, end: number) => boolean): number {
  let best = -1;
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    if (!free(at, at + words.length) || !wholeWords(text, at, at + words.length)) continue;
    if (best < 0 || Math.abs(at - expected) < Math.abs(best - expected)) best = at;
  }
  return best;
}

/** Not a piece of a longer word or number: “200” is not found inside “1,200”. */
function wholeWords(text: string, start: number, end: number): boolean {
  const inWord = /[\p{L}\p{N}]/u;
  const before = text[start - 1];
  const after = text[end];
  const joined = (c: string | undefined, next: string | undefined) => c !== undefined && (inWord.test(c) || (/[.,]/.test(c) && next !== undefined && /\p{N}/u.test(next)));
  return !joined(before, text[start - 2]) && !joined(after, text[end + 1]);
}
