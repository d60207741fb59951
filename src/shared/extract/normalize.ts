// Text normalization. Claim offsets point into the normalized text, so this must be
// deterministic and idempotent: normalizeText(normalizeText(x)) === normalizeText(x).

// Every horizontal space variant that web pages and word processors leave in copied text
// (NBSP, en/em/thin/hair/narrow/figure/ideographic spaces, tabs) becomes a plain space.
const SPACES = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// Invisible characters (zero-width space/joiners, word joiner, soft hyphen, BOM) are removed:
// they break word matching and are never meaningful in prose.
const INVISIBLE = /[\u200B-\u200D\u2060\u00AD\uFEFF]/g;
// Control characters (C0 but tab and line breaks, DEL, C1) never belong in copy: an ESC
// in a pasted article could drive a terminal, and it hides a sentence end from the splitter.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;
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
    .replace(CONTROLS, '')
    .replace(SPACES, ' ')
    .replace(TRAILING_SPACES, '')
    .replace(MANY_NEWLINES, '\n\n')
    .trim();
}
