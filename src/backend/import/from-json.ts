// A Factdesk article export (see shared/report/json.ts): the whole article comes
// back, claims, verdicts, sources and history included. The schema (shared with
// the data folder) refuses an id that is no article id; `exportProblem` then holds
// the claims to the text they claim to quote, before anything is written.
import { UserError } from '../../shared/errors';
import { partitionProblem } from '../../shared/extract';
import type { Article, Claim } from '../../shared/model';
import { parseArticleJson } from '../../shared/report/json';
import { ImportRefusal, type ImportedText } from './types';

export function fromJson(text: string): ImportedText {
  try {
    const article = parseArticleJson(text);
    const { title, sourceUrl, author, publication, publishedAt } = article;
    return { text: article.text, meta: { title, sourceUrl, author, publication, publishedAt }, article };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    // "The file is not valid JSON, …" → "“x.json” could not be imported: the file is not valid JSON, …"
    const reason = error.message.replace(/\.$/, '');
    throw new ImportRefusal(`could not be imported: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`, error.code);
  }
}

/** How far a colleague's clock may run ahead of this one before their dates count as “in the future”. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The first thing an export says that the article itself contradicts, in words that
 * follow ““x.json” cannot be imported: ”, or null when it holds together: every claim
 * and set-aside segment quotes the text at its offsets, their spans lie inside them,
 * together they account for every word (the partition rule), every source they cite
 * is in the source list, ids are not repeated, and no date is in the future.
 * The schema has already checked the shapes (parseArticleJson).
 */
export function exportProblem(article: Article, now: Date): string | null {
  const { text } = article;
  const groups: Array<[string, readonly Claim[]]> = [
    ['claim', article.claims],
    ['set-aside segment', article.setAside],
  ];
  for (const [noun, segments] of groups) {
    for (const [i, segment] of segments.entries()) {
      const name = `${noun} ${i + 1}`;
      if (segment.start >= segment.end || segment.end > text.length) {
        return `${name} points outside the article text (offsets ${segment.start}–${segment.end})`;
      }
      if (text.slice(segment.start, segment.end) !== segment.text) return `${possessive(name)} text does not match the article at its offsets`;
      const span = segment.spans.find((s) => s.start > s.end || s.start < segment.start || s.end > segment.end);
      if (span) return `${name} has a ${span.kind} at offsets ${span.start}–${span.end}, outside the ${noun === 'claim' ? 'claim' : 'segment'}`;
      const misquoted = segment.spans.find((s) => text.slice(s.start, s.end) !== s.text);
      if (misquoted) return `the ${misquoted.kind} “${short(misquoted.text)}” in ${name} does not match the article at its offsets`;
    }
  }
  const partition = partitionProblem(text, [...article.claims, ...article.setAside]);
  if (partition) return `its claims and set-aside text do not account for every word of the article (${partition})`;

  const all: Array<[string, Claim]> = [
    ...article.claims.map((c, i) => [`claim ${i + 1}`, c] as [string, Claim]),
    ...article.setAside.map((s, i) => [`set-aside segment ${i + 1}`, s] as [string, Claim]),
    ...article.orphans.map((o, i) => [`orphaned claim ${i + 1}`, o] as [string, Claim]),
  ];
  const ids = new Set<string>();
  for (const [name, claim] of all) {
    if (ids.has(claim.id)) return `${name} repeats the id “${short(claim.id)}”`;
    ids.add(claim.id);
  }
  const sourceIds = new Set(article.sources.map((s) => s.id));
  if (sourceIds.size < article.sources.length) return 'its source list repeats a source id';
  for (const [name, claim] of all) {
    const missing = claim.verdict.sourceIds.find((id) => !sourceIds.has(id));
    if (missing !== undefined) return `${name} cites source “${short(missing)}”, which is not in the file’s source list`;
  }

  const latest = now.getTime() + CLOCK_SKEW_MS;
  const future = (at: string | null | undefined) => at != null && Date.parse(at) > latest;
  const dated: Array<[string, string | null | undefined]> = [
    ['the article’s creation date', article.createdAt],
    ['the article’s last change', article.updatedAt],
    ...article.revisions.map((r, i) => [`revision ${i + 1}`, r.createdAt] as [string, string]),
    ...article.sources.map((s, i) => [`source ${i + 1}`, s.createdAt] as [string, string]),
  ];
  for (const [name, claim] of all) {
    dated.push([`the verdict of ${name}`, claim.verdict.updatedAt], [`the “changed since checked” flag of ${name}`, claim.changed?.at]);
    for (const [j, entry] of claim.history.entries()) dated.push([`entry ${j + 1} of ${possessive(name)} history`, entry.at]);
  }
  const wrong = dated.find(([, at]) => future(at));
  if (wrong) return `${wrong[0]} is dated ${wrong[1]}, in the future`;
  return null;
}

function possessive(name: string): string {
  return `${name}’s`;
}

/** A value from the file as it can be quoted in one line. */
function short(value: string): string {
  // eslint-disable-next-line no-control-regex
  const line = value.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}
