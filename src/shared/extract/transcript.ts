// Transcripts: "SEN. WARREN: We asked twice.", "Jane Doe (00:12): Thank you.", or the
// name and time on a line of their own with the words below. The labels and the times
// are set aside (they are not claims); every claim of a turn carries its speaker.
import type { Line, LineRole } from './structure';

export type TranscriptLine =
  /** The line opens a turn: its first `labelEnd - line.start` characters are the label. */
  | { kind: 'turn'; labelEnd: number; speaker: string }
  /** A time stamp alone on its line ("00:12", "[01:02:03]"). */
  | { kind: 'timestamp' };

const TIME = String.raw`\d{1,2}(?::\d{2}){1,2}`;
// "SEN. ELIZABETH WARREN (01:02:03):" is about this long; a label is never longer.
const MAX_LABEL_CHARS = 72;
// "SEN. ELIZABETH WARREN", "Q", "Jane Doe", "Dr. Anthony Fauci", "Speaker 2".
const NAME = String.raw`(?:\p{Lu}[\p{Lu}\p{M}.'’-]*(?: \p{Lu}[\p{Lu}\p{M}.'’-]*){0,4}|\p{Lu}[\p{L}\p{M}.'’-]*(?: (?:\p{Lu}[\p{L}\p{M}.'’-]*|\d{1,2})){0,3})`;
// A label and the words of the turn on the same line: "NAME:", "NAME (00:12):", "NAME [00:12]:".
const INLINE_LABEL = new RegExp(String.raw`^(${NAME})(?:\s*[([]${TIME}[)\]])?:[ ]+(?=\S)`, 'u');
// A label alone on its line: "Jane Doe (00:12)", "JANE DOE:", "Jane Doe (00:12):".
const LABEL_LINE = new RegExp(String.raw`^(${NAME})(?:\s*[([]${TIME}[)\]]:?|:)$`, 'u');
const TIMESTAMP_LINE = new RegExp(String.raw`^[([]?${TIME}[)\]]?$`, 'u');
// A turn label that is really a heading or a field: "Note:", "Update:", "Editor's note:".
const NOT_SPEAKERS = /^(?:note|notes|update|updated|last updated|published|posted|correction|editor'?s note|source|sources|photo|credit|caption|tags|related|see also|learn more|read more|share|warning|summary|contents)$/i;

/**
 * For each line, its transcript role, when the text is a transcript: at least three
 * turns, a speaker who speaks more than once, and turns making up a quarter of the
 * lines. A prize list ("First Place: …", "Second Place: …") has no speaker who comes
 * back, so it is not taken for one.
 */
export function transcriptLines(text: string, lines: readonly Line[], hinted?: readonly (LineRole | undefined)[]): (TranscriptLine | undefined)[] {
  const found: (TranscriptLine | undefined)[] = new Array(lines.length);
  const turns = new Map<string, number>();
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    const { start, end } = lines[i]!;
    if (end - start > 4_000) continue; // a paragraph, not a label; and keeps the regexes cheap
    // What the importer placed ("Last Updated: …" as a dateline, a "Learn More:" link set aside) is no turn.
    const hint = hinted?.[i];
    if (hint && (hint.setAside || hint.section !== 'body')) continue;
    // A label is near the start: a longer line with no colon there is no turn (and is not scanned).
    if (end - start > MAX_LABEL_CHARS && !text.slice(start, start + MAX_LABEL_CHARS + 1).includes(':')) continue;
    const line = text.slice(start, end);
    const inline = INLINE_LABEL.exec(line);
    const alone = inline ? null : LABEL_LINE.exec(line);
    const match = inline ?? alone;
    if (match && !NOT_SPEAKERS.test(match[1]!)) {
      const speaker = match[1]!.trim();
      found[i] = { kind: 'turn', labelEnd: start + (inline ? match[0].trimEnd().length : line.length), speaker };
      turns.set(speaker, (turns.get(speaker) ?? 0) + 1);
      count++;
    } else if (TIMESTAMP_LINE.test(line)) found[i] = { kind: 'timestamp' };
  }
  const repeated = [...turns.values()].some((n) => n >= 2);
  if (count < 3 || !repeated || count < 0.25 * lines.length) return new Array(lines.length);
  // A one-off label in another style than the transcript's own ("Morning Briefing: …" as
  // the title of a transcript whose speakers are in capitals) is a line of text, not a turn.
  const capitals = [...turns.keys()].filter(isCapitals);
  const capitalTurns = capitals.reduce((n, k) => n + turns.get(k)!, 0);
  const style = capitalTurns >= 0.6 * count ? 'capitals' : capitalTurns <= 0.4 * count ? 'names' : 'mixed';
  return found.map((line) => {
    if (line?.kind !== 'turn' || turns.get(line.speaker)! >= 2 || style === 'mixed') return line;
    return (style === 'capitals') === isCapitals(line.speaker) ? line : undefined;
  });
}

/** "SEN. MARIA LOPEZ", "Q": no lower-case letter. */
function isCapitals(name: string): boolean {
  return !/\p{Ll}/u.test(name);
}
