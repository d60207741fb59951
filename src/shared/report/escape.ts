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
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]!);
}

/** A URL that may become a link: http(s) only, no whitespace or control characters. */
export function isLinkableUrl(url: string): boolean {
  return /^https?:\/\/[^\s/?#\u0000-\u001F]+[^\s\u0000-\u001F]*$/i.test(url.trim());
}

/** An `<a>` to a web address, or the escaped text alone when it is not one. */
export function htmlLink(url: string, text: string = url): string {
  const trimmed = url.trim();
  if (!isLinkableUrl(trimmed)) return escapeHtml(text);
  return `<a href="${escapeHtml(trimmed)}" rel="noreferrer noopener">${escapeHtml(text)}</a>`;
}

/**
 * Text safe inline in CommonMark: punctuation that could start markup is
 * backslash-escaped (raw HTML cannot get through: `<` is always escaped), a
 * line that would start a list, heading, rule or quote is defused, and line
 * breaks become hard breaks with `indent` so they stay inside a list item.
 */
export function escapeMarkdown(value: string, indent = ''): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.replace(MD_SPECIAL, '\\$&').replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3').replace(/^(\s*)([-=])/, '$1\\$2'))
    .join(`\\\n${indent}`);
}
