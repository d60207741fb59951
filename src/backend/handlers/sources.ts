import { SourceInput, type OpInput } from '../../shared/contract';
import { UserError } from '../../shared/errors';
import type { Source } from '../../shared/model';
import { newId } from '../ids';
import { isWebAddress } from '../web-address';
import type { HandlerContext } from './context';

export function sourceHandlers({ store, now }: HandlerContext) {
  return {
    'sources:add': async ({ articleId, source }: OpInput<'sources:add'>) => {
      const input = SourceInput.parse(source);
      const title = input.title.trim();
      const url = input.url.trim();
      if (!title && !url) throw new UserError('A source needs a title or a URL.');
      if (url && !isWebAddress(url)) {
        throw new UserError(`The source URL “${url}” is not a web address (it must start with http:// or https://).`);
      }
      const at = now().toISOString();
      const created: Source = { ...input, id: newId(), title: title || url, url, createdAt: at };
      await store.update(articleId, (a) => ({ ...a, sources: [...a.sources, created], updatedAt: at }));
      return { source: created };
    },
  };
}
