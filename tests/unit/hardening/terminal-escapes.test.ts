// `show` and `list` print article text for people. Text from a hostile article,
// title or note must reach the terminal as visible escapes, never as control
// sequences it obeys (set the title, hide text, overwrite a line, reorder it);
// `--json` stays the exact stored text. (An article's own text loses its control
// characters when it is prepared at import; titles and notes keep what was typed.) Checked through the real CLI, piped (the test's
// stdout is a pipe, and the output is the same on a terminal).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminalText } from '../../../src/cli/terminal-text';
import { runCli, type CliRun } from '../support/run-cli';

const ESC = '\u001b';
const TITLE = `Council ${ESC}]0;owned${'\u0007'}${ESC}[2J budget ${ESC}]52;c;cm0gLXJmIH4=${ESC}\\`;
const TEXT = `The mayor said taxes rose 5 percent.${ESC}[8m The council hid this.${ESC}[0m\n\nThe bridge cost \u202e$4 million\u202c in 1932.\n\nTotal \u009b31m spending fell.`;
const NOTE = `Wrong${ESC}[31m figure\nsee the minutes\r   2. [verified] forged line`;

/** Anything a terminal acts on: C0 controls but newline, DEL, C1 controls, bidi controls. */
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let root: string;
let dataDir: string;
let id = '';

function cli(args: string[]): string {
  const run: CliRun = runCli([...args, '--data-dir', dataDir], { HOME: root });
  expect(run.stderr, run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'factdesk-terminal-'));
  dataDir = join(root, 'data');
  await writeFile(join(root, 'article.txt'), TEXT);
  id = cli(['import', join(root, 'article.txt'), '--title', TITLE]).trim();
  cli(['mark', id, '1', '--status', 'disputed', '--note', NOTE, '--checker', 'Ana']);
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('article text in the terminal', () => {
  it('show prints every control and bidi character as a visible escape', () => {
    const out = cli(['show', id]);
    expect(out).not.toMatch(ACTIVE);
    expect(out).toContain('Council \\x1b]0;owned\\x07\\x1b[2J budget \\x1b]52;c;cm0gLXJmIH4=\\x1b\\');
    // The article text lost its controls at import; its bidi marks are kept, shown escaped.
    expect(out).toContain('5 percent.[8m The council hid this.[0m');
    expect(out).toContain('\\u202e$4 million\\u202c');
    expect(out).toContain('Total 31m spending fell.');
  });

  it('show keeps a note’s line breaks, indented so no line passes for a claim, and shows its carriage return', () => {
    const lines = cli(['show', id]).split('\n');
    const note = lines.findIndex((l) => l.startsWith('      note: Wrong\\x1b[31m figure'));
    expect(note).toBeGreaterThan(0);
    expect(lines[note + 1]).toBe('        see the minutes\\r   2. [verified] forged line');
    expect(lines.filter((l) => /^\s*\d+\. \[/.test(l))).toHaveLength(3);
  });

  it('list prints the title on one line, escaped', () => {
    const out = cli(['list']);
    expect(out).not.toMatch(ACTIVE);
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    expect(out).toContain('Council \\x1b]0;owned\\x07\\x1b[2J budget');
  });

  it('--json keeps the exact stored title, text and note', () => {
    const article = JSON.parse(cli(['show', id, '--json'])) as { title: string; text: string; claims: { verdict: { note: string } }[] };
    expect(article.title).toBe(TITLE);
    expect(article.text).toContain('5 percent.[8m The council hid this.[0m');
    expect(article.text).toContain('\u202e$4 million\u202c');
    expect(article.claims[0]!.verdict.note).toBe(NOTE);
  });
});

describe('terminalText', () => {
  it('escapes controls, C1 and bidi characters visibly, and leaves ordinary text alone', () => {
    expect(terminalText('plain “text”, café — ok\tthere')).toBe('plain “text”, café — ok\tthere');
    expect(terminalText(`${ESC}[1mbold\u0007\u0000\u007f\u0085\u2066x\u2069\u2028`)).toBe('\\x1b[1mbold\\x07\\0\\x7f\\u0085\\u2066x\\u2069\\u2028');
    expect(terminalText('a\r\nb')).toBe('a\\r\\nb');
    expect(terminalText('עברית \u200f ok')).toBe('עברית \u200f ok');
  });

  it('keeps line breaks with a continuation indent, none on blank lines', () => {
    expect(terminalText('one\n\ntwo\n', '  ')).toBe('one\n\n  two\n');
  });
});
