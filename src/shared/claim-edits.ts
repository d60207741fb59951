// Re-segmentation by the checker: split a claim at an offset, merge two
// neighbours. Pure: the handler loads, calls these, and saves. Nothing a checker
// wrote is lost: the old verdicts stay in the claims' history.
import { describeSegment } from './extract';
import { findSpeaker } from './extract/labels';
import { scoreFacts } from './extract/checkworthy';
import { cutNote, mergeFacts, splitFacts } from './facts/split-merge';
import { UNCHECKED, type Claim, type ClaimChange, type FieldChange, type HistoryEntry, type Section, type SetAsideSegment, type Verdict } from './model';
import { UserError } from './errors';
import { hasVerdict, quoteShort } from './verdicts';

/** Labels, spans and score for an arbitrary range of the article text. */
export function describeRange(text: string, start: number, end: number, section: Section) {
  const described = describeSegment(text, start, end, section);
  const { labels } = described;
  const speaker = labels.includes('quote') || labels.includes('attribution') ? findSpeaker(described.text) : undefined;
  return { ...described, ...(speaker !== undefined ? { speaker } : {}) };
}

/** Trims whitespace from both ends of [start, end) in `text`. */
function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}

/** For a history entry: the wording a flagged claim's verdict was given on. */
function changedNote(claims: readonly Claim[]): string {
  const previous = claims.filter((c) => c.changed).map((c) => `“${quoteShort(c.changed!.previousText)}”`);
  return previous.length > 0 ? `; its wording had changed since it was checked as ${previous.join(' and ')}` : '';
}

function resetChanges(verdict: Verdict): FieldChange[] {
  const changes: FieldChange[] = [];
  if (verdict.status !== 'unchecked') changes.push({ field: 'status', from: verdict.status, to: 'unchecked' });
  if (verdict.note) changes.push({ field: 'note', from: verdict.note, to: '' });
  if (verdict.correction) changes.push({ field: 'correction', from: verdict.correction, to: '' });
  if (verdict.sourceIds.length) changes.push({ field: 'sourceIds', from: verdict.sourceIds, to: [] });
  return changes;
}

/**
 * Splits `claim` at article offset `at` into two claims. A verdict on the whole
 * no longer says anything about each half, so both halves start unchecked; the
 * old verdict is kept in each half's history (the split entry records it). With
 * no verdict left there is nothing to re-check, so a “changed since checked”
 * flag is not carried over; the entry names the wording that was checked.
 * Facts are about words, not the whole: each goes with the part that holds its
 * words (src/shared/facts/split-merge.ts), verdict and all.
 */
export function splitClaim(text: string, claim: Claim, at: number, ids: [string, string], by: string, when: string): [Claim, Claim] {
  // A split before ", officials said" leaves the comma with the first half, not leading the second.
  let from = at;
  while (from < claim.end && /[\s,;:]/.test(text[from]!)) from++;
  const [aStart, aEnd] = trimRange(text, claim.start, from);
  const [bStart, bEnd] = trimRange(text, from, claim.end);
  if (aEnd <= aStart || bEnd <= bStart) {
    throw new UserError('A claim can only be split between two non-empty parts.');
  }
  const facts = splitFacts(claim, [
    { start: aStart, end: aEnd },
    { start: bStart, end: bEnd },
  ]);
  const entry: HistoryEntry = {
    at: when,
    by,
    kind: 'split',
    changes: resetChanges(claim.verdict),
    detail: `split from “${claim.text}”${changedNote([claim])}${cutNote(facts.cut)}`,
  };
  const half = (id: string, start: number, end: number, carried: Claim['facts']): Claim => ({
    ...describeRange(text, start, end, claim.section),
    id,
    verdict: { ...UNCHECKED },
    history: [...claim.history, entry],
    ...(carried ? { facts: carried } : {}),
  });
  return [half(ids[0], aStart, aEnd, facts.parts[0]), half(ids[1], bStart, bEnd, facts.parts[1])];
}

/**
 * Merges two neighbouring claims. Both histories are kept, in time order. When
 * both had the same status the merged claim keeps it, with both notes and the
 * union of sources; otherwise it is unchecked again and the merge entry records
 * what each one was. A kept verdict still rests on the wording that was
 * checked, so a “changed since checked” flag on either claim stays on the
 * merged one, naming both checked wordings; an unchecked merge has none to keep.
 * The facts of both claims are kept, with their verdicts.
 */
