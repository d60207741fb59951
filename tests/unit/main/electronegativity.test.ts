// Electronegativity (Doyensec's Electron security scanner) over the whole source,
// through its API. Any finding of medium severity or above fails the test, except
// the checks that only ask for a human review of a feature every Electron app with
// a preload and links uses; each of those is reviewed here, with the reason.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '../../..');

interface Finding {
  id: string;
  file: string;
  location: { line: number };
  severity: { value: number; name: string };
  manualReview: boolean;
}

const REVIEWED: Record<string, { file: string; why: string }> = {
  PRELOAD_JS_CHECK: {
    file: 'main/create-window.ts',
    why: 'the preload (src/preload/index.ts) exposes one named function per contract operation and a fixed menu channel list, never ipcRenderer',
  },
  OPEN_EXTERNAL_JS_CHECK: {
    file: 'main/security.ts',
    why: 'the one openExternal call sits behind isSafeExternalUrl (http/https only, no credentials), unit-tested in security-policy.test.ts',
  },
};

describe('electronegativity', () => {
  it('finds nothing of medium severity or above that is not reviewed', async () => {
    const runner = require('@doyensec/electronegativity/dist/runner.js') as { default?: unknown } & ((...args: unknown[]) => unknown);
    const run = (runner.default ?? runner) as (options: object, forCli: boolean) => Promise<{ issues: Finding[]; errors: unknown[] }>;
    const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version as string;
    const out = mkdtempSync(join(tmpdir(), 'factdesk-electronegativity-'));
    try {
      const result = await run(
        {
          input: join(ROOT, 'src'),
          output: join(out, 'findings.csv'),
          isSarif: false,
          customScan: [],
          excludeFromScan: [],
          isRelative: true,
          electronVersionOverride: electronVersion,
          parserPlugins: [],
        },
        false,
      );
      expect(result.errors).toEqual([]);
      const serious = result.issues.filter((f) => f.severity.value >= 2);
      const unreviewed = serious.filter((f) => !(f.manualReview && REVIEWED[f.id]?.file === f.file));
      expect(unreviewed.map((f) => `${f.id} ${f.severity.name} at ${f.file}:${f.location.line}`)).toEqual([]);
      // Every reviewed check is still needed: when one disappears, drop its review.
      for (const id of Object.keys(REVIEWED)) expect(serious.some((f) => f.id === id), id).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
