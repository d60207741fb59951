// Builds the command line into plain JavaScript (out/cli/main.js), so that a
// command starts as fast as Node does instead of compiling TypeScript first (tsx).
// One ES-module bundle of our own code and of the small libraries every command
// uses (BUNDLED: loading zod as its hundred files costs more than the rest of a
// `list`); every other package stays in node_modules, and what the code loads with
// `import()` (the format readers and their jsdom, mammoth and pdfjs; playwright-core
// for PDFs) becomes a chunk of its own that only the command needing it loads. The
// import reader thread is built beside main.js, where run-reader.ts looks for it.
//
//   node scripts/build-cli.mjs              build into out/cli
//   node scripts/build-cli.mjs --if-stale   only when a source is newer than the build
//   node scripts/build-cli.mjs --outdir DIR --metafile
//                                           elsewhere, with esbuild's meta.json (tests)
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
/** Libraries bundled into the CLI; any other dependency is left to node_modules. */
const BUNDLED = ['zod', 'lowdb', 'diff-match-patch'];
const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const EXTERNAL = Object.keys(dependencies).filter((name) => !BUNDLED.includes(name));
/** Everything of ours the CLI's bundle is made of. */
const SOURCES = ['src/cli', 'src/backend', 'src/shared'].map((dir) => join(ROOT, dir));

const { values } = parseArgs({
  options: {
    outdir: { type: 'string', default: join(ROOT, 'out', 'cli') },
    'if-stale': { type: 'boolean', default: false },
    metafile: { type: 'boolean', default: false },
  },
});
const outdir = resolve(values.outdir);
const entry = join(outdir, 'main.js');

if (!values['if-stale'] || isStale()) {
  rmSync(outdir, { recursive: true, force: true });
  // Loaded only to build: `npm run cli` checks staleness on every command.
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'src/cli/main.ts', 'import-worker': 'src/backend/import/import-worker.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    external: EXTERNAL,
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    metafile: values.metafile,
    logLevel: 'warning',
  });
  // The bin: run directly by a shell, as `factdesk` once installed or linked.
  writeFileSync(entry, `#!/usr/bin/env node\n${readFileSync(entry, 'utf8')}`);
  chmodSync(entry, 0o755);
  if (result.metafile) writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile));
}

/** True when there is no build, or a source file (or this script) is newer than it. */
function isStale() {
  if (!existsSync(entry)) return true;
  const built = statSync(entry).mtimeMs;
  const newer = (path) => {
    const info = statSync(path);
    if (!info.isDirectory()) return info.mtimeMs > built;
    return readdirSync(path).some((name) => newer(join(path, name)));
  };
  return newer(import.meta.filename) || SOURCES.some(newer);
}
