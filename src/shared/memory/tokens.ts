// The words of claims as the claim memory sees them: one tokenizer for the index,
// the query and the similarity, so "Residents'" in a note and "residents" in a
// search are the same term. Lowercased, accents folded, numbers without their
// thousands separators ("1,200" → "1200"), possessives dropped and a light plural
// stemmer (Harman's S-stemmer), so "votes" finds "vote" and no more than that.

// A word keeps its inner joiners: "1,200", "4.2", "O'Neill", "co-op", "example.org".
// Scanned by hand rather than by a Unicode regex: the index reads 600,000
// claims at a launch, and the scanner is several times faster.
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;
const MARKS = /\p{M}+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  if (c >= 0xd800 && c <= 0xdfff) return true; // a letter outside the BMP (or a stray surrogate)
  return c >= 0xaa && LETTER_OR_DIGIT.test(String.fromCharCode(c));
}

function isJoiner(c: number): boolean {
  return c === 46 || c === 44 || c === 39 || c === 0x2019 || c === 45;
}

/** The words of `text` in order; `count` only counts them. */
function scan(text: string, out: string[] | null): number {
  const n = text.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    for (;;) {
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      if (i + 1 < n && isJoiner(text.charCodeAt(i)) && isWordChar(text.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      break;
    }
    count++;
    out?.push(text.slice(start, i));
  }
  return count;
}

/** Words too common to find anything with, or to tell two claims apart by ("may": the verb far more often than the month). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself ' +
    'his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ' +
    'ourselves out over own same she should so some such than that the their theirs them themselves then there these they this ' +
    'those through to too under until up very was we were what when where which while who whom why will with would you your ' +
    'yours yourself yourselves may http https www com org'
  ).split(' '),
);

const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/** The raw words of a text, as written. */
export function rawWords(text: string): string[] {
  const out: string[] = [];
  scan(text, out);
  return out;
}

/** How many words a claim has (the short-claim rule counts these). */
export function wordCount(text: string): number {
  return scan(text, null);
}

function fold(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFKD').replace(MARKS, '') : lower;
}

function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** One folded word as a term: numbers lose thousands separators, words their possessive and plural. */
export function normalizeWord(folded: string): string {
  if (hasDigit(folded)) return folded.includes(',') ? folded.replace(/(\d),(?=\d{3}\b)/g, '$1') : folded;
  let w = folded;
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  return stem(w);
}

function stem(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && !w.endsWith('eies') && !w.endsWith('aies')) return `${w.slice(0, -3)}y`;
  if (w.endsWith('es') && !w.endsWith('aes') && !w.endsWith('ees') && !w.endsWith('oes')) return w.slice(0, -1);
  if (w.endsWith('s') && !w.endsWith('us') && !w.endsWith('ss') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

/** Every term of a text, stop words included, in order. */
export function allTerms(text: string): string[] {
  const words = rawWords(fold(text));
  return words.map(normalizeWord);
}

/** The terms the index holds for a text: every term but the stop words, in order. */
export function indexTerms(text: string): string[] {
  const words = rawWords(fold(text));
  const out: string[] = [];
  for (const word of words) {
    const term = normalizeWord(word);
    if (!STOP_WORDS.has(term) && !STOP_WORDS.has(word)) out.push(term);
  }
  return out;
}

/** The placeholder a number, a year, a month or a weekday becomes in `wordingTerms`. */
export const FIGURE = '#';

/**
 * The terms that carry a claim's wording, for comparing two claims: stop words
 * dropped, and every number and date word one placeholder, so the same sentence
 * with another figure reads the same (the figure is called out separately).
 */
export function wordingTerms(text: string): string[] {
  const words = rawWords(fold(text));
  const out: string[] = [];
  for (const word of words) {
    if (hasDigit(word) || MONTHS.has(word)) {
      out.push(FIGURE);
      continue;
    }
    const term = normalizeWord(word);
    if (!STOP_WORDS.has(term) && !STOP_WORDS.has(word)) out.push(term);
  }
  return out;
}
