// The boundaries the design depends on, checked on every run: the core runs
// anywhere, the renderer talks only to the API client, and nothing outside the
// Electron glue imports Electron.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, statically or dynamically. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[1]!);
  return found;
}

function violations(folder: string, isForbidden: (specifier: string, file: string) => boolean): string[] {
  return sourceFiles(join(SRC, folder)).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => isForbidden(specifier, file))
      .map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
  );
}

function resolvesInto(specifier: string, file: string, folders: string[]): boolean {
  if (!specifier.startsWith('.')) return false;
  const target = relative(SRC, resolve(dirname(file), specifier));
  return folders.some((folder) => target === folder || target.startsWith(`${folder}/`));
}

const NODE_BUILTINS = /^(node:|fs$|path$|os$|crypto$|child_process$|http$|url$|util$|stream$|events$|buffer$)/;

describe('architecture', () => {
  it('src/shared imports no electron, no Node built-ins, no React and nothing outside src/shared', () => {
    const bad = violations('shared', (s, file) =>
      s === 'electron' || NODE_BUILTINS.test(s) || s.startsWith('react') || (s.startsWith('.') && !resolvesInto(s, file, ['shared'])),
    );
    expect(bad).toEqual([]);
  });

  it('the renderer imports only itself and src/shared, never main, backend, server or cli', () => {
    const bad = violations('renderer', (s, file) =>
      s === 'electron' || NODE_BUILTINS.test(s) || (s.startsWith('.') && !resolvesInto(s, file, ['renderer', 'shared'])),
    );
    expect(bad).toEqual([]);
  });

  it('the backend, the browser shell and the CLI never import Electron or the Electron glue', () => {
    const bad = ['backend', 'server', 'cli'].flatMap((folder) =>
      violations(folder, (s, file) => s === 'electron' || s.startsWith('@electron') || resolvesInto(s, file, ['main', 'preload', 'renderer'])),
    );
    expect(bad).toEqual([]);
  });

  it('the preload imports only electron and the contract', () => {
    const bad = violations('preload', (s, file) => s !== 'electron' && !resolvesInto(s, file, ['shared']));
    expect(bad).toEqual([]);
  });

  it('lowdb is used only by the store', () => {
    const users = sourceFiles(SRC).filter((file) => importsOf(file).includes('lowdb')).map((f) => relative(SRC, f));
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((f) => f.startsWith('backend/store/'))).toBe(true);
  });
});
