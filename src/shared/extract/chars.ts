// Character-class tests on UTF-16 code units. The splitter scans with charCodeAt, so these
// stay branch-cheap for ASCII and fall back to Unicode property regexes only above 0x7F.

const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;

export function isUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_RE.test(String.fromCharCode(c));
}

export function isLower(c: number): boolean {
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER_RE.test(String.fromCharCode(c));
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isLetter(c: number): boolean {
  return isUpper(c) || isLower(c);
}

/** Plain space only: the text is normalized, and newlines are handled separately. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** Marks that close a sentence's last clause: quotes and brackets after the final period. */
export function isCloser(c: number): boolean {
  return c === 0x22 /* " */ || c === 0x27 /* ' */ || c === 0x201d /* ” */ || c === 0x2019 /* ’ */ ||
    c === 0x29 /* ) */ || c === 0x5d /* ] */ || c === 0xbb /* » */ || c === 0x203a /* › */;
}

/** Marks that may open a new sentence before its first letter. */
export function isOpener(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201c /* “ */ || c === 0x2018 /* ‘ */ ||
    c === 0x28 || c === 0x5b || c === 0xab /* « */ || c === 0x2039 /* ‹ */;
}

export function isCurrency(c: number): boolean {
  return c === 0x24 /* $ */ || c === 0xa3 /* £ */ || c === 0x20ac /* € */ || c === 0xa5 /* ¥ */;
}

export function isTerminal(c: number): boolean {
  return c === 0x2e /* . */ || c === 0x3f /* ? */ || c === 0x21 /* ! */ || c === 0x2026 /* … */;
}

/** Bullet glyphs that are never anything else: "•", "◦", "▪", "‣", "⁃". */
export function isBulletGlyph(c: number): boolean {
  return c === 0x2022 || c === 0x25e6 || c === 0x25aa || c === 0x2023 || c === 0x2043;
}

/**
 * Marks that open a list item at the start of a line: the bullet glyphs, and "-", "*", "·",
 * "–", which are bullets only when a space follows them ("-5 degrees" is a number).
 */
export function isBullet(c: number): boolean {
  return isBulletGlyph(c) || c === 0x2d /* - */ || c === 0x2a /* * */ || c === 0xb7 /* · */ || c === 0x2013 /* – */;
}
