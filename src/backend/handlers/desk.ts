// The shared desk over the contract: thin handlers over the front door's DeskHost
// (src/backend/desk/). A backend opened without one (a reader, a test) answers that
// it is on no desk and refuses to join.
import type { DeskArticle, DeskSyncStatus } from '../../shared/desk-contract';
import { UserError } from '../../shared/errors';
import type { DeskHost } from '../desk/desk-host';
import { assign, deskRoles, secondRead } from '../desk/desk-roles';
import { foldClaims } from '../desk/fold';
import type { HandlerInput } from '../handler-types';
import type { HandlerContext } from './context';

const NO_DESK: DeskSyncStatus = { joined: false, state: 'none', sentence: 'Not on a shared desk.', waiting: 0, roles: [], disagreements: 0 };

export function deskHandlers({ store }: HandlerContext, host: DeskHost | undefined) {
  const need = (): DeskHost => {
    if (!host) throw new UserError('This window cannot join a desk: open the library in the app or the browser shell with write access.', 'refused');
    return host;
  };

  async function article(articleId: string): Promise<DeskArticle> {
    if (!store.has(articleId)) throw new UserError(`There is no article “${articleId}” in this library.`, 'not-found');
    const desk = host?.desk;
    if (!desk) return { joined: false, locked: false, disagreements: [], editor: false, claimRoles: {}, people: [], notices: [] };
    const events = await desk.journal.events(articleId);
    const { locked, last } = await desk.locked(articleId);
    const disagreements = [...foldClaims(events)]
      .filter(([, fold]) => fold.disagreement.length > 0)
      .map(([claimId, fold]) => ({
        claimId,
        sides: fold.disagreement.map((e) => ({ eventId: e._id, by: e.by, at: e.at, status: e.verdict.status, note: e.verdict.note, correction: e.verdict.correction })),
      }));
    const lock = last ? { type: last.type, by: last.by, at: last.at, ...(last.why ? { why: last.why } : {}) } : undefined;
    const roles = await deskRoles(desk, articleId);
    const claimRoles = Object.fromEntries(Object.entries(roles.claims).filter(([, r]) => r.assignee || r.secondReader));
    const notices = (await desk.notices.list(articleId)).map(({ by, at, text, claimId }) => ({ by, at, text, ...(claimId ? { claimId } : {}) }));
    const people = [...new Set([...events.map((e) => e.by), ...events.flatMap((e) => (e.type === 'assign' ? [e.to] : []))])].sort();
    return { joined: true, locked, ...(lock ? { lock } : {}), disagreements, editor: desk.isEditor, user: desk.user, claimRoles, people, notices };
  }

  return {
    'desk:status': async () => (host ? host.status() : NO_DESK),
    'desk:join': async ({ url, user, password }: HandlerInput<'desk:join'>) => need().join(url, user, password),
    'desk:sync': async () => need().syncNow(),
    'desk:article': async ({ articleId }: HandlerInput<'desk:article'>) => article(articleId),

    // A resolution is a mark: the desk records it as settling the disagreement (record-events.ts).
    'desk:resolve': async ({ articleId, claimId, choose, verdict }: HandlerInput<'desk:resolve'>) => {
      const desk = need().joined();
      const sides = foldClaims(await desk.journal.events(articleId)).get(claimId)?.disagreement ?? [];
      if (sides.length === 0) throw new UserError('The desk no longer disagrees on that claim; nothing to settle.', 'conflict');
      const chosen = choose === undefined ? undefined : sides.find((side) => side._id === choose);
      if (choose !== undefined && !chosen) throw new UserError('That verdict is no longer one of the sides; reload the claim.', 'conflict');
      // A source removed here since is not cited again.
      const known = new Set((await store.get(articleId)).sources.map((s) => s.id));
      const patch = chosen ? { ...chosen.verdict, sourceIds: chosen.verdict.sourceIds.filter((id) => known.has(id)) } : verdict!;
      const marked = await need().invoke('claims:mark', { articleId, claimId, patch });
      if (!marked.ok) throw new UserError(marked.error.message, 'refused');
      return article(articleId);
    },

    'desk:assign': async ({ articleId, to, claims }: HandlerInput<'desk:assign'>) => {
      await assign(need().joined(), articleId, to, claims || undefined);
      need().changed();
      return article(articleId);
    },
    'desk:secondRead': async ({ articleId, claimId }: HandlerInput<'desk:secondRead'>) => {
      await secondRead(need().joined(), articleId, claimId);
      need().changed();
      return article(articleId);
    },

    'desk:signoff': async ({ articleId }: HandlerInput<'desk:signoff'>) => {
      await need().joined().setLock(articleId, 'signoff');
      need().changed();
      return article(articleId);
    },
    'desk:unlock': async ({ articleId, why }: HandlerInput<'desk:unlock'>) => {
      await need().joined().setLock(articleId, 'unlock', why);
      need().changed();
      return article(articleId);
    },
  };
}
