// The backend as a desk member sees it: the same `invoke`, with the desk's refusals
// before a change (a signed-off article, someone else's disagreement) and its record
// after one (the change's events, appended to the journal). Wrapped around the
// backend like the article-change notices are, so no handler knows of the desk.
import { apiOver } from '../../shared/api-client';
import { UserError, toErrorPayload } from '../../shared/errors';
import type { Backend } from '../backend';
import type { Desk } from './desk';
import { deskRoles } from './desk-roles';
import type { DeskHost } from './desk-host';
import { writesArticle } from './record-events';

/** A backend on one fixed desk (the CLI, tests). */
export function withDesk<B extends Backend>(backend: B, desk: Desk): B {
  desk.onChanged = (articleId) => backend.memory.touched([articleId]);
  return wrap(backend, () => desk, () => {});
}

/** A backend whose desk may be joined while it runs (the app, the browser shell): every write tells the host, which syncs soon. */
export function withDeskHost<B extends Backend>(backend: B, host: DeskHost): B {
  host.onArticleChanged((articleId) => backend.memory.touched([articleId]));
  const wrapped = wrap(backend, () => host.desk, () => host.changed());
  host.invoke = wrapped.invoke;
  return wrapped;
}

function wrap<B extends Backend>(backend: B, current: () => Desk | undefined, recorded: () => void): B {
  // The report names who checked, who gave second reads and who signed off, from the desk's events.
  backend.reportDesk.of = async (articleId) => {
    const desk = current();
    return desk && (await desk.journal.events(articleId)).length > 0 ? deskRoles(desk, articleId) : undefined;
  };
  const invoke: Backend['invoke'] = async (op, input) => {
    const desk = current();
    if (!desk || typeof op !== 'string' || !writesArticle(op)) {
      const result = await backend.invoke(op, input);
      // A new article is shared on the next sync: make that one soon.
      if (desk && result.ok && /^articles:(create|import|restore)/.test(String(op))) recorded();
      return result;
    }
    const fields = (input ?? {}) as Record<string, unknown>;
    const result = await desk.exclusive(async () => {
      let was;
      try {
        was = await desk.beforeWrite(op, fields);
      } catch (error) {
        return { ok: false as const, error: toErrorPayload(error) };
      }
      const result = await backend.invoke(op, input);
      if (!result.ok) return result;
      try {
        await desk.afterWrite(op, fields, result.value as Record<string, unknown>, was);
      } catch (error) {
        // The change is saved; a journal that cannot be written is said, not hidden behind a success.
        return { ok: false as const, error: toErrorPayload(new UserError(`Saved here, but not recorded for the desk: ${(error as Error).message}`, 'refused')) };
      }
      return result;
    });
    if (result.ok) recorded();
    return result;
  };
  return { ...backend, invoke, api: apiOver(invoke) };
}
