import type { OpInput } from '../../shared/contract';
import { UserError } from '../../shared/errors';
import type { Article, Claim } from '../../shared/model';
import { applyVerdictPatch, checkVerdictRules } from '../../shared/verdicts';
import type { HandlerContext } from './context';

export function claimHandlers({ store, now }: HandlerContext) {
  return {
    'claims:mark': async ({ articleId, claimId, patch, checker }: OpInput<'claims:mark'>) => {
      const who = checker ?? store.preferences().checker;
      if (!who.trim()) throw new UserError('Who is checking? Set the checker’s name before marking claims.');
      let saved: Claim | undefined;
      let warnings: string[] = [];
      await store.update(articleId, (article) => {
        const index = article.claims.findIndex((c) => c.id === claimId);
        if (index < 0) throw new UserError(`Article “${article.title}” has no claim with id “${claimId}”.`, 'not-found');
        const at = now().toISOString();
        const claim = applyVerdictPatch(article.claims[index]!, patch, who.trim(), at);
        assertSourcesExist(article, claim);
        const rules = checkVerdictRules(claim.verdict);
        if (rules.errors.length > 0) throw new UserError(rules.errors[0]!);
        warnings = rules.warnings;
        saved = claim;
        if (claim === article.claims[index]) return article;
        const claims = article.claims.slice();
        claims[index] = claim;
        return { ...article, claims, updatedAt: at };
      });
      return { claim: saved!, warnings };
    },
  };
}

function assertSourcesExist(article: Article, claim: Claim): void {
  const known = new Set(article.sources.map((s) => s.id));
  const missing = claim.verdict.sourceIds.find((id) => !known.has(id));
  if (missing) throw new UserError(`Source “${missing}” is not in the source list of “${article.title}”.`, 'not-found');
}
