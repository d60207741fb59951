import type { HandlerContext } from './context';

export function libraryHandlers({ store }: HandlerContext) {
  return {
    'library:list': async () => ({ articles: store.list(), problems: store.problems }),
  };
}
