// Opens a data folder as a front door that writes does (openBackend with a lock), for
// the fault tests that must run as another user or in another mount: prints, as
// one JSON line, the library's problems, how many articles it lists, and what a
// write (setting the checker's name) answered.
import { openBackend } from '../../../../src/backend/open-backend';

const [dataDir, kind = 'desktop app'] = process.argv.slice(2) as [string, string?];
try {
  const backend = await openBackend(dataDir, { lockAs: kind, waitMs: 0 });
  const list = await backend.invoke('library:list', {});
  const write = await backend.invoke('preferences:set', { preferences: { checker: 'Probe' } });
  await backend.close();
  const listed = list.ok ? (list.value as { articles: unknown[]; problems: unknown[] }) : { articles: [], problems: [] };
  process.stdout.write(`${JSON.stringify({ articles: listed.articles.length, problems: listed.problems, write })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ thrown: (error as Error).message, name: (error as Error).name })}\n`);
}
