// Changes to the facts of one claim, as pure functions: a verdict on a fact, a fact
// added from words the checker selected, a fact removed. Each appends one `fact`
// entry to the claim's history naming the fact (history is the claim's one record),
// and throws a UserError with the sentence to show when a rule refuses it. The
// verdict rules are the claim's own (checkVerdictRules), worded for a fact.
import type { VerdictPatch } from '../contract';
import { UserError } from '../errors';
import { UNCHECKED, type Claim, type Fact, type HistoryEntry, type Verdict } from '../model';
import { checkVerdictRules, definedFields, diffVerdict, quoteShort } from '../verdicts';
import { factsOf, storedFacts, type ShownFact } from './fold';

export interface FactEdit {
  claim: Claim;
  warnings: string[];
}

/** The fact `factId` of the claim as shown; refused when the claim has no such fact (removed, or re-extracted since). */
export function findFact(claim: Claim, factId: string): ShownFact {
  const fact = factsOf(claim).find((f) => f.id === factId);
  if (!fact) throw new UserError('That fact is no longer in the claim: it was removed or the claim changed, perhaps in another window.', 'not-found');
  return fact;
}

/**
 * A verdict patch on one fact. A fact not stored yet is stored under `newId` (its
 * computed id only named the span). A patch that changes nothing returns the claim
 * as it was (same object), so a repeated save writes nothing. `restoreChange`: an undo
 * puts back the “changed since checked” flag the ruling it takes back had cleared.
 */
export function markFact(claim: Claim, factId: string, patch: VerdictPatch, who: string, at: string, newId: () => string, restoreChange?: Fact['changed']): FactEdit {
  const fact = findFact(claim, factId);
  const verdict: Verdict = { ...fact.verdict, ...definedFields({ ...patch, correction: undefined }), checker: who, updatedAt: at };
  const changes = diffVerdict(fact.verdict, verdict);
  if (changes.length === 0) return { claim, warnings: [] };
  const rules = checkVerdictRules(verdict, 'fact');
  if (rules.errors.length > 0) throw new UserError(rules.errors[0]!);
  const { stored: _, changed, ...record } = fact;
  const id = fact.stored ? fact.id : newId();
  // Ruling on the new words of a fact a revision changed is what the flag asked for.
  const next: Fact = { ...record, id, verdict, ...(restoreChange ? { changed: restoreChange } : {}) };
  const detail = changed ? `; it was checked as “${quoteShort(changed.previousText)}”` : '';
  const entry = factEntry(next, who, at, `fact “${quoteShort(next.text)}”${detail}`, changes);
  return { claim: withRecord(claim, fact, next, entry), warnings: rules.warnings };
}

/**
 * Words of the claim (offsets into its text) made a fact. Leading and trailing spaces
 * and punctuation are left out; words that overlap a fact already shown are refused
 * (one word is one fact), so are words outside the claim.
 */
export function addFact(claim: Claim, start: number, end: number, who: string, at: string, id: string): Claim {
  if (start < 0 || end > claim.text.length || end <= start) throw new UserError('A fact must be words inside the claim.');
  while (start < end && /[\s,.;:!?“”"‘’()]/.test(claim.text[start]!)) start++;
  while (end > start && /[\s,.;:!?“”"‘’()]/.test(claim.text[end - 1]!)) end--;
  if (end <= start) throw new UserError('Choose at least one word to make a fact.');
  const clash = factsOf(claim).find((f) => f.start < end && start < f.end);
  if (clash) throw new UserError(`Those words overlap the fact “${quoteShort(clash.text, 40)}”: remove it first, or choose other words.`);
  const fact: Fact = { id, start, end, kind: 'words', text: claim.text.slice(start, end), verdict: { ...UNCHECKED } };
  // A span the checker removed earlier is replaced by the new selection, not kept beside it.
  const kept = storedFacts(claim).filter((f) => !(f.removed && f.start < end && start < f.end));
  const entry = factEntry(fact, who, at, `fact “${quoteShort(fact.text)}” added`);
  return { ...claim, facts: [...kept, fact].sort((a, b) => a.start - b.start), history: [...claim.history, entry] };
}

/**
 * The fact is no longer shown or counted. Its record stays, marked removed, so an
 * extracted span does not come back and a verdict on it is not lost; the entry names
 * what it was.
 */
export function removeFact(claim: Claim, factId: string, who: string, at: string, newId: () => string): Claim {
  const fact = findFact(claim, factId);
  const { stored: _, ...record } = fact;
  const next: Fact = { ...record, id: fact.stored ? fact.id : newId(), removed: true };
  const was = fact.verdict.status === 'unchecked' ? '' : ` (it was ${fact.verdict.status})`;
  const entry = factEntry(next, who, at, `fact “${quoteShort(fact.text)}” removed${was}`);
  return withRecord(claim, fact, next, entry);
}

/**
 * A fact the checker removed, back with its verdict, note and sources (how an undo
 * takes back a removal; facts:add would start it afresh). Named by its words' place:
 * refused when no removed fact is there, or a fact shown since overlaps it.
 */
export function restoreFact(claim: Claim, start: number, end: number, who: string, at: string): FactEdit & { factId: string } {
  const record = storedFacts(claim).filter((f) => f.removed && f.start === start && f.end === end).at(-1);
  if (!record) throw new UserError('That fact is no longer in the claim: it was removed or the claim changed, perhaps in another window.', 'not-found');
  const clash = factsOf(claim).find((f) => f.start < end && start < f.end);
  if (clash) throw new UserError(`Those words overlap the fact “${quoteShort(clash.text, 40)}”: remove it first, or choose other words.`);
  const { removed: _, ...next } = record;
  const was = record.verdict.status === 'unchecked' ? '' : ` (${record.verdict.status})`;
  const entry = factEntry(next, who, at, `fact “${quoteShort(record.text)}” restored${was}`);
  return { claim: withRecord(claim, { ...record, stored: true }, next, entry), warnings: [], factId: record.id };
}

/** The claim with `fact`'s record replaced by (or, for a computed fact, added as) `next`. */
function withRecord(claim: Claim, fact: ShownFact, next: Fact, entry: HistoryEntry): Claim {
  const records = storedFacts(claim);
  const facts = fact.stored ? records.map((f) => (f.id === fact.id ? next : f)) : [...records, next].sort((a, b) => a.start - b.start);
  return { ...claim, facts, history: [...claim.history, entry] };
}

function factEntry(fact: Fact, by: string, at: string, detail: string, changes: HistoryEntry['changes'] = []): HistoryEntry {
  return { at, by, kind: 'fact', changes, detail, fact: { id: fact.id, text: fact.text } };
}


/** `claim` holding exactly `facts` as its stored facts (none when undefined). */
export function withFacts(claim: Claim, facts: Claim['facts']): Claim {
  const { facts: _dropped, ...rest } = claim;
  return facts ? { ...rest, facts } : rest;
}
