// What the claim memory keeps of an article: its claims with what a search or
// the "seen before" panel shows (verdict, note, correction, cited sources,
// checker, date), and no more. One article is one line of the index file: a
// JSON array with numbers for statuses and indices into per-article tables for
// checkers and sources, trailing defaults left out, so the file stays close to
// the size of the text it holds. A line that does not decode is skipped (its
// article is read again from its own file).
import type { Article, Status } from '../model';
import { STATUSES } from '../model';

export interface MemorySource {
  kind: string;
  title: string;
  url: string;
}

export interface MemoryClaim {
  id: string;
  text: string;
  status: Status;
  /** Empty when nobody has ruled on it. */
  checker: string;
  /** The day of the verdict (YYYY-MM-DD), empty when unchecked. */
  checkedAt: string;
  note: string;
  correction: string;
  /** Indices into the article's `sources`. */
  sources: number[];
}

export interface MemoryArticle {
  id: string;
  /** The article's updatedAt when it was read: a different one means read it again. */
  stamp: string;
  title: string;
  /** The day the article was published when known (YYYY-MM-DD), else the day it was added. */
  date: string;
  /** The sources its claims cite (only those). */
  sources: MemorySource[];
  /** In article order. */
  claims: MemoryClaim[];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

export function articleDay(article: Pick<Article, 'publishedAt' | 'createdAt'>): string {
  const published = ISO_DAY.exec(article.publishedAt.trim());
  if (published) return published[0];
  const parsed = article.publishedAt.trim() ? Date.parse(article.publishedAt) : NaN;
  if (Number.isFinite(parsed)) return new Date(parsed).toISOString().slice(0, 10);
  return article.createdAt.slice(0, 10);
}

export function memoryArticleOf(article: Article): MemoryArticle {
  const byId = new Map(article.sources.map((s) => [s.id, s]));
  const sources: MemorySource[] = [];
  const sourceIndex = new Map<string, number>();
  const claims = article.claims.map((claim): MemoryClaim => {
    const v = claim.verdict;
    const cited: number[] = [];
    for (const id of v.sourceIds) {
      const source = byId.get(id);
      if (!source) continue;
      let at = sourceIndex.get(id);
      if (at === undefined) {
        at = sources.length;
        sourceIndex.set(id, at);
        sources.push({ kind: source.kind, title: source.title, url: source.url });
      }
      cited.push(at);
    }
    return {
      id: claim.id,
      text: claim.text,
      status: v.status,
      checker: v.checker ?? '',
      checkedAt: v.updatedAt ? v.updatedAt.slice(0, 10) : '',
      note: v.note,
      correction: v.correction,
      sources: cited,
    };
  });
  return { id: article.id, stamp: article.updatedAt, title: article.title, date: articleDay(article), sources, claims };
}

// ---- one line of the index file --------------------------------------------------

export function encodeArticle(a: MemoryArticle): string {
  const checkers: string[] = [];
  const checkerIndex = new Map<string, number>();
  const claims = a.claims.map((c) => {
    let who = -1;
    if (c.checker) {
      who = checkerIndex.get(c.checker) ?? checkers.length;
      if (who === checkers.length) {
        checkers.push(c.checker);
        checkerIndex.set(c.checker, who);
      }
    }
    const row: unknown[] = [c.id, c.text, STATUSES.indexOf(c.status), who, c.checkedAt, c.note, c.correction, c.sources];
    const defaults: unknown[] = [undefined, undefined, 0, -1, '', '', ''];
    while (row.length > 2) {
      const last = row[row.length - 1];
      const isDefault = Array.isArray(last) ? last.length === 0 : last === defaults[row.length - 1];
      if (!isDefault) break;
      row.pop();
    }
    return row;
  });
  return JSON.stringify([a.id, a.stamp, a.title, a.date, a.sources.map((s) => [s.kind, s.title, s.url]), checkers, claims]);
}

const str = (v: unknown): v is string => typeof v === 'string';

/** The article a line holds, or null when the line is damaged. `intern` shares repeated strings (checker names). */
export function decodeArticle(line: string, intern: (s: string) => string = (s) => s): MemoryArticle | null {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    return null;
  }
  if (!Array.isArray(row) || row.length !== 7) return null;
  const [id, stamp, title, date, sourceRows, checkers, claimRows] = row as unknown[];
  if (!str(id) || !str(stamp) || !str(title) || !str(date) || !Array.isArray(sourceRows) || !Array.isArray(checkers) || !Array.isArray(claimRows)) return null;
  if (!checkers.every(str)) return null;
  const sources: MemorySource[] = [];
  for (const s of sourceRows) {
    if (!Array.isArray(s) || s.length !== 3 || !s.every(str)) return null;
    const [kind, title, url] = s as [string, string, string];
    sources.push({ kind: intern(kind), title, url });
  }
  const claims: MemoryClaim[] = [];
  for (const c of claimRows) {
    if (!Array.isArray(c) || c.length < 2 || c.length > 8) return null;
    const [cid, text, status = 0, who = -1, checkedAt = '', note = '', correction = '', cited = []] = c as unknown[];
    if (!str(cid) || !str(text) || !str(checkedAt) || !str(note) || !str(correction)) return null;
    if (typeof status !== 'number' || STATUSES[status] === undefined || typeof who !== 'number' || !Array.isArray(cited)) return null;
    if (who !== -1 && checkers[who] === undefined) return null;
    if (!cited.every((n) => typeof n === 'number' && sources[n] !== undefined)) return null;
    claims.push({
      id: cid,
      text,
      status: STATUSES[status]!,
      checker: who === -1 ? '' : intern(checkers[who] as string),
      checkedAt: checkedAt ? intern(checkedAt) : '',
      note,
      correction,
      sources: cited as number[],
    });
  }
  return { id, stamp, title, date, sources, claims };
}
