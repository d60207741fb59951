// The revision scenarios (tests/fixtures/revisions): a base article, one revised
// text per scenario and the expected outcome for every old claim.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractClaims, normalizeText } from '../../../src/shared/extract';
import type { Claim, Status, Verdict } from '../../../src/shared/model';
import type { FactChange, Outcome } from '../../../src/shared/revisions';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/revisions');

export interface Scenario {
  name: string;
  file: string;
  note: string;
  /** One per claim of the base article, in order. */
  outcomes: Outcome[];
  /** Facts called out, by base claim index (only for changed claims). */
  facts?: Record<string, FactChange[]>;
  /** Orphan index → index of the base claim whose new claim holds its words. */
  absorbedBy?: Record<string, number>;
  added: number;
}

const manifest = JSON.parse(readFileSync(join(FIXTURES, 'scenarios.json'), 'utf8')) as { base: string; baseClaims: number; scenarios: Scenario[] };
export const scenarios = manifest.scenarios;
export const BASE_CLAIMS = manifest.baseClaims;

export function readFixture(name: string): string {
  return normalizeText(readFileSync(join(FIXTURES, name), 'utf8'));
}

export const baseText = readFixture(manifest.base);

const STATUSES: Status[] = ['verified', 'disputed', 'sourced', 'unchecked'];

/** A verdict for every claim: a mix of statuses, notes, corrections and sources. */
export function verdictFor(i: number): Verdict {
  const status = STATUSES[i % 4]!;
  return {
    status,
    note: i % 4 === 3 && i % 8 === 3 ? '' : `Checker note on claim ${i}: called the source back.`,
    correction: status === 'disputed' ? `Suggested correction for claim ${i}.` : '',
    sourceIds: status === 'verified' || status === 'sourced' ? [`src${i % 3}`] : [],
    checker: status === 'unchecked' ? null : 'Ana',
    updatedAt: status === 'unchecked' ? null : '2026-02-01T09:00:00.000Z',
  };
}

/** The base article's claims as a checker left them: every one with a verdict and a history entry. */
export function checkedBaseClaims(): Claim[] {
  return extractClaims(baseText).map((c, i) => ({
    ...c,
    id: `c${i}`,
    verdict: verdictFor(i),
    history: [{ at: '2026-02-01T09:00:00.000Z', by: 'Ana', kind: 'verdict' as const, changes: [{ field: 'note' as const, from: '', to: `note ${i}` }] }],
  }));
}

export function idGenerator(prefix = 'n'): () => string {
  let n = 0;
  return () => `${prefix}${n++}`;
}
