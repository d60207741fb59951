import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../../src/shared/extract/', import.meta.url));

describe('extractor is process-free', () => {
  it('imports only its own modules, ../model and zod; uses no Node, Electron or DOM globals', () => {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const src = readFileSync(dir + f, 'utf8');
      for (const m of src.matchAll(/from\s+'([^']+)'/g)) expect(['../model', 'zod'].includes(m[1]!) || m[1]!.startsWith('./'), `${f}: ${m[1]}`).toBe(true);
      expect(src, f).not.toMatch(/\b(?:window|document|process|Buffer|require)\b[.(]/);
    }
  });
});
