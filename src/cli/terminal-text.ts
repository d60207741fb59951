// Article text made safe to print for people. Titles, claims and notes come from
// the outside world (pasted articles, web pages, a colleague's export), and a
// terminal obeys what it is sent: ESC and CSI sequences recolour or hide text,
// OSC sequences set the window title, write the clipboard or make links, C1
// controls do the same in one byte, a carriage return overwrites a line, and bidi
// overrides make a line read differently from what it holds.
//
// Each of those characters is shown as a visible escape instead (`\x1b`, `\r`,
// `\u202e`), so the rest of a sequence prints as plain text and the reader sees
// that something was there. This applies to a terminal and to a pipe alike: the
// human-readable output is the same wherever it goes, since a file or a pager
// (`less -R`) replays the sequences later. `--json` is the exact text, escaped
// by JSON itself. A backslash already in the text is left as it is.

// C0 controls but tab and line feed, DEL, C1 controls, bidi embeddings, overrides
// and isolates, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const NAMED: Record<string, string> = { '\r': '\\r', '\u000b': '\\v', '\f': '\\f', '\b': '\\b', '\0': '\\0' };

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/**
 * Text safe to write to a terminal. Without `continuation` it is one line (a line
 * break shows as `\n`); with it, line breaks are kept and every following line
 * starts with `continuation`, so a note's second line cannot pass for a line of
 * the command's own output.
 */
export function terminalText(text: string, continuation?: string): string {
  const safe = text.replace(UNSAFE, visible);
  if (continuation === undefined) return safe.replace(/\n/g, '\\n');
  return safe.replace(/\n(?=.)/g, `\n${continuation}`);
}
