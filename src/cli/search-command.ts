// `search "QUERY" [--status S] [--checker NAME] [--json]`: the claim memory's
// library-wide search from the shell. Claims, notes, corrections and sources of
// every article; one line per claim found, under a line naming its article.
import type { Api } from '../shared/contract';
import { UserError } from '../shared/errors';
import { STATUSES, type Status } from '../shared/model';
import type { Output } from './commands';
import { terminalText } from './terminal-text';

export interface SearchOptions {
  statuses?: string[];
  checker?: string;
  json: boolean;
  /** Where progress goes while the memory is built (stderr on a terminal; nowhere otherwise). */
  progress?: (line: string) => void;
}

const POLL_MS = 200;
const SHOWN_CHARS = 160;

export async function searchCommand(api: Api, query: string, options: SearchOptions, io: Output): Promise<void> {
  if (!query.trim()) throw new UserError('search needs words to look for, e.g. search "seawall vote".');
  const statuses = (options.statuses ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const wrong = statuses.find((s) => !(STATUSES as readonly string[]).includes(s));
  if (wrong !== undefined) throw new UserError(`Status “${wrong}” is not one of ${STATUSES.join(', ')}.`);
  await memoryReady(api, options.progress);
  const answer = await api['search:query']({
    query,
    ...(statuses.length > 0 ? { statuses: statuses as Status[] } : {}),
    ...(options.checker?.trim() ? { checker: options.checker.trim() } : {}),
  });
  if (options.json) return io.out(JSON.stringify(answer));
  if (answer.matched === 'none') return io.out(`No claim, note, correction or source matches “${terminalText(query)}”.`);
  const shown = answer.groups.reduce((n, g) => n + g.hits.length, 0);
  const some = answer.matched === 'some' ? ' (none has every word; these have some)' : '';
  io.out(`${answer.total} ${answer.total === 1 ? 'claim' : 'claims'} in ${answer.articles} ${answer.articles === 1 ? 'article' : 'articles'}${some}${shown < answer.total ? `; the best ${shown} shown` : ''}:`);
  for (const group of answer.groups) {
    io.out(`${terminalText(group.title)}  (${group.articleId}, ${group.date})`);
    for (const hit of group.hits) {
      const where = hit.fields.filter((f) => f !== 'claim');
      const found = where.length > 0 ? `  [in the ${where.join(', ')}]` : '';
      const who = hit.checker ? ` ${terminalText(hit.checker)}` : '';
      io.out(`  ${String(hit.number).padStart(4)}. [${hit.status}${who}] ${terminalText(cut(hit.text))}${found}`);
    }
  }
}

/** Waits for the claim memory, as a window would: ask, and show the progress while it builds. */
async function memoryReady(api: Api, progress?: (line: string) => void): Promise<void> {
  for (;;) {
    const { memory } = await api['memory:status']({});
    if (memory.state === 'ready') return;
    if (memory.state === 'failed') throw new UserError(memory.message ?? 'The claim memory could not be built.');
    if (memory.total > 0) progress?.(`Reading the library for search: ${memory.done} of ${memory.total} articles…`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function cut(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= SHOWN_CHARS ? line : `${line.slice(0, SHOWN_CHARS - 1)}…`;
}
