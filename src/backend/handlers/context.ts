import { UserError } from '../../shared/errors';
import type { Store } from '../store/store';

/** What every handler gets: the store and a clock (injected so tests can fix time). */
export interface HandlerContext {
  store: Store;
  now: () => Date;
}

/** Who is ruling: the name given, else the checker in the preferences; refused when neither is set. */
export function requireChecker(store: Store, given: string | undefined, before: string): string {
  const who = (given ?? store.preferences().checker).trim();
  if (!who) throw new UserError(`Who is checking? Set the checker’s name before ${before}.`);
  return who;
}
