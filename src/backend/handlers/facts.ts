// facts:mark, facts:add, facts:remove: thin, the rules live in src/shared/facts/edit.ts.
// Each is one store.update, made against the version the window saw (STALE_ARTICLE
// otherwise), so a fact is never ruled on over another window's newer change.
import type { OpInput } from '../../shared/contract';
import { UserError } from '../../shared/errors';
import { addFact, markFact, removeFact, restoreFact } from '../../shared/facts/edit';
import type { Article, Claim } from '../../shared/model';
import { quoteInline } from '../../shared/verdicts';
import { newId } from '../ids';
import { requireChecker, type HandlerContext } from './context';

export function factHandlers({ store, now }: HandlerContext) {
  /** Replaces one claim by what `change` makes of it; nothing is written when it gives the same claim back. */
  async function changeClaim(articleId: string, claimId: string, version: number | undefined, change: (claim: Claim, article: Article, at: string) => Claim) {
    let saved: Claim | undefined;
    const written = await store.update(
      articleId,
      (article) => {
        const index = article.claims.findIndex((c) => c.id === claimId);
        if (index < 0) throw new UserError(`That claim is no longer in “${article.title}”: it was split, merged or set aside, perhaps in another window.`, 'not-found');
        const at = now().toISOString();
        const before = article.claims[index]!;
        saved = change(before, article, at);
        if (saved === before) return article;
        const claims = article.claims.slice();
        claims[index] = saved;
        return { ...article, claims, updatedAt: at };
      },
      { expectedVersion: version },
    );
    return { claim: saved!, version: written.version ?? 0 };
  }

  return {
    'facts:mark': async ({ articleId, claimId, factId, patch, restoreChange, checker, version }: OpInput<'facts:mark'>) => {
      const who = requireChecker(store, checker, 'marking facts');
      let warnings: string[] = [];
      const result = await changeClaim(articleId, claimId, version, (claim, article, at) => {
        const known = new Set(article.sources.map((s) => s.id));
        const missing = patch.sourceIds?.find((id) => !known.has(id));
        if (missing) throw new UserError(`Source “${quoteInline(missing)}” is not in the source list of “${article.title}”.`, 'not-found');
        const edit = markFact(claim, factId, patch, who, at, () => newId(), restoreChange);
        warnings = edit.warnings;
        return edit.claim;
      });
      return { ...result, warnings };
    },

    // `restore`: an undo of a removal brings the removed fact back as it was, not afresh.
    'facts:add': async ({ articleId, claimId, start, end, restore, checker, version }: OpInput<'facts:add'>) => {
      const who = requireChecker(store, checker, 'adding facts');
      let factId = newId();
      const result = await changeClaim(articleId, claimId, version, (claim, _article, at) => {
        if (!restore) return addFact(claim, start, end, who, at, factId);
        const back = restoreFact(claim, start, end, who, at);
        factId = back.factId;
        return back.claim;
      });
      return { ...result, factId };
    },

    'facts:remove': async ({ articleId, claimId, factId, checker, version }: OpInput<'facts:remove'>) => {
      const who = requireChecker(store, checker, 'removing facts');
      return changeClaim(articleId, claimId, version, (claim, _article, at) => removeFact(claim, factId, who, at, () => newId()));
    },
  };
}
