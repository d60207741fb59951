import type { z } from 'zod';
import type { OpInput, SourceInput } from '../../shared/contract';
import { UserError } from '../../shared/errors';
import type { Article, Claim, Source } from '../../shared/model';
import { applyVerdictPatch, quoteShort } from '../../shared/verdicts';
import type { HandlerInput } from '../handler-types';
import { newId } from '../ids';
import { isWebAddress, titleFromUrl } from '../web-address';
import { requireChecker, type HandlerContext } from './context';

export function sourceHandlers({ store, now }: HandlerContext) {
  return {
    'sources:add': async ({ articleId, source, version }: HandlerInput<'sources:add'>) => {
      const at = now().toISOString();
      const created = makeSource(source, at);
      const written = await store.update(articleId, (a) => ({ ...a, sources: [...a.sources, created], updatedAt: at }), { expectedVersion: version });
      return { source: created, version: written.version ?? 0 };
    },

    'sources:update': async ({ articleId, sourceId, source, version }: HandlerInput<'sources:update'>) => {
      const at = now().toISOString();
      const { article: written, result: updated } = await store.updateWith(
        articleId,
        (a) => {
          const index = findSource(a, sourceId);
          const old = a.sources[index]!;
          const updated: Source = { ...makeSource(source, old.createdAt), id: old.id };
          if (sameSource(old, updated)) return { article: a, result: updated };
          return { article: { ...a, sources: a.sources.map((s, i) => (i === index ? updated : s)), updatedAt: at }, result: updated };
        },
        { expectedVersion: version },
      );
      return { source: updated, version: written.version ?? 0 };
    },

    'sources:remove': async ({ articleId, sourceId, checker, version }: OpInput<'sources:remove'>) => {
      const who = requireChecker(store, checker, 'removing a source');
      const article = await store.update(
        articleId,
        (a) => {
          const source = a.sources[findSource(a, sourceId)]!;
          const at = now().toISOString();
          const uncite = <C extends Claim>(claim: C): C => uncited(claim, source, who, at);
          return {
            ...a,
            sources: a.sources.filter((s) => s.id !== sourceId),
            claims: a.claims.map(uncite),
            setAside: a.setAside.map(uncite),
            orphans: a.orphans.map(uncite),
            updatedAt: at,
          };
        },
        { expectedVersion: version },
      );
      return { article };
    },
  };
}

function findSource(article: Article, sourceId: string): number {
  const index = article.sources.findIndex((s) => s.id === sourceId);
  if (index < 0) {
    throw new UserError(`That source is no longer in the source list of “${article.title}”: it was removed, perhaps in another window.`, 'not-found');
  }
  return index;
}

/**
 * The claim no longer citing `source`, with an entry in its history that names it. A
 * claim sourced on it alone has nothing left to rest on and is unchecked again; a
 * “changed since checked” flag stays, since nobody has looked at the new wording.
 */
export function uncited<C extends Claim>(claim: C, source: Source, who: string, at: string): C {
  if (!claim.verdict.sourceIds.includes(source.id)) return claim;
  const sourceIds = claim.verdict.sourceIds.filter((id) => id !== source.id);
  const alone = claim.verdict.status === 'sourced' && sourceIds.length === 0;
  const next = applyVerdictPatch(claim, alone ? { sourceIds, status: 'unchecked' } : { sourceIds }, who, at, claim.changed) as C;
  const detail = `source “${quoteShort(source.title)}” removed from the article${alone ? '; the claim rested on it alone, so it is unchecked again' : ''}`;
  const entry = { ...next.history.at(-1)!, detail };
  return { ...next, history: [...next.history.slice(0, -1), entry] };
}

function sameSource(a: Source, b: Source): boolean {
  return (['kind', 'title', 'url', 'contact', 'accessedAt', 'excerpt'] as const).every((k) => a[k] === b[k]);
}

/** A source as the contract's schema parsed it: every field there, defaults filled in. */
type ParsedSourceInput = z.output<typeof SourceInput>;

/**
 * A new source from what the checker gave (`sources:add`, or `claims:mark` adding one
 * as it cites it): a title or a URL, the URL a web address. Without a title, the
 * title is a shortened form of the URL, never the URL itself (an address may be twice
 * as long as a title may be).
 */
export function makeSource(input: ParsedSourceInput, at: string): Source {
  const title = input.title.trim();
  const url = input.url.trim();
  if (!title && !url) throw new UserError('A source needs a title or a URL.');
  if (url && !isWebAddress(url)) {
    throw new UserError(`The source URL “${url}” is not a web address (it must start with http:// or https://).`);
  }
  return { ...input, id: newId(), title: title || titleFromUrl(url), url, createdAt: at };
}
