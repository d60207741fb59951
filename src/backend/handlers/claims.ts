import type { OpInput, RestoredClaim, VerdictPatch } from '../../shared/contract';
import { mergeIn, promoteIn, setAsideIn, splitIn } from '../../shared/article-edits';
import { UserError } from '../../shared/errors';
import { fittingFacts } from '../../shared/facts/split-merge';
import { withFacts } from '../../shared/facts/edit';
import type { Article, Claim, ClaimChange, HistoryEntry } from '../../shared/model';
import { applyVerdictPatch, checkVerdictRules, quoteInline } from '../../shared/verdicts';
import type { HandlerInput } from '../handler-types';
import { newId } from '../ids';
import { requireChecker, type HandlerContext } from './context';
import { makeSource } from './sources';

interface Change {
  claimId: string;
  patch: VerdictPatch;
  restoreChange?: ClaimChange;
}

export function claimHandlers({ store, now }: HandlerContext) {
  /**
   * Applies every change or none: a refused rule on one claim refuses the lot. A
   * `newSource` is added to the article and cited by the first change in the same
   * write, so a refused verdict leaves no source behind.
   */
  async function markAll(articleId: string, changes: Change[], checker: string | undefined, newSource?: HandlerInput<'claims:mark'>['newSource'], version?: number) {
    const who = requireChecker(store, checker, 'changing claims');
    const warnings = new Set<string>();
    const { article: written, result: saved } = await store.updateWith(articleId, (current) => {
      const at = now().toISOString();
      const added = newSource ? makeSource(newSource, at) : undefined;
      const article = added ? { ...current, sources: [...current.sources, added] } : current;
      const claims = article.claims.slice();
      // One change (a verdict) finds its claim by a scan; a map of thousands of claims would cost more than the save.
      const byId = changes.length > 1 ? new Map(claims.map((c, i) => [c.id, i])) : undefined;
      const indexOf = (id: string) => (byId ? byId.get(id) : ((i) => (i < 0 ? undefined : i))(claims.findIndex((c) => c.id === id)));
      const saved = changes.map(({ claimId, patch, restoreChange }, n) => {
        const index = indexOf(claimId);
        if (index === undefined) throw new UserError(goneClaim(article), 'not-found');
        const cited = added && n === 0 ? citing(patch, claims[index]!, added.id) : patch;
        const claim = applyVerdictPatch(claims[index]!, cited, who, at, restoreChange);
        assertSourcesExist(article, claim);
        const rules = checkVerdictRules(claim.verdict);
        if (rules.errors.length > 0) {
          const prefix = changes.length > 1 ? `Claim ${index + 1}: ` : '';
          throw new UserError(prefix + rules.errors[0]!);
        }
        rules.warnings.forEach((w) => warnings.add(w));
        claims[index] = claim;
        return claim;
      });
      const changed = added !== undefined || saved.some((claim, i) => claim !== article.claims[indexOf(changes[i]!.claimId)!]);
      return { article: changed ? { ...article, claims, updatedAt: at } : current, result: saved };
    }, { expectedVersion: version });
    return { claims: saved, warnings: [...warnings], version: written.version ?? 0 };
  }

  return {
    'claims:mark': async ({ articleId, claimId, patch, newSource, checker, version }: HandlerInput<'claims:mark'>) => {
      const result = await markAll(articleId, [{ claimId, patch }], checker, newSource, version);
      return { claim: result.claims[0]!, warnings: result.warnings, version: result.version };
    },

    'claims:markMany': async ({ articleId, changes, checker, version }: OpInput<'claims:markMany'>) =>
      markAll(articleId, changes, checker, undefined, version),

    'claims:split': async ({ articleId, claimId, at, restore, version }: OpInput<'claims:split'>) => {
      const who = requireChecker(store, undefined, 'changing claims');
      const article = await store.update(
        articleId,
        (a) => {
          const when = now().toISOString();
          const ids: [string, string] = [freeId(a, restore?.[0]?.id), freeId(a, restore?.[1]?.id, restore?.[0]?.id)];
          return splitIn(a, findClaim(a, claimId), at, ids, who, when, (half, i) => (restore ? restored(a, noted(half, 'undoing a merge'), restore[i]!, who, when) : half));
        },
        { expectedVersion: version },
      );
      return { article };
    },

    'claims:merge': async ({ articleId, claimId, nextClaimId, restore, version }: OpInput<'claims:merge'>) => {
      const who = requireChecker(store, undefined, 'changing claims');
      const article = await store.update(
        articleId,
        (a) => {
          const index = findClaim(a, claimId);
          if (a.claims[index + 1]?.id !== nextClaimId) {
            throw new UserError('Only a claim and the one right after it can be merged.');
          }
          const when = now().toISOString();
          return mergeIn(a, index, freeId(a, restore?.id), who, when, (merged) => (restore ? restored(a, noted(merged, 'undoing a split'), restore, who, when) : merged));
        },
        { expectedVersion: version },
      );
      return { article };
    },

    'claims:setAside': async ({ articleId, claimId, kind, checker, version }: OpInput<'claims:setAside'>) => {
      const who = requireChecker(store, checker, 'changing claims');
      const article = await store.update(articleId, (a) => setAsideIn(a, findIndex(a, claimId), who, now().toISOString(), kind ?? 'not-a-claim'), { expectedVersion: version });
      return { article };
    },

    'claims:promote': async ({ articleId, segmentId, checker, version }: OpInput<'claims:promote'>) => {
      const who = requireChecker(store, checker, 'changing claims');
      const article = await store.update(articleId, (a) => {
        const index = a.setAside.findIndex((s) => s.id === segmentId);
        if (index < 0) throw new UserError(`Article “${a.title}” has no set-aside text with id “${segmentId}”.`, 'not-found');
        return promoteIn(a, index, who, now().toISOString());
      }, { expectedVersion: version });
      return { article };
    },
  };
}

