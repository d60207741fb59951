// The claim memory's operations: library-wide search, "seen before", reusing an
// earlier check, and the memory's state. Thin: the matching is the core's
// (src/shared/memory/), the memory's upkeep is claim-memory.ts's.
import type { OpInput } from '../../shared/contract';
import { UserError } from '../../shared/errors';
import { MIN_WORDS } from '../../shared/memory/thresholds';
import { wordCount } from '../../shared/memory/tokens';
import type { Article, Claim, HistoryEntry, Source, Verdict } from '../../shared/model';
import { diffVerdict, quoteShort } from '../../shared/verdicts';
import type { HandlerInput } from '../handler-types';
import { requireChecker, type HandlerContext } from '../handlers/context';
import { newId } from '../ids';
import type { ClaimMemory } from './claim-memory';

/** How long an answer waits for a memory still loading before it answers from what is read. */
const ANSWER_WAIT_MS = 250;

export function memoryHandlers({ store, now }: HandlerContext, memory: ClaimMemory) {
  return {
    'memory:status': async (_: OpInput<'memory:status'>) => {
      void memory.start();
      return { memory: memory.status() };
    },

    'search:query': async (input: HandlerInput<'search:query'>) => {
      await memory.readyWithin(ANSWER_WAIT_MS);
      return { ...memory.claims.search(input), memory: memory.status() };
    },

    'claims:seenBefore': async ({ articleId, claimId, includeUnchecked }: OpInput<'claims:seenBefore'>) => {
      const claim = findClaim(await store.get(articleId), claimId);
      await memory.readyWithin(ANSWER_WAIT_MS);
      const words = wordCount(claim.text);
      const tooShort = words < MIN_WORDS;
      const matches = tooShort ? [] : memory.claims.seenBefore(articleId, claim.text, { includeUnchecked });
      return { tooShort, words, matches, memory: memory.status() };
    },

    /**
     * Cites the earlier claim's sources in this article (copying into its source list
     * those it lacks, matched by URL, else by title) and adds the earlier note to this
     * claim's note, in one write with one history entry saying where they came from.
     * Never the verdict: the checker rules on the claim in this article.
     */
    'claims:reuseEarlier': async ({ articleId, claimId, fromArticleId, fromClaimId, checker }: OpInput<'claims:reuseEarlier'>) => {
      if (articleId === fromArticleId) throw new UserError('Reuse a check from another article; this one is the article itself.');
      const who = requireChecker(store, checker, 'reusing an earlier check');
      const from = await store.get(fromArticleId);
      const earlier = findClaim(from, fromClaimId);
      const earlierSources = earlier.verdict.sourceIds.flatMap((id) => from.sources.filter((s) => s.id === id));
      const earlierNote = earlier.verdict.note.trim();
      if (earlierSources.length === 0 && earlierNote === '') {
        throw new UserError(`The earlier check in “${quoteShort(from.title, 60)}” has no note or sources to reuse.`);
      }
      const { result: answer } = await store.updateWith(articleId, (article) => {
        const index = article.claims.findIndex((c) => c.id === claimId);
        if (index < 0) throw new UserError(`Article “${article.title}” has no claim with id “${claimId}”.`, 'not-found');
        const at = now().toISOString();
        const claim = article.claims[index]!;
        const sources = article.sources.slice();
        const added: Source[] = [];
        const cited = earlierSources.map((source) => {
          const known = sources.find((s) => sameSource(s, source));
          if (known) return known;
          const copy: Source = { ...source, id: newId(), createdAt: at };
          sources.push(copy);
          added.push(copy);
          return copy;
        });
        const note = claim.verdict.note;
        const noteCopied = earlierNote !== '' && !note.includes(earlierNote);
        const next: Verdict = {
          ...claim.verdict,
          note: noteCopied ? (note.trim() ? `${note.trimEnd()}\n\n${earlierNote}` : earlierNote) : note,
          sourceIds: [...new Set([...claim.verdict.sourceIds, ...cited.map((s) => s.id)])],
          checker: who,
          updatedAt: at,
        };
        const changes = diffVerdict(claim.verdict, next);
        if (changes.length === 0 && added.length === 0) {
          return { article, result: { claim, added, cited, noteCopied: false, changed: false } };
        }
        // A verdict entry, with where it came from; the status is the checker's to give.
        const entry: HistoryEntry = {
          at,
          by: who,
          kind: 'verdict',
          changes,
          detail: `reused the check of “${quoteShort(earlier.text, 60)}” in “${quoteShort(from.title, 60)}” (${from.id})`,
        };
        const updated: Claim = { ...claim, verdict: next, history: [...claim.history, entry] };
        const claims = article.claims.slice();
        claims[index] = updated;
        return { article: { ...article, sources, claims, updatedAt: at }, result: { claim: updated, added, cited, noteCopied, changed: true } };
      });
      return answer;
    },
  };
}

function findClaim(article: Article, claimId: string): Claim {
  const claim = article.claims.find((c) => c.id === claimId);
  if (!claim) throw new UserError(`Article “${article.title}” has no claim with id “${claimId}”.`, 'not-found');
  return claim;
}

/** The same source: the same address (any case, no trailing slash), or, without one, the same title. */
function sameSource(a: Source, b: Source): boolean {
  const url = (s: Source) => s.url.trim().replace(/\/+$/, '').toLowerCase();
  if (url(b)) return url(a) === url(b);
  const title = (s: Source) => s.title.trim().replace(/\s+/g, ' ').toLowerCase();
  return !url(a) && title(a) === title(b);
}
