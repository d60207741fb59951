// Revisions: a new draft of an article's text, pasted or from a file, with the
// verdicts carried over (src/shared/revisions does the work), and confirming a
// claim whose words changed.
import type { OpInput } from '../../shared/contract';
import { UserError } from '../../shared/errors';
import { prepareText } from '../../shared/extract';
import { confirmClaim } from '../../shared/claim-edits';
import type { Article } from '../../shared/model';
import { reanchorClaims } from '../../shared/revisions';
import { newId } from '../ids';
import { readDraftFile } from '../import/draft-file';
import { requireChecker, type HandlerContext } from './context';
import { fromBase64 } from './import';

export function revisionHandlers({ store, now }: HandlerContext) {
  return {
    'articles:revise': async ({ id, text, file, checker }: OpInput<'articles:revise'>) => {
      const who = requireChecker(store, checker, 'revising an article or confirming a claim');
      // The contract lets exactly one of `text` and `file` through.
      const draft = file ? await readDraftFile(file.fileName, fromBase64(file.data)) : { text: prepareText(text!), structure: [] };
      const normalized = draft.text;
      if (normalized === '') throw new UserError('The revision is empty: paste or import the new text first.');
      const { article, result: report } = await store.updateWith(id, (a) => {
        if (normalized === a.text) throw new UserError(`The revision is the same as the current text of “${a.title}”; nothing changed.`);
        const at = now().toISOString();
        const revision = { id: newId(), text: normalized, createdAt: at };
        const result = reanchorClaims(a.text, [...a.claims, ...a.setAside], normalized, revision.id, at, who, {
          newId,
          revisionNumber: a.revisions.length + 1,
          structure: draft.structure,
        });
        const orphans = [...a.orphans, ...result.orphans];
        return {
          article: {
            ...a,
            text: normalized,
            revisions: [...a.revisions, revision],
            claims: result.claims,
            setAside: result.setAside,
            orphans,
            updatedAt: at,
          },
          result: result.report,
        };
      });
      const { unchanged, moved, changed, orphaned, added, unsure } = report;
      return { article, report: { unchanged, moved, changed, orphaned, added, unsure } };
    },

    /** Clears the “changed since checked” flag; a claim without one is returned as is (nothing written). */
    'claims:confirm': async ({ articleId, claimId, checker }: OpInput<'claims:confirm'>) => {
      const who = requireChecker(store, checker, 'revising an article or confirming a claim');
      const { result: confirmed } = await store.updateWith(articleId, (a: Article) => {
        const index = a.claims.findIndex((c) => c.id === claimId);
        if (index < 0) throw new UserError(`Article “${a.title}” has no claim with id “${claimId}”.`, 'not-found');
        const claim = a.claims[index]!;
        if (!claim.changed) return { article: a, result: claim };
        const at = now().toISOString();
        const confirmed = confirmClaim(claim, who, at);
        const claims = a.claims.slice();
        claims[index] = confirmed;
        return { article: { ...a, claims, updatedAt: at }, result: confirmed };
      });
      return { claim: confirmed };
    },
  };
}

