// Escaping for every text format the reports write. Article text, notes and
// source titles come from the outside world (pasted articles, web pages), so each
// value is escaped at the one place it enters the output.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * Text safe in HTML element content and in double- or single-quoted attribute
 * values. Control characters other than tab/newline are dropped (they are never
 * meaningful in a report and some are invalid in HTML).
 */
export function escapeHtml(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]!);
}

/** A URL that may become a link: http(s) only, no whitespace or control characters. */
export function isLinkableUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^https?:\/\/[^\s/?#\u0000-\u001F]+[^\s\u0000-\u001F]*$/i.test(url.trim());
}

/** An `<a>` to a web address, or the escaped text alone when it is not one. */
export function htmlLink(url: string, text: string = url): string {
  const trimmed = url.trim();
  if (!isLinkableUrl(trimmed)) return escapeHtml(text);
  return `<a href="${escapeHtml(trimmed)}" rel="noreferrer noopener">${escapeHtml(text)}</a>`;
}

/**
 * Text safe inline in CommonMark, escaped only where it would otherwise become
 * markup, so "(Oct. 9)" stays "(Oct. 9)":
 * - always: `\\` (it escapes what follows), `` ` `` (code), `*` (emphasis),
 *   `[` (every link, image and link definition needs one), `<` (every raw HTML
 *   tag and autolink needs one), and `|` and `~` (GFM tables and strikethrough);
 * - `_` unless it sits inside a word (where it cannot open or close emphasis);
 * - `&` only where it would start an entity ("&amp;", "&#38;");
 * - at the start of a line, only what starts a block there (see LINE_STARTS):
 *   a heading, a quote, a list item, a rule or a setext underline.
 * Leading spaces are dropped (four would make a code block) and blank lines too;
 * line breaks become hard breaks followed by `indent`, so a value stays in its item.
 * `(`, `)`, `]`, `!`, `{`, `}` and `.` are never escaped: none makes markup without
 * an unescaped `[` or a line start.
 */
export function escapeMarkdown(value: string, indent = ''): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/^[ \t]+/, ''))
    .filter((line) => line.trim() !== '')
    .map(escapeMarkdownLine)
    .join(`\\\n${indent}`);
}

const MD_ALWAYS = /[\\`*[<|~]/g;
const MD_ENTITY = /&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function escapeMarkdownLine(line: string): string {
  const escaped = line
    .replace(MD_ALWAYS, '\\$&')
    .replace(MD_ENTITY, '\\&')
    // `_` between two letters or digits is part of a word (snake_case, URLs), never emphasis.
    .replace(/_/g, (underscore, at: number, whole: string) =>
      WORD_CHAR.test(whole[at - 1] ?? '') && WORD_CHAR.test(whole[at + 1] ?? '') ? underscore : '\\_',
    );
  return LINE_STARTS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), escaped);
}

/**
 * What makes a block at the start of a line, and only that: "-3 percent",
 * "#hashtag", "=SUM" and "1.2 miles" stay as they are.
 */
const LINE_STARTS: [RegExp, string][] = [
  [/^>/, '\\>'], // block quote
  [/^#(?=#{0,5}(?:[ \t]|$))/, '\\#'], // ATX heading: one to six # and a space or the end
  [/^([-+])(?=[ \t]|$)/, '\\$1'], // bullet list item
  [/^-(?=[- \t]*$)/, '\\-'], // thematic break or setext underline of dashes
  [/^=(?==*[ \t]*$)/, '\\='], // setext underline of equals signs
  [/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2'], // ordered list item
];
