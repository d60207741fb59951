// The article-level form of the claim edits (claim-edits.ts): a claim replaced by
// its two halves, two neighbours by their merge, a claim moved to the set-aside
// text and back. Shared by the handlers and by the desk's replay of another
// member's edit (src/backend/desk/replay-edits.ts), so both give the same article.
import { mergeClaims, promoteSegment, setClaimAside, splitClaim } from './claim-edits';
import { UserError } from './errors';
import type { Article, Claim, HistoryEntry, SetAsideSegment } from './model';

/** `article` with claim `index` split at `at` into claims with `ids`; `finish` may amend each half (an undo restores verdicts). */
export function splitIn(article: Article, index: number, at: number, ids: [string, string], who: string, when: string, finish: (half: Claim, i: number) => Claim = (half) => half): Article {
  const claim = article.claims[index]!;
  if (at <= claim.start || at >= claim.end) throw new UserError(`The split point must fall inside claim ${index + 1}.`);
  const halves = splitClaim(article.text, claim, at, ids, who, when).map(finish);
  return { ...article, claims: [...article.claims.slice(0, index), ...halves, ...article.claims.slice(index + 1)], updatedAt: when };
}

/** `article` with claim `index` and the next one merged under `id`; `finish` as for splitIn. */
export function mergeIn(article: Article, index: number, id: string, who: string, when: string, finish: (claim: Claim) => Claim = (claim) => claim): Article {
  const [first, second] = [article.claims[index]!, article.claims[index + 1]];
  if (!second) throw new UserError('Only a claim and the one right after it can be merged.');
  const joined = mergeClaims(article.text, first, second, id, who, when);
  // Two halves of one split share the history before it: keep one copy of each entry.
  const claim = finish({ ...joined, history: withoutRepeats(joined.history) });
  const claims = [...article.claims.slice(0, index), claim, ...article.claims.slice(index + 2)];
  // Set-aside text between the two (a credit, a bullet) is now inside the merged claim.
  const setAside = article.setAside.filter((s) => s.end <= first.end || s.start >= second.start);
  return { ...article, claims, setAside, updatedAt: when };
}

export function setAsideIn(article: Article, index: number, who: string, when: string, kind: SetAsideSegment['setAside']): Article {
  const segment = setClaimAside(article.claims[index]!, who, when, kind);
  const claims = [...article.claims.slice(0, index), ...article.claims.slice(index + 1)];
  return { ...article, claims, setAside: [...article.setAside, segment].sort((x, y) => x.start - y.start), updatedAt: when };
}

export function promoteIn(article: Article, index: number, who: string, when: string): Article {
  const claim = promoteSegment(article.setAside[index]!, who, when);
  const setAside = [...article.setAside.slice(0, index), ...article.setAside.slice(index + 1)];
  return { ...article, claims: [...article.claims, claim].sort((x, y) => x.start - y.start), setAside, updatedAt: when };
}

/** The entries in order, each once (the same event reached a claim through both halves of a split). */
export function withoutRepeats(history: HistoryEntry[]): HistoryEntry[] {
  const seen = new Set<string>();
  return history.filter((entry) => {
    const key = JSON.stringify(entry);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
