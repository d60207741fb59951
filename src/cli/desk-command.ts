// `desk join|status|sync|signoff|unlock|disagreements`: a data folder on a shared
// desk, from the shell. The password comes from FACTDESK_DESK_PASSWORD and is never
// written anywhere; every refusal is one sentence.
import { Desk, PASSWORD_VARIABLE } from '../backend/desk/desk';
import { assign, secondRead } from '../backend/desk/desk-roles';
import { deskStatus } from '../backend/desk/desk-status';
import type { OpenedBackend } from '../backend/open-backend';
import { UserError } from '../shared/errors';
import { findArticle, type Output } from './commands';

export interface DeskOptions {
  dataDir: string;
  user?: string;
  why?: string;
  to?: string;
  claims?: string;
  json: boolean;
}

type Opener = () => Promise<OpenedBackend>;

export const DESK_USAGE = `desk join URL --user NAME   join the desk database at URL (the password is
                               read from ${PASSWORD_VARIABLE}, never stored)
  desk status [--json]         synced, changes waiting, offline or the last error
  desk sync                    send this folder's changes, receive the desk's
  desk disagreements [ARTICLE] claims two checkers ruled on differently
  desk signoff ARTICLE         (editor) lock the article: marks are refused
  desk unlock ARTICLE --why TEXT
                               (editor) unlock it again, on record
  desk assign ARTICLE --to NAME [--claims 3-9]
                               (editor) assign the article, or claims 3 to 9
  desk second-read ARTICLE N   record your second read of claim N
  desk notices [ARTICLE]       desk edits that could not apply silently here`;

function password(): string {
  const value = process.env[PASSWORD_VARIABLE];
  if (!value) throw new UserError(`Set ${PASSWORD_VARIABLE} to your desk password first; Factdesk never stores it.`, 'invalid');
  return value;
}

async function joined(backend: OpenedBackend, dataDir: string): Promise<Desk> {
  const desk = backend.desk ?? (await Desk.open(dataDir, backend.store));
  if (!desk) throw new UserError('This data folder is on no desk yet; run desk join URL --user NAME first.', 'refused');
  return desk;
}

export async function deskCommand(args: string[], options: DeskOptions, open: Opener, openForWriting: Opener, io: Output): Promise<void> {
  const [sub, ...rest] = args;
  const need = (count: number, shape: string) => {
    if (rest.length !== count) throw new UserError(`Usage: desk ${sub} ${shape}`);
  };
  switch (sub) {
    case 'join': {
      need(1, 'URL --user NAME');
      if (!options.user) throw new UserError('desk join needs --user NAME: your account on the desk.');
      const url = rest[0]!;
      if (!/^https?:\/\//.test(url)) throw new UserError(`“${url}” is not a desk address; give one like https://desk.example.org/newsroom.`);
      const backend = await openForWriting();
      const desk = await Desk.join(options.dataDir, backend.store, url, options.user, password());
      const roles = desk.state.config.roles.join(', ') || 'no role';
      return io.out(`Joined ${url} as ${desk.user} (${roles}); run desk sync to send and receive.`);
    }
    case 'status': {
      need(0, '[--json]');
      const desk = await joined(await open(), options.dataDir);
      const status = deskStatus(desk.state.config, await desk.waiting());
      const disagreements = await desk.disagreements();
      if (options.json) return io.out(JSON.stringify({ ...status, disagreements, serverRules: desk.state.config.serverRules }, null, 2));
      io.out(status.sentence);
      if (disagreements.length > 0) io.out(`${disagreements.length} desk disagreement${disagreements.length === 1 ? '' : 's'}: run desk disagreements to see them.`);
      if (desk.state.config.serverRules === false) {
        io.out('The desk’s server does not enforce its rules (any member could write in another’s name): ask its admin to install them with scripts/desk-rules.mjs.');
      }
      return;
    }
    case 'sync': {
      need(0, '');
      const desk = await joined(await openForWriting(), options.dataDir);
      const { pushed, pulled } = await desk.sync(password());
      return io.out(`Sent ${pushed}, received ${pulled}; ${deskStatus(desk.state.config, await desk.waiting()).sentence}`);
    }
    case 'disagreements': {
      if (rest.length > 1) throw new UserError('Usage: desk disagreements [ARTICLE]');
      const backend = await open();
      const desk = await joined(backend, options.dataDir);
      const articleId = rest[0] ? (await findArticle(backend.api, rest[0])).id : undefined;
      const found = await desk.disagreements(articleId);
      if (options.json) return io.out(JSON.stringify(found, null, 2));
      if (found.length === 0) return io.out('No desk disagreements.');
      for (const { articleId: id, claimId, sides } of found) {
        io.out(`${id} claim ${claimId}: ${sides.map((s) => `${s.by} said ${s.verdict.status} at ${s.at}`).join('; ')}`);
      }
      return;
    }
    case 'signoff':
    case 'unlock': {
      need(1, sub === 'signoff' ? 'ARTICLE' : 'ARTICLE --why TEXT');
      const backend = await openForWriting();
      const desk = await joined(backend, options.dataDir);
      const article = await findArticle(backend.api, rest[0]!);
      const event = await desk.setLock(article.id, sub, options.why);
      return io.out(sub === 'signoff' ? `Signed off “${article.title}” as ${event.by}; run desk sync to tell the desk.` : `Unlocked “${article.title}” (${event.why}); run desk sync to tell the desk.`);
    }
    case 'assign': {
      need(1, 'ARTICLE --to NAME [--claims 3-9]');
      if (!options.to) throw new UserError('desk assign needs --to NAME: the checker it goes to.');
      const backend = await openForWriting();
      const desk = await joined(backend, options.dataDir);
      const article = await findArticle(backend.api, rest[0]!);
      const event = await assign(desk, article.id, options.to, options.claims);
      return io.out(`Assigned ${event.range ? `claims ${event.range} of ` : ''}“${article.title}” to ${event.to}; run desk sync to tell the desk.`);
    }
    case 'second-read': {
      need(2, 'ARTICLE N (the claim’s number)');
      const backend = await openForWriting();
      const desk = await joined(backend, options.dataDir);
      const article = await findArticle(backend.api, rest[0]!);
      const number = Number(rest[1]);
      const claim = Number.isInteger(number) ? (await backend.store.get(article.id)).claims[number - 1] : undefined;
      if (!claim) throw new UserError(`“${rest[1]}” is not a claim number of “${article.title}”.`, 'invalid');
      await secondRead(desk, article.id, claim.id);
      return io.out(`Second read of claim ${number} recorded as ${desk.user}; run desk sync to tell the desk.`);
    }
    case 'notices': {
      if (rest.length > 1) throw new UserError('Usage: desk notices [ARTICLE]');
      const backend = await open();
      const desk = await joined(backend, options.dataDir);
      const articleId = rest[0] ? (await findArticle(backend.api, rest[0])).id : undefined;
      const notices = await desk.notices.list(articleId);
      if (options.json) return io.out(JSON.stringify(notices, null, 2));
      if (notices.length === 0) return io.out('No desk notices.');
      for (const notice of notices) io.out(`${notice.articleId} ${notice.at}: ${notice.text}`);
      return;
    }
    default:
      throw new UserError(`Usage: ${DESK_USAGE.split('\n')[0]} (or status, sync, disagreements, signoff, unlock, assign, second-read, notices)`);
  }
}
