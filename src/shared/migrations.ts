// Numbered schema migrations. Every file Factdesk writes (the library file, one
// file per article, an article exported as JSON) carries `schemaVersion`; a file
// from an older Factdesk is brought up to SCHEMA_VERSION here, one step at a
// time, before it is validated. Steps work on plain JSON and never throw: what a
// step cannot make sense of is left for validation to reject.
// Process-free: the data folder and the JSON import share these steps.
import { completePartition } from './article-segments';
import type { Claim, SetAsideSegment } from './model';

export interface Migration {
  /** The version this step produces; it reads files of version `to - 1`. */
  to: number;
  /** What changed, for the tests and the next person adding a step. */
  summary: string;
  /** Rewrites the `article` object of a data-folder article file or an export. */
  article?: (article: Record<string, unknown>) => Record<string, unknown>;
  /** Rewrites the library file (everything but `schemaVersion`). */
  library?: (library: Record<string, unknown>) => Record<string, unknown>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    to: 2,
    summary: 'An article always has an `orphans` list; schema 1 left it out when no claim had been orphaned.',
    article: (article) => ({ ...article, orphans: Array.isArray(article.orphans) ? article.orphans : [] }),
  },
  {
    to: 3,
    summary:
      'Every word is accounted for: an article gets its `setAside` list, and the text that older versions dropped ' +
      '(short lines, boilerplate, bullets) becomes set-aside segments, or claims when it says something.',
    article: (article) => {
      const base = { ...article, setAside: [] as SetAsideSegment[] };
      if (typeof article.text !== 'string' || !Array.isArray(article.claims)) return base;
      let n = 0;
      const prefix = String(article.id ?? '').replace(/[^a-z0-9]/g, '').slice(0, 24);
      // Ids derived from the article's own, so that migrating the same file twice gives the same result.
      const newId = () => `${prefix}m${(n++).toString(36)}`;
      try {
        const { claims, setAside } = completePartition(article.text, { claims: article.claims as Claim[], setAside: [] }, newId);
        return { ...base, claims, setAside };
      } catch {
        return base; // malformed claims: left for validation to reject
      }
    },
  },
  {
    to: 4,
    summary:
      'Every article carries a `version`, counted up by every save, so that a change made in a window ' +
      'holding an out-of-date copy is refused instead of silently overwriting a newer one.',
    article: (article) => ({ ...article, version: Number.isInteger(article.version) && (article.version as number) >= 0 ? article.version : 0 }),
  },
  {
    to: 5,
    summary:
      'Facts inside a claim: every claim, set-aside segment and orphan gets its `facts` list, empty. Only the facts ' +
      'a checker touches are stored; the extracted spans show as unchecked facts, so an old article reads as before ' +
      'with every span ready to tick. The version goes up so that an older Factdesk, which would drop the facts it does ' +
      'not know when it saves, refuses the file instead.',
    article: (article) => ({
      ...article,
      claims: withFacts(article.claims),
      setAside: withFacts(article.setAside),
      orphans: withFacts(article.orphans),
    }),
  },
];

/** Each passage of a list with a `facts` list (an existing one kept); anything else left for validation. */
function withFacts(list: unknown): unknown {
  if (!Array.isArray(list)) return list;
  return list.map((item) => (isRecord(item) ? { ...item, facts: Array.isArray(item.facts) ? item.facts : [] } : item));
}

export const FIRST_SCHEMA_VERSION = 1;
export const SCHEMA_VERSION = FIRST_SCHEMA_VERSION + MIGRATIONS.length;

export type Upgrade =
  | { kind: 'current'; document: unknown }
  | { kind: 'migrated'; document: unknown; from: number }
  | { kind: 'newer'; version: number };

/**
 * Brings a parsed document up to SCHEMA_VERSION. A document without a usable
 * version is returned as it is, for validation to reject with its own message.
 */
export function upgradeDocument(document: unknown): Upgrade {
  if (!isRecord(document)) return { kind: 'current', document };
  const version = document.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) return { kind: 'current', document };
  if (version > SCHEMA_VERSION) return { kind: 'newer', version };
  if (version < FIRST_SCHEMA_VERSION || version === SCHEMA_VERSION) return { kind: 'current', document };
  let upgraded: Record<string, unknown> = document;
  for (const step of MIGRATIONS.slice(version - FIRST_SCHEMA_VERSION)) upgraded = applyStep(step, upgraded);
  return { kind: 'migrated', document: upgraded, from: version };
}

function applyStep(step: Migration, document: Record<string, unknown>): Record<string, unknown> {
  const { schemaVersion: _, ...rest } = document;
  let next: Record<string, unknown> = rest;
  if ('article' in next) {
    if (step.article && isRecord(next.article)) next = { ...next, article: step.article(next.article) };
  } else if (step.library) {
    next = step.library(next);
  }
  return { schemaVersion: step.to, ...next };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
