import type { OpInput } from '../../shared/contract';
import type { HandlerContext } from './context';

export function preferenceHandlers({ store }: HandlerContext) {
  return {
    'preferences:get': async () => ({ preferences: store.preferences() }),
    'preferences:set': async ({ preferences }: OpInput<'preferences:set'>) => ({
      preferences: await store.setPreferences(stripUndefined(preferences)),
    }),
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
