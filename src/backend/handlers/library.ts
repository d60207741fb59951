import type { OpInput } from '../../shared/contract';
import type { HandlerContext } from './context';

export function libraryHandlers({ store }: HandlerContext) {
  return {
    'library:list': async () => ({ articles: store.list(), problems: store.problems }),
    'library:recoverable': async () => store.recoverable(),
    'library:restoreFile': async ({ file }: OpInput<'library:restoreFile'>) => {
      const { restored, article } = await store.restoreQuarantined(file);
      return { restored: restored.kind, ...(article ? { article } : {}) };
    },
  };
}
