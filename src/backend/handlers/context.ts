import type { Store } from '../store/store';

/** What every handler gets: the store and a clock (injected so tests can fix time). */
export interface HandlerContext {
  store: Store;
  now: () => Date;
}
