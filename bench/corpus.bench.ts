// Web-page import on real copy: `npx tsx bench/corpus.bench.ts` (or `npm run bench -- corpus`).
// For each saved page in ../shared/corpus/web-pages: refused or not, the share of the
// reference words (Readability's expected.html) in claims and in claims or set-aside
// segments, furniture claims, the structure found, and the import time. The
// definitions are in tests/unit/import/corpus-metrics.ts. `--verbose` lists each
// page's furniture claims and missing words.
import { corpusPages, measurePage, type PageMetrics } from '../tests/unit/import/corpus-metrics';

const verbose = process.argv.includes('--verbose');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const pad = (s: string | number, n: number): string => String(s).padStart(n);

const pages = corpusPages().filter((p) => only.length === 0 || only.some((o) => p.includes(o)));
if (pages.length === 0) {
  process.stdout.write('No corpus found at ../shared/corpus/web-pages; nothing to measure.\n');
  process.exit(0);
}

// One warm-up so the first page does not carry jsdom's start-up.
await measurePage(pages[0]!);

const results: PageMetrics[] = [];
for (const name of pages) results.push(await measurePage(name));

const header =
  `${'page'.padEnd(28)} ${pad('refused', 7)} ${pad('claims%', 8)} ${pad('excl.app', 8)} ${pad('+aside%', 8)} ` +
  `${pad('c/r wds', 7)} ${pad('furn', 4)} ${pad('furn%', 6)} ${pad('capt', 4)} ${pad('cred', 4)} ${pad('byl', 3)} ` +
  `${pad('dek', 3)} ${pad('bio', 3)} ${pad('claims', 6)} ${pad('aside', 5)} ${pad('ms', 6)}`;
process.stdout.write(
  'claims% = reference words in claims / all reference words; excl.app = the same, leaving out the reference words\n' +
    'set aside as table of contents or reference list (c/r wds); +aside% = in claims or set-aside segments.\n' +
    'furn = furniture claims (patterns, or short body labels mostly absent from the reference); ms = importFile time.\n\n',
);
process.stdout.write(`${header}\n${'-'.repeat(header.length)}\n`);
for (const r of results) {
  const furnShare = r.claims ? r.furnitureClaims.length / r.claims : 0;
  process.stdout.write(
    `${r.name.padEnd(28)} ${pad(r.refused ? 'YES' : '-', 7)} ${pad(pct(r.inClaims), 8)} ${pad(pct(r.inClaimsExcludingApparatus), 8)} ` +
      `${pad(pct(r.inClaimsOrSetAside), 8)} ${pad(r.contentsReferenceWords, 7)} ${pad(r.furnitureClaims.length, 4)} ${pad(pct(furnShare), 6)} ` +
      `${pad(r.captions, 4)} ${pad(r.credits, 4)} ${pad(r.bylines, 3)} ${pad(r.deks, 3)} ${pad(r.bios, 3)} ` +
      `${pad(r.claims, 6)} ${pad(r.setAside, 5)} ${pad(r.importMs.toFixed(0), 6)}\n`,
  );
  if (r.refused) process.stdout.write(`    refused: ${r.refused}\n`);
  if (r.partition) process.stdout.write(`    partition: ${r.partition}\n`);
  if (verbose) {
    for (const f of r.furnitureClaims) process.stdout.write(`    furniture: ${f.slice(0, 100)}\n`);
    if (r.missing.length > 0) process.stdout.write(`    missing: ${r.missing.join(' ')}\n`);
  }
}

const imported = results.filter((r) => !r.refused);
const short = imported.filter((r) => r.inClaimsExcludingApparatus < 0.99);
if (short.length > 0) {
  process.stdout.write(
    '\nPages under 99% in claims (excl. contents/reference): where the other reference words went, as % of the reference\n' +
      '(credit, furniture, label and readers\' comments are set aside on purpose, visible and counted; "nowhere" is not in\n' +
      'the imported text; "of article words" leaves those set aside on purpose out of the reference):\n',
  );
  for (const r of short) {
    const n = r.notInClaims;
    process.stdout.write(
      `  ${r.name.padEnd(28)} in claims ${pct(r.inClaimsExcludingApparatus).padStart(6)}  credit ${pct(n.credit).padStart(5)}  ` +
        `furniture ${pct(n.furniture).padStart(5)}  label ${pct(n.label).padStart(5)}  comments ${pct(n.comment).padStart(5)}  ` +
        `other ${pct(n.other).padStart(5)}  nowhere ${pct(n.nowhere).padStart(5)}  ` +
        `of article words ${pct(articleShare(r)).padStart(6)}\n`,
    );
  }
}
/**
 * Reference words in claims, out of the article's own words: Readability's reference keeps
 * photo credits, page furniture, label headings and readers' comments that the import sets
 * aside on purpose (visibly, and counted above), so those are left out of what a page's
 * claims should hold.
 */
function articleShare(r: PageMetrics): number {
  const n = r.notInClaims;
  return r.inClaimsExcludingApparatus / (1 - n.credit - n.furniture - n.label - n.comment || 1);
}

const words = imported.reduce((n, r) => n + r.referenceWords, 0) || 1;
const weighted = (f: (r: PageMetrics) => number) => imported.reduce((n, r) => n + f(r) * r.referenceWords, 0) / words;
const claims = imported.reduce((n, r) => n + r.claims, 0);
const furniture = imported.reduce((n, r) => n + r.furnitureClaims.length, 0);
const total = (f: (r: PageMetrics) => number) => imported.reduce((n, r) => n + f(r), 0);
const times = results.map((r) => r.importMs).sort((a, b) => a - b);
process.stdout.write(
  `\nOverall (${results.length} pages, ${results.length - imported.length} refused; shares weighted by reference words):\n` +
    `  words in claims ${pct(weighted((r) => r.inClaims))} of all reference words, ` +
    `${pct(weighted((r) => r.inClaimsExcludingApparatus))} leaving out ${total((r) => r.contentsReferenceWords)} contents/reference words; ` +
    `in claims or set aside ${pct(weighted((r) => r.inClaimsOrSetAside))}\n` +
    `  pages under 99% in claims (excl. contents/reference): ${imported.filter((r) => r.inClaimsExcludingApparatus < 0.99).map((r) => `${r.name} ${pct(r.inClaimsExcludingApparatus)}`).join(', ') || 'none'}\n` +
    `  pages under 99% of article words in claims (leaving out credits, furniture, labels and comments set aside): ` +
    `${imported.filter((r) => articleShare(r) < 0.99).map((r) => `${r.name} ${pct(articleShare(r))}`).join(', ') || 'none'}\n` +
    `  furniture claims ${furniture} of ${claims} (${pct(furniture / (claims || 1))}); pages over 1%: ` +
    `${imported.filter((r) => r.furnitureClaims.length > 0.01 * r.claims).map((r) => `${r.name} ${r.furnitureClaims.length}/${r.claims}`).join(', ') || 'none'}\n` +
    `  captions ${total((r) => r.captions)}, credits ${total((r) => r.credits)}, bylines ${total((r) => r.bylines)}, ` +
    `deks ${total((r) => r.deks)}, bios ${total((r) => r.bios)}; claims ${claims}, set aside ${total((r) => r.setAside)}\n` +
    `  import time: median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, max ${times[times.length - 1]!.toFixed(0)} ms\n`,
);
