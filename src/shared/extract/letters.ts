// Letter classes for regexes. Unicode property escapes (\p{Lu}) need the `u` flag, which makes
// V8's regexes several times slower here; these ranges cover Latin script (ASCII, Latin-1,
// Latin Extended-A/B), which is what English-language news names use.

/** Capital letters: A–Z and the Latin-1 capitals (À–Þ except ×). */
export const UPPER = 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE';
/** Any Latin letter, either case, plus combining accents. */
export const LETTER = 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F';
