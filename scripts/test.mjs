// `npm test`: type-check, lint (zero warnings), unit tests (vitest), build, end-to-end tests
// (Playwright), then one closing line `N passed, N failed, N skipped` that
// counts every check, with the reason for each skipped test printed above it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const UNIT_REPORT = 'test-results/unit-report.json';
const E2E_REPORT = 'test-results/e2e-report.json';
const totals = { passed: 0, failed: 0, skipped: 0 };
const skips = [];

function run(title, command, args) {
  process.stdout.write(`\n── ${title}: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status === 0;
}

function countStep(ok) {
  if (ok) totals.passed += 1;
  else totals.failed += 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

countStep(run('type-check (whole project)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']));
countStep(run('type-check (src/shared without DOM or Node)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.shared.json']));
countStep(run('lint (no warning allowed)', 'npx', ['eslint', '.', '--max-warnings', '0']));

const unitOk = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${UNIT_REPORT}`]);
const unit = readJson(UNIT_REPORT);
if (unit) {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests;
  totals.skipped += unit.numPendingTests + unit.numTodoTests;
  for (const file of unit.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'skipped' || t.status === 'pending') skips.push(`${t.fullName}: skipped`);
    }
  }
  if (!unitOk && unit.numFailedTests === 0) totals.failed += 1; // a file failed to load
} else if (!unitOk) totals.failed += 1;

const buildOk = run('build', 'npx', ['electron-vite', 'build', '--logLevel', 'warn']);
countStep(buildOk);
if (buildOk) {
  const e2eOk = run('end-to-end tests', 'npx', ['playwright', 'test']);
  const e2e = readJson(E2E_REPORT);
  if (e2e) {
    totals.passed += e2e.stats.expected + e2e.stats.flaky;
    totals.failed += e2e.stats.unexpected;
    totals.skipped += e2e.stats.skipped;
    collectSkips(e2e.suites ?? []);
    if (!e2eOk && e2e.stats.unexpected === 0) totals.failed += 1;
  } else if (!e2eOk) totals.failed += 1;
}

function collectSkips(suites) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'skipped') continue;
        const why = (t.annotations ?? []).find((a) => a.type === 'skip')?.description ?? 'no reason given';
        skips.push(`${spec.title} [${t.projectName}]: ${why}`);
      }
    }
    collectSkips(suite.suites ?? []);
  }
}

process.stdout.write('\n');
for (const skip of skips) process.stdout.write(`Skipped: ${skip}\n`);
if (existsSync('test-results/e2e')) process.stdout.write('Screenshots and traces: test-results/e2e\n');
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(totals.failed === 0 ? 0 : 1);
