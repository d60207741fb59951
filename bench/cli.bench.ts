// CLI cold start: `npx tsx bench/cli.bench.ts` (or `npm run bench -- cli`). Each run
// is a new process, timed from spawn to exit, as a person at a shell sees it: the
// built CLI (out/cli/main.js, what `npm run cli` and the `factdesk` bin run) beside
// the same sources under tsx (how the CLI ran before it was built) and a bare
// `node -e ""`, the floor no Node program starts under. Medians after a warm-up run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = 7;
const LARGE_RUNS = 3;

const build = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) throw new Error('the CLI could not be built');

const work = mkdtempSync(join(tmpdir(), 'factdesk-bench-cli-'));
const env: NodeJS.ProcessEnv = { ...process.env };
delete env.FACTDESK_DATA_DIR;
delete env.NODE_OPTIONS;

const articles = ['resources/sample-article.txt', ...['feature-ferry', 'news-transit', 'report-hospitals'].map((n) => `tests/fixtures/articles/${n}.txt`)];
const feature = articles.map((path) => readFileSync(join(ROOT, path), 'utf8').trim()).join('\n\n');
const featureFile = join(work, 'feature.txt');
writeFileSync(featureFile, feature);
const largeFile = join(work, 'large.txt');
writeFileSync(largeFile, Array.from({ length: Math.ceil((10 * 1024 * 1024) / (feature.length + 2)) }, () => feature).join('\n\n').slice(0, 10 * 1024 * 1024));
const words = feature.split(/\s+/).length;

const emptyLibrary = join(work, 'empty');
const library = join(work, 'library');
const runners = {
  node: (): string[] => ['-e', ''],
  built: (args: string[]) => [join(ROOT, 'out/cli/main.js'), ...args],
  tsx: (args: string[]) => ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args],
};

function once(nodeArgs: string[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, nodeArgs, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`node ${nodeArgs.join(' ')} failed: ${run.stderr}`);
  return seconds;
}

function median(nodeArgs: string[], runs: number): number {
  once(nodeArgs); // warm-up: the file system cache, not the process
  const times = Array.from({ length: runs }, () => once(nodeArgs)).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const imported = spawnSync(process.execPath, runners.built(['import', featureFile, '--data-dir', library]), { cwd: ROOT, env, encoding: 'utf8' });
if (imported.status !== 0) throw new Error(`import failed: ${imported.stderr}`);
const articleId = imported.stdout.trim();

const scenarios = [
  { name: 'list (empty library)', args: ['list', '--data-dir', emptyLibrary], runs: RUNS, target: 0.3 },
  { name: 'show (one article)', args: ['show', articleId, '--data-dir', library], runs: RUNS, target: 0.3 },
  { name: `extract (${words.toLocaleString('en-US')} words)`, args: ['extract', featureFile, '--json'], runs: RUNS, target: 0.5 },
  { name: 'extract (10 MB)', args: ['extract', largeFile, '--json'], runs: LARGE_RUNS, target: undefined },
];

const nodeFloor = median(runners.node(), RUNS);
const col = (s: string, n: number) => s.padStart(n);
console.log(`Cold start, seconds (median of ${RUNS} runs, ${LARGE_RUNS} for 10 MB, after a warm-up run):\n`);
console.log(`${'command'.padEnd(26)}${col('node -e ""', 12)}${col('built CLI', 12)}${col('tsx', 10)}${col('tsx/built', 11)}`);
const results = scenarios.map((s) => {
  const built = median(runners.built(s.args), s.runs);
  const tsx = median(runners.tsx(s.args), s.runs);
  console.log(`${s.name.padEnd(26)}${col(nodeFloor.toFixed(3), 12)}${col(built.toFixed(3), 12)}${col(tsx.toFixed(3), 10)}${col(`${(tsx / built).toFixed(1)}×`, 11)}`);
  return { ...s, built };
});

console.log('\nTargets (built CLI):');
for (const r of results) {
  if (r.target === undefined) continue;
  console.log(`  ${r.built <= r.target ? 'MET    ' : 'NOT MET'}  ${r.name}: ${r.built.toFixed(3)} s (at most ${r.target} s)`);
}
rmSync(work, { recursive: true, force: true });
