// Every word accounted for: on every text the project has, and on fuzzed text, the
// claims and set-aside segments partition the article (each non-space character in
// exactly one segment), and preparing a text twice changes nothing.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractSegments, partitionProblem, prepareText } from '../../../src/shared/extract';
import { GOLDEN_RULES_PATH, loadCases, loadGoldenRules } from './metrics';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const textFixtures = ['articles', 'revisions', 'extract']
  .flatMap((dir) => {
    try {
      return readdirSync(`${fixtures}${dir}`).filter((f) => f.endsWith('.txt')).map((f) => `${dir}/${f}`);
    } catch {
      return [];
    }
  });

function expectPartition(raw: string, label: string) {
  const text = prepareText(raw);
  expect(prepareText(text), `${label}: prepared twice`).toBe(text);
  expect(partitionProblem(text, extractSegments(text)), label).toBeNull();
}

describe('the partition property', () => {
  it('holds on every text fixture', () => {
    expect(textFixtures.length).toBeGreaterThanOrEqual(10);
    for (const f of textFixtures) expectPartition(readFileSync(`${fixtures}${f}`, 'utf8'), f);
  });

  it('holds on every case of the segmentation suite', () => {
    for (const c of loadCases()) expectPartition(c.text, c.id);
  });

  // The Golden Rules come from the shared corpus beside the repository, when it is there.
  const golden = loadGoldenRules();
  it.skipIf(!golden)(`holds on every Golden Rule${golden ? '' : `: ${GOLDEN_RULES_PATH} is not here`}`, () => {
    for (const g of golden!) expectPartition(g.text, `golden rule ${g.id}`);
  });

  it('holds on 2,000 fuzzed articles built from the hard parts of real copy', () => {
    const atoms = [
      'Mr.', ' ', 'U.S.', '“', '”', '"', '(', ')', '[12]', '...', '…', '?', '!', '.', '\n', '\n\n', '\n  ', 'Advertisement', '$4.2', '10 a.m.',
      'By Jo Lee', 'Credit...', 'CreditCredit', 'said', 'Gen.', 'Oct. 1', 'word', 'The', '—', '220-207', 'é', '’', '• ', '- ', '1. ', '2) ', 'a. ',
      'JAKE TAPPER: ', 'Ana Ruiz (00:12)', '[00:30]', 'Contents', 'References', '^ ', 'Share', 'Read more', 'well-', 'govern-', 'ment',
      'hq-', 'media@example.org', 'https://example.org/a-b', '* * *', '|', 'First Place: ', 'Yes.', 'Hello!!', 'N.Y.C.', 'p.m.', '\t',
    ];
    let seed = 7;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let k = 0; k < 2_000; k++) {
      let s = '';
      const n = 10 + Math.floor(rand() * 120);
      for (let i = 0; i < n; i++) s += atoms[Math.floor(rand() * atoms.length)]!;
      expectPartition(s, JSON.stringify(s));
    }
  });
});
