// A separate process for the crash test: opens the store, then saves notes as
// fast as it can, printing `ACK <n>` only after the store has acknowledged save n.
// The test kills it with SIGKILL at a random moment. With `compact` as a third
// argument it also compacts the article's log into its file after every other
// save, so that kills land mid-compaction too.
import { createBackend } from '../../../../src/backend/backend';
import { Store } from '../../../../src/backend/store/store';

const [dataDir, articleId, mode] = process.argv.slice(2);
const store = await Store.open(dataDir!);
const backend = createBackend(store);
const { article } = await backend.api['articles:get']({ id: articleId! });
const claims = article.claims;
process.stdout.write('READY\n');
for (let n = 1; ; n++) {
  const claim = claims[n % claims.length]!;
  await backend.api['claims:mark']({ articleId: articleId!, claimId: claim.id, checker: 'Burst', patch: { note: String(n), status: n % 3 === 0 ? 'disputed' : 'verified' } });
  process.stdout.write(`ACK ${n}\n`);
  if (mode === 'compact' && n % 2 === 0) await store.compactAll();
}