export function mergeClaims(text: string, first: Claim, second: Claim, id: string, by: string, when: string): Claim {
  if (second.start < first.end) throw new UserError('Only a claim and the one after it can be merged.');
  if (text.slice(first.end, second.start).includes('\n') || first.section !== second.section) {
    throw new UserError('Claims in different paragraphs cannot be merged.');
  }
  const same = first.verdict.status === second.verdict.status;
  const joinText = (a: string, b: string) => [a, b].filter(Boolean).join('\n');
  const verdict: Verdict = same
    ? {
        status: first.verdict.status,
        note: joinText(first.verdict.note, second.verdict.note),
        correction: joinText(first.verdict.correction, second.verdict.correction),
        sourceIds: [...new Set([...first.verdict.sourceIds, ...second.verdict.sourceIds])],
        checker: by,
        updatedAt: when,
      }
    : { ...UNCHECKED };
  const entry: HistoryEntry = {
    at: when,
    by,
    kind: 'merge',
    changes: same ? [] : [...resetChanges(first.verdict), ...resetChanges(second.verdict)],
    detail: `merged “${first.text}” (${first.verdict.status}) with “${second.text}” (${second.verdict.status})${changedNote([first, second])}`,
  };
  const history = [...first.history, ...second.history].sort((a, b) => a.at.localeCompare(b.at));
  const changed = hasVerdict(verdict) ? mergedChange(first, second) : undefined;
  const facts = mergeFacts(first, second, first.start);
  return {
    ...describeRange(text, first.start, second.end, first.section),
    id,
    verdict,
    history: [...history, entry],
    ...(changed ? { changed } : {}),
    ...(facts ? { facts } : {}),
  };
}

/** The flag for a merge of two claims, either of which may be flagged: the wordings checked, and the latest revision. */
function mergedChange(first: Claim, second: Claim): ClaimChange | undefined {
  const flags = [first.changed, second.changed].filter((c): c is ClaimChange => c !== undefined);
  if (flags.length === 0) return undefined;
  const latest = flags.reduce((a, b) => (b.at > a.at ? b : a));
  const previousText = [first, second].map((c) => c.changed?.previousText ?? c.text).join(' ');
  // A doubt about where either half landed ("moved: please confirm") stays with the merged claim.
  const confidence = flags.find((c) => c.confidence)?.confidence;
  return { previousText, revisionId: latest.revisionId, at: latest.at, ...(confidence ? { confidence } : {}) };
}

/** Why a set-aside segment or a claim moved between the two lists, for its history. */
const SET_ASIDE_WORDS: Record<SetAsideSegment['setAside'], string> = {
  subheading: 'a label heading',
  credit: 'a credit',
  furniture: 'page furniture',
  'list-marker': 'a list marker',
  'speaker-label': 'a speaker label',
  timestamp: 'a time stamp',
  reference: 'a reference',
  contents: 'the table of contents',
  comment: 'a reader’s comment',
  'not-a-claim': 'not a claim',
};

export function setAsideWords(kind: SetAsideSegment['setAside']): string {
  return SET_ASIDE_WORDS[kind];
}

/**
 * The checker's call that a claim is no claim: it keeps its verdict and history, and says
 * so. `kind` is "not a claim" unless an undo puts back what the text was set aside as.
 */
export function setClaimAside(claim: Claim, by: string, when: string, kind: SetAsideSegment['setAside'] = 'not-a-claim'): SetAsideSegment {
  const entry: HistoryEntry = { at: when, by, kind: 'set-aside', changes: [], detail: `set aside as ${setAsideWords(kind)} (it was ${claim.verdict.status})` };
  // Set-aside text never ranks above a claim; promoted again, it is scored as a claim again.
  return { ...claim, score: scoreFacts(claim, kind), history: [...claim.history, entry], setAside: kind };
}

/** The checker's call that set-aside text is a claim after all: it comes back with what it had. */
export function promoteSegment(segment: SetAsideSegment, by: string, when: string): Claim {
  const { setAside: kind, ...claim } = segment;
  const entry: HistoryEntry = { at: when, by, kind: 'promote', changes: [], detail: `made a claim (it was set aside as ${setAsideWords(kind)})` };
  return { ...claim, score: scoreFacts(claim), history: [...claim.history, entry] };
}

/** A claim whose changed wording the checker confirmed: the flag cleared, the wording it was checked as on record. */
export function confirmClaim(claim: Claim, by: string, at: string): Claim {
  if (!claim.changed) return claim;
  const { changed, ...rest } = claim;
  const detail = changed.confidence
    ? `confirmed this is the claim checked as “${changed.previousText}”`
    : `confirmed the new wording; it was checked as “${changed.previousText}”`;
  return { ...rest, history: [...claim.history, { at, by, kind: 'confirm', changes: [], detail }] };
}