/** A claim asked for that the article no longer has: said in words, never by its id. */
function goneClaim(article: Article): string {
  return `That claim is no longer in “${article.title}”: it was split, merged or set aside, perhaps in another window.`;
}

function findClaim(article: Article, claimId: string): number {
  const index = article.claims.findIndex((c) => c.id === claimId);
  if (index < 0) throw new UserError(goneClaim(article), 'not-found');
  return index;
}

/** `wanted` when no passage of the article has it (nor `taken`), else a new id. */
function freeId(article: Article, wanted: string | undefined, taken?: string): string {
  if (wanted === undefined || wanted === taken) return newId();
  const used = [...article.claims, ...article.setAside, ...article.orphans].some((c) => c.id === wanted);
  return used ? newId() : wanted;
}

/**
 * The claim with the verdict and facts it had before a split or merge that is being
 * undone (or redone); a source removed from the article since is not cited again.
 */
function restored(article: Article, withoutFacts: Claim, restore: RestoredClaim, who: string, when: string): Claim {
  const claim = restore.facts ? withFacts(withoutFacts, fittingFacts(withoutFacts, restore.facts)) : withoutFacts;
  if (!restore.patch) return claim;
  const known = new Set(article.sources.map((s) => s.id));
  const patch = restore.patch.sourceIds ? { ...restore.patch, sourceIds: restore.patch.sourceIds.filter((id) => known.has(id)) } : restore.patch;
  return applyVerdictPatch(claim, patch, who, when, restore.restoreChange);
}

/** Says in the last history entry (the split or the merge) why it was made. */
function noted(claim: Claim, why: string): Claim {
  const last = claim.history.at(-1);
  if (!last) return claim;
  const entry: HistoryEntry = { ...last, detail: last.detail ? `${last.detail} (${why})` : why };
  return { ...claim, history: [...claim.history.slice(0, -1), entry] };
}

function findIndex(article: Article, claimId: string): number {
  const index = article.claims.findIndex((c) => c.id === claimId);
  if (index < 0) throw new UserError(`Article “${article.title}” has no claim with id “${claimId}”.`, 'not-found');
  return index;
}

/** The patch with `sourceId` added to the sources it leaves the claim citing. */
function citing(patch: VerdictPatch, claim: Claim, sourceId: string): VerdictPatch {
  const cited = patch.sourceIds ?? claim.verdict.sourceIds;
  return { ...patch, sourceIds: cited.includes(sourceId) ? cited : [...cited, sourceId] };
}

function assertSourcesExist(article: Article, claim: Claim): void {
  const known = new Set(article.sources.map((s) => s.id));
  const missing = claim.verdict.sourceIds.find((id) => !known.has(id));
  if (missing) throw new UserError(`Source “${quoteInline(missing)}” is not in the source list of “${article.title}”.`, 'not-found');
}
