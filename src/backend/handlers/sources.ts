import { SourceInput, type OpInput } from '../../shared/contract';
import { UserError } from '../../shared/errors';
import type { Source } from '../../shared/model';
import { newId } from '../ids';
import { isWebAddress, titleFromUrl } from '../web-address';
import type { HandlerContext } from './context';

export function sourceHandlers({ store, now }: HandlerContext) {
  return {
    'sources:add': async ({ articleId, source }: OpInput<'sources:add'>) => {
      const at = now().toISOString();
      const created = makeSource(source, at);
      await store.update(articleId, (a) => ({ ...a, sources: [...a.sources, created], updatedAt: at }));
      return { source: created };
    },
  };
}

/**
 * A new source from what the checker gave (`sources:add`, or `claims:mark` adding one
 * as it cites it): a title or a URL, the URL a web address. Without a title, the
 * title is a shortened form of the URL, never the URL itself (an address may be twice
 * as long as a title may be).
 */
export function makeSource(given: SourceInput, at: string): Source {
  const input = SourceInput.parse(given);
  const title = input.title.trim();
  const url = input.url.trim();
  if (!title && !url) throw new UserError('A source needs a title or a URL.');
  if (url && !isWebAddress(url)) {
    throw new UserError(`The source URL “${url}” is not a web address (it must start with http:// or https://).`);
  }
  return { ...input, id: newId(), title: title || titleFromUrl(url), url, createdAt: at };
}
