// The built command line (scripts/build-cli.mjs → out/cli/main.js), which `npm run cli`
// and the `factdesk` bin run. The other CLI tests run the sources under tsx (they run
// before `npm test` builds anything); this one builds into a folder of its own and
// checks what building can break: the bin runs, the import reader thread is found
// beside the bundle, and the heavy readers stay out of what every command loads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');
/** Packages no command may load before it knows it needs them. */
const HEAVY = ['jsdom', 'mammoth', 'pdfjs-dist', 'playwright-core'];

interface Metafile {
  outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, unknown> }>;
}

let outdir: string;
let data: string;

beforeAll(() => {
  // Inside the repository, so the bundle finds node_modules as out/cli does.
  mkdirSync(join(REPO_ROOT, 'out'), { recursive: true });
  outdir = mkdtempSync(join(REPO_ROOT, 'out', 'cli-test-'));
  data = mkdtempSync(join(tmpdir(), 'factdesk-built-cli-'));
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--outdir', outdir, '--metafile'], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(build.stderr).toBe('');
  expect(build.status).toBe(0);
}, 60_000);

afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});

function run(command: string, args: string[]) {
  const env = { ...process.env };
  delete env.FACTDESK_DATA_DIR;
  delete env.NODE_OPTIONS;
  return spawnSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8', env, timeout: 30_000 });
}

describe('the built CLI', () => {
  it.skipIf(process.platform === 'win32')('runs as an executable with a shebang (the bin)', () => {
    const main = join(outdir, 'main.js');
    expect(readFileSync(main, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(main).mode & 0o111).not.toBe(0);
    const listed = run(main, ['list', '--data-dir', join(data, 'empty')]);
    expect(listed.stderr).toBe('');
    expect(listed.stdout).toBe('The library is empty. Add an article with: import FILE\n');
  });

  it('reads a web page through the reader thread built beside it', () => {
    const extracted = run(process.execPath, [join(outdir, 'main.js'), 'extract', 'tests/fixtures/import/saved-page.html', '--json']);
    expect(extracted.stderr).toBe('');
    const { claims } = JSON.parse(extracted.stdout) as { claims: { section: string; text: string }[] };
    expect(claims.find((c) => c.section === 'headline')?.text).toBe('Ferry Line to Gull Island Will End Winter Service');
  });

  it('loads no format reader and no browser until a command needs one', () => {
    const meta = JSON.parse(readFileSync(join(outdir, 'meta.json'), 'utf8')) as Metafile;
    const key = (file: string) => relative(REPO_ROOT, file).split('\\').join('/');
    const outputs = new Map(Object.entries(meta.outputs).map(([file, output]) => [key(resolve(REPO_ROOT, file)), output]));
    // Everything main.js pulls in with static imports, the way Node loads it at start.
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      for (const imported of outputs.get(file)?.imports ?? []) {
        if (imported.kind !== 'import-statement') continue;
        visit(imported.external ? imported.path : key(resolve(REPO_ROOT, imported.path)));
      }
    };
    const main = [...outputs.keys()].find((file) => file.endsWith('/main.js'))!;
    visit(main);
    const packages = [...loaded].filter((file) => !file.startsWith('out/'));
    expect(packages.filter((name) => HEAVY.some((heavy) => name === heavy || name.startsWith(`${heavy}/`)))).toEqual([]);
    const sources = [...loaded].flatMap((file) => Object.keys(outputs.get(file)?.inputs ?? {}));
    expect(sources.filter((source) => /src\/backend\/import\/from-(html|docx|pdf|markdown)\.ts$/.test(source))).toEqual([]);
    // …and they are in the build, for the commands that do need them.
    expect([...outputs.values()].some((output) => output.imports.some((i) => i.external && i.path === 'jsdom'))).toBe(true);
  });
});
