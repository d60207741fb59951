// A search box's text as the index reads it: words (each must appear; stop
// words are skipped), "quoted phrases" (their words must appear, and the phrase
// itself, in any case), and the last word as the start of a word while it is
// still being typed ("seaw" finds "seawall"). Pure; the index is asked only to
// expand the prefix.
import type { TermGroup } from './bm25-index';
import { indexTerms } from './tokens';

/** How many words a prefix may stand for. */
const PREFIX_EXPANSIONS = 24;
const MIN_PREFIX = 2;

export interface ParsedQuery {
  /** Every term searched for, the prefix's own included (for highlighting). */
  terms: string[];
  groups: TermGroup[];
  /** Lowercased, spaces collapsed. */
  phrases: string[];
}

export function parseQuery(query: string, expand: (prefix: string, max: number) => string[]): ParsedQuery {
  const phrases: string[] = [];
  const rest = query.replace(/["“”]([^"“”]*)["“”]?/g, (_, phrase: string) => {
    const p = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
    if (p) phrases.push(p);
    return ` ${phrase} `;
  });
  const terms = [...new Set(indexTerms(rest))];
  // The last word is a prefix only while it is being typed: the box ends in it, outside a phrase.
  const typing = /[\p{L}\p{N}]$/u.test(query) && (query.match(/["“”]/g)?.length ?? 0) % 2 === 0;
  const last = typing ? indexTerms(/[\p{L}\p{N}.,'’-]*$/u.exec(query)![0]).at(-1) : undefined;
  const groups: TermGroup[] = terms.map((term) => {
    if (term !== last || term.length < MIN_PREFIX) return { terms: [term] };
    const more = expand(term, PREFIX_EXPANSIONS).filter((t) => t !== term);
    return { terms: [term, ...more] };
  });
  return { terms, groups, phrases };
}
