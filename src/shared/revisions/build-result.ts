// The result of an assignment: each old record carried over (with a history
// entry when it moved, changed or may be a lookalike, and the "changed since
// checked" flag on a checked claim), or kept as an orphan; new segments arrive
// unchecked; words left uncovered get a segment; the report counts claims.
// "Moved" means relocated relative to the other claims (outside the longest run
// kept in order); offsets shifted by edits elsewhere are not a move and write no
// history. A claim found unchanged in place, and sure, gets no history entry.
import { completePartition } from '../article-segments';
import { describeRange } from '../claim-edits';
import { UNCHECKED, type Claim, type ClaimChange, type HistoryEntry, type SetAsideSegment } from '../model';
import { hasVerdict, quoteShort } from '../verdicts';
import { inOrder, isTaken, type Assignment } from './assignment';
import { judgeOf, type Unsure } from './confidence';
import type { Anchorable, Outcome, ReanchorReport, ReanchorResult, RevisionContext } from './types';
import { changedFacts, describeFacts } from './word-diff';
import { carryFacts } from '../facts/reanchor';

export function buildResult(a: Assignment, { newRevisionId, at, by, options }: RevisionContext): ReanchorResult {
  const rev = `revision ${options.revisionNumber ?? newRevisionId}`;
  const entry = (detail: string): HistoryEntry => ({ at, by, kind: 'reanchor', changes: [], detail: `${rev}: ${detail}` });
  const report: ReanchorReport = { unchanged: 0, moved: 0, changed: 0, orphaned: 0, added: 0, unsure: 0, outcomes: [] };
  const claims: Claim[] = [];
  const setAside: SetAsideSegment[] = [];
  const orphans: Claim[] = [];
  // The report counts claims; set-aside segments are carried along without being counted.
  const count = (old: Anchorable, outcome: Outcome, unsure?: Unsure) => {
    if (isSetAside(old)) return;
    report[outcome]++;
    if (unsure) report.unsure++;
  };
  const place = (record: Claim, kind: SetAsideSegment['setAside'] | undefined) => {
    if (kind === undefined) claims.push(record);
    else setAside.push({ ...record, setAside: kind });
  };
  /** The flag a checked claim carries: set when its words changed or its match is unsure; kept until confirmed. */
  const flagOf = (old: Anchorable, text: string, unsure: Unsure | undefined): ClaimChange | undefined => {
    if (!unsure && text === old.text) return old.changed; // as it was
    if (!old.changed && !hasVerdict(old.verdict)) return undefined; // unchecked: nothing to review
    const previousText = old.changed?.previousText ?? old.text;
    if (unsure) return { previousText, revisionId: newRevisionId, at, confidence: unsure.confidence };
    const confidence = old.changed?.confidence; // an earlier doubt stands until confirmed
    if (previousText === text && !confidence) return undefined; // edited back to the wording that was checked
    return { previousText, revisionId: newRevisionId, at, ...(confidence ? { confidence } : {}) };
  };
  const kept = inOrder(a);
  const judge = judgeOf(a);

  a.records.forEach((old, o) => {
    const t = a.targets[o];
    if (!t) {
      // Set-aside text that nobody ruled on leaves with its words; anything with a record stays an orphan.
      if (isSetAside(old) && !hasVerdict(old.verdict) && old.history.length === 0) return;
      const absorbed = a.candidatesOf.get(o)?.filter((c) => a.owner[c.cand] !== -1).sort((x, y) => y.q - x.q)[0];
      const holder = absorbed ? a.records[a.owner[absorbed.cand]!] : undefined;
      const detail = absorbed ? `not found on its own; its words are now part of “${quoteShort(a.segments[absorbed.cand]!.text)}”` : 'not found in the new text';
      const { setAside: _, ...claim } = old as SetAsideSegment;
      orphans.push({ ...claim, history: [...old.history, entry(detail)] });
      count(old, 'orphaned');
      report.outcomes.push({ claimId: old.id, outcome: 'orphaned', ...(holder ? { absorbedBy: holder.id } : {}) });
      return;
    }
    const here = t.index >= 0 ? a.segments[t.index]! : undefined;
    const { setAside: freshKind, ...base } = here ?? { ...describeRange(a.newText, t.start, t.end, old.section), setAside: undefined };
    // A checker's call (set aside, or promoted) outlives the revision; otherwise the new extraction decides.
    const kind = checkerDecided(old) ? (isSetAside(old) ? old.setAside : undefined) : freshKind;
    const moved = !kept.has(o);
    const unsure = judge(o, moved);
    const confirm = unsure ? `; please confirm: ${unsure.why}` : '';
    const claim: Claim = { ...base, id: old.id, verdict: old.verdict, history: old.history };
    // The facts the checker ruled on follow the claim; a changed number is flagged on its fact.
    const carried = carryFacts(old, base, { revisionId: newRevisionId, at, by, label: rev });
    if (carried.facts) claim.facts = carried.facts;
    const flag = flagOf(old, base.text, unsure);
    if (flag) claim.changed = flag;
    const confidence = unsure ? { confidence: unsure.confidence } : {};
    if (base.text === old.text) {
      const outcome = moved ? 'moved' : 'unchanged';
      if (moved || unsure) claim.history = [...old.history, entry(`${moved ? 'moved, ' : ''}matched exactly${confirm}`)];
      count(old, outcome, unsure);
      report.outcomes.push({ claimId: old.id, outcome, method: t.method, similarity: 1, ...confidence });
      place(claim, kind);
      return;
    }
    const facts = changedFacts(old, base);
    const similarity = Math.round(t.similarity * 100) / 100;
    const how = `${moved ? 'moved and ' : ''}matched approximately (similarity ${similarity.toFixed(2)})`;
    const factNote = facts.length > 0 ? `; ${describeFacts(facts)}` : '';
    claim.history = [...old.history, entry(`${how}; was “${old.text}”${factNote}${confirm}`), ...carried.entries];
    count(old, 'changed', unsure);
    report.outcomes.push({ claimId: old.id, outcome: 'changed', method: t.method, similarity, facts, ...confidence });
    place(claim, kind);
  });

  a.segments.forEach((s, i) => {
    if (isTaken(a, i)) return;
    const { setAside: kind, ...fresh } = s;
    place({ ...fresh, id: options.newId(), verdict: { ...UNCHECKED }, history: [] }, kind);
    if (kind === undefined) report.added++;
  });
  // Words left between a checker's own spans and the new extraction still get a segment.
  const whole = completePartition(a.newText, { claims, setAside }, options.newId);
  report.added += whole.claims.length - claims.length;
  return { claims: whole.claims.sort((x, y) => x.start - y.start), setAside: whole.setAside.sort((x, y) => x.start - y.start), orphans, report };
}

function isSetAside(record: Anchorable): record is SetAsideSegment {
  return (record as SetAsideSegment).setAside !== undefined;
}

/** The checker set it aside or made it a claim: that choice is theirs, not the extractor's. */
function checkerDecided(record: Anchorable): boolean {
  return record.history.some((h) => h.kind === 'set-aside' || h.kind === 'promote');
}
