// The backend as a desk member sees it: the same `invoke`, with the desk's refusals
// before a change (a signed-off article, someone else's disagreement) and its record
// after one (the change's events, appended to the journal). Wrapped around the
// backend like the article-change notices are, so no handler knows of the desk.
import { apiOver } from '../../shared/api-client';
import { UserError, toErrorPayload } from '../../shared/errors';
import type { Backend } from '../backend';
import type { Desk } from './desk';
import { writesArticle } from './record-events';

export function withDesk<B extends Backend>(backend: B, desk: Desk): B {
  desk.onChanged = (articleId) => backend.memory.touched([articleId]);
  const invoke: Backend['invoke'] = async (op, input) => {
    if (typeof op !== 'string' || !writesArticle(op)) return backend.invoke(op, input);
    const fields = (input ?? {}) as Record<string, unknown>;
    return desk.exclusive(async () => {
      try {
        await desk.beforeWrite(op, fields);
      } catch (error) {
        return { ok: false as const, error: toErrorPayload(error) };
      }
      const result = await backend.invoke(op, input);
      if (!result.ok) return result;
      try {
        await desk.afterWrite(op, fields, result.value as Record<string, unknown>);
      } catch (error) {
        // The change is saved; a journal that cannot be written is said, not hidden behind a success.
        return { ok: false as const, error: toErrorPayload(new UserError(`Saved here, but not recorded for the desk: ${(error as Error).message}`, 'refused')) };
      }
      return result;
    });
  };
  return { ...backend, invoke, api: apiOver(invoke) };
}
