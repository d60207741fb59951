import type { OpInput, SourceInput, VerdictPatch } from '../../shared/contract';
import { mergeClaims, promoteSegment, setClaimAside, splitClaim } from '../../shared/claim-edits';
import { UserError } from '../../shared/errors';
import type { Article, Claim, ClaimChange } from '../../shared/model';
import { applyVerdictPatch, checkVerdictRules } from '../../shared/verdicts';
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
  async function markAll(articleId: string, changes: Change[], checker: string | undefined, newSource?: SourceInput) {
    const who = requireChecker(store, checker, 'changing claims');
    let saved: Claim[] = [];
    const warnings = new Set<string>();
    await store.update(articleId, (current) => {
      const at = now().toISOString();
      const added = newSource ? makeSource(newSource, at) : undefined;
      const article = added ? { ...current, sources: [...current.sources, added] } : current;
      const claims = article.claims.slice();
      const indexById = new Map(claims.map((c, i) => [c.id, i]));
      saved = changes.map(({ claimId, patch, restoreChange }, n) => {
        const index = indexById.get(claimId);
        if (index === undefined) throw new UserError(`Article “${article.title}” has no claim with id “${claimId}”.`, 'not-found');
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
      const changed = added !== undefined || saved.some((claim, i) => claim !== article.claims[indexById.get(changes[i]!.claimId)!]);
      return changed ? { ...article, claims, updatedAt: at } : current;
    });
    return { claims: saved, warnings: [...warnings] };
  }

  return {
    'claims:mark': async ({ articleId, claimId, patch, newSource, checker }: OpInput<'claims:mark'>) => {
      const result = await markAll(articleId, [{ claimId, patch }], checker, newSource);
      return { claim: result.claims[0]!, warnings: result.warnings };
    },

    'claims:markMany': async ({ articleId, changes, checker }: OpInput<'claims:markMany'>) =>
      markAll(articleId, changes, checker),

    'claims:split': async ({ articleId, claimId, at }: OpInput<'claims:split'>) => {
      const who = requireChecker(store, undefined, 'changing claims');
      const article = await store.update(articleId, (a) => {
        const index = findIndex(a, claimId);
        const claim = a.claims[index]!;
        if (at <= claim.start || at >= claim.end) {
          throw new UserError(`The split point must fall inside claim ${index + 1}.`);
        }
        const when = now().toISOString();
        const halves = splitClaim(a.text, claim, at, [newId(), newId()], who, when);
        const claims = [...a.claims.slice(0, index), ...halves, ...a.claims.slice(index + 1)];
        return { ...a, claims, updatedAt: when };
      });
      return { article };
    },

    'claims:merge': async ({ articleId, claimId, nextClaimId }: OpInput<'claims:merge'>) => {
      const who = requireChecker(store, undefined, 'changing claims');
      const article = await store.update(articleId, (a) => {
        const index = findIndex(a, claimId);
        if (a.claims[index + 1]?.id !== nextClaimId) {
          throw new UserError('Only a claim and the one right after it can be merged.');
        }
        const when = now().toISOString();
        const [first, second] = [a.claims[index]!, a.claims[index + 1]!];
        const merged = mergeClaims(a.text, first, second, newId(), who, when);
        const claims = [...a.claims.slice(0, index), merged, ...a.claims.slice(index + 2)];
        // Set-aside text between the two (a credit, a bullet) is now inside the merged claim.
        const setAside = a.setAside.filter((s) => s.end <= first.end || s.start >= second.start);
        return { ...a, claims, setAside, updatedAt: when };
      });
      return { article };
    },

    'claims:setAside': async ({ articleId, claimId, kind, checker }: OpInput<'claims:setAside'>) => {
      const who = requireChecker(store, checker, 'changing claims');
      const article = await store.update(articleId, (a) => {
        const index = findIndex(a, claimId);
        const when = now().toISOString();
        const segment = setClaimAside(a.claims[index]!, who, when, kind ?? 'not-a-claim');
        const claims = [...a.claims.slice(0, index), ...a.claims.slice(index + 1)];
        const setAside = [...a.setAside, segment].sort((x, y) => x.start - y.start);
        return { ...a, claims, setAside, updatedAt: when };
      });
      return { article };
    },

    'claims:promote': async ({ articleId, segmentId, checker }: OpInput<'claims:promote'>) => {
      const who = requireChecker(store, checker, 'changing claims');
      const article = await store.update(articleId, (a) => {
        const index = a.setAside.findIndex((s) => s.id === segmentId);
        if (index < 0) throw new UserError(`Article “${a.title}” has no set-aside text with id “${segmentId}”.`, 'not-found');
        const when = now().toISOString();
        const claim = promoteSegment(a.setAside[index]!, who, when);
        const setAside = [...a.setAside.slice(0, index), ...a.setAside.slice(index + 1)];
        const claims = [...a.claims, claim].sort((x, y) => x.start - y.start);
        return { ...a, claims, setAside, updatedAt: when };
      });
      return { article };
    },
  };
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
  if (missing) throw new UserError(`Source “${missing}” is not in the source list of “${article.title}”.`, 'not-found');
}
