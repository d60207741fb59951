// Where a search's words are in a text, for the UI to mark them: each word of
// the text whose term (tokens.ts) is one searched for, or starts with the word
// being typed. Pure, so the renderer and the CLI mark the same words.
import { normalizeWord } from './tokens';

const WORD = /[\p{L}\p{N}]+(?:[.,'’-][\p{L}\p{N}]+)*/gu;

export interface Range {
  start: number;
  end: number;
}

export function highlightRanges(text: string, terms: readonly string[], prefix?: string): Range[] {
  const wanted = new Set(terms);
  const ranges: Range[] = [];
  for (const m of text.matchAll(WORD)) {
    const folded = m[0].toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '');
    const term = normalizeWord(folded);
    if (wanted.has(term) || (prefix && prefix.length >= 2 && folded.startsWith(prefix))) ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  return ranges;
}
