// Text normalization. Claim offsets point into the normalized text, so this must be
// deterministic and idempotent: normalizeText(normalizeText(x)) === normalizeText(x).

// Every horizontal space variant that web pages and word processors leave in copied text
// (NBSP, en/em/thin/hair/narrow/figure/ideographic spaces, tabs) becomes a plain space.
const SPACES = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// Invisible characters (zero-width space/joiners, word joiner, soft hyphen, BOM) are removed:
// they break word matching and are never meaningful in prose.
const INVISIBLE = /[\u200B-\u200D\u2060\u00AD\uFEFF]/g;
// Unicode line and paragraph separators count as line breaks.
const LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085]/g;
// A run of spaces at a line end. The lookbehind lets a match start only at the first
// space of a run: without it every space of a long run inside a line is a new start
// that scans the rest of the run, which is quadratic (60,000 spaces took 24 s).
const TRAILING_SPACES = /(?<! ) +$/gm;
const MANY_NEWLINES = /\n{3,}/g;

export function normalizeText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(LINE_BREAKS, '\n')
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .replace(TRAILING_SPACES, '')
    .replace(MANY_NEWLINES, '\n\n')
    .trim();
}
