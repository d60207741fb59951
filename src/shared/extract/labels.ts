// Labels (quote, number, date, entity, attribution, prediction, opinion) and the speaker
// of a quotation, from cheap regexes over one claim's text.
//
// The speaker regexes read the claim with its quotations masked ("“…”", see maskQuotes):
// a name inside the quoted words is never the speaker, and the attribution clause is all
// that is left to read. Every name pattern is bounded (no nested unbounded repeats), so a
// regex costs about one step per character whatever the text.
import type { Label } from '../model';
import { STARTERS } from './abbreviations';
import { LETTER, UPPER } from './letters';
import type { SpanFindings } from './spans';
import { ATTRIBUTION, OPINION, PREDICTION, type WordScan } from './words';

const SAY = 'said|says|asked|asks|added|adds|told|tells|wrote|writes|recalled|recalls|replied|explained|noted|argued|argues|insisted|warned|warns|acknowledged|continued|joked|testified|conceded|concedes|countered|cautioned|predicted|estimated|estimates';
// Verbs whose object is the one spoken to: "X told Y", "X asked Y". Never inverted with
// the speaker after them ("…,” told Reuters" is not English), so "told Y" never names a speaker.
const TO_LISTENER = 'told|tells|asked|asks';
// The verbs that may come before their speaker: "“…,” said Mayor Brandt", "“…?” asked Ms. Reyes".
const SAY_INVERTED = SAY.split('|').filter((v) => v !== 'told' && v !== 'tells').join('|');
// "Mr. Lee later said", "she also told"
const ADVERB = String.raw`(?:\s+(?:also|later|then|again|once|previously|repeatedly|recently|often|has|had|have))?`;

const TITLE = String.raw`(?:(?:Mr|Mrs|Ms|Mx|Dr|Gen|Lt\.\s+Col|Lt\.\s+Gen|Lt|Col|Maj|Sgt|Capt|Cmdr|Adm|Sen|Rep|Gov|Prof|Rev|Brig\.\s+Gen)\.|Mayor|President|Chief|Judge|Justice|Officer|Director|Secretary|Senator|Governor|Professor|Commissioner|Chairman|Chairwoman|Sheriff|Detective|Inspector|Councilwoman|Councilman|Superintendent|Dean|Coach)`;
const WORD = String.raw`(?!(?:Jr|Sr)\.)[${UPPER}][${LETTER}'’-]+`;
// At most three initials before a word, at most six words: bounded, so never slow.
const INITIALS = String.raw`(?:[${UPPER}]\.\s+){0,3}`;
const PERSON = String.raw`(?:${TITLE}\s+)?(?:${INITIALS}${WORD})(?:\s+${INITIALS}(?:de\s+|van\s+|von\s+)?${WORD}){0,5}(?:,?\s+(?:Jr\.|Sr\.|III|II|IV))?`;
// In masked text every quotation is “…”, so a closing mark is ”.
// "“…,” said Mayor Celia Brandt" / "“…?” asked Councilwoman Dana Reyes"
const SPEAKER_AFTER_QUOTE = new RegExp(String.raw`”\s*[,—–]?\s*(?:${SAY_INVERTED})\s+(${PERSON})`);
// "The plan is flawed, said Gus Tamura, a farmer."
const SPEAKER_AFTER_COMMA = new RegExp(String.raw`[,—–]\s*(?:${SAY_INVERTED})\s+(${PERSON})`);
// Not "X asked for a pause": a request, not words said.
const SPEAKER_BEFORE = new RegExp(String.raw`(${PERSON})${ADVERB}\s+(?:${SAY})\b(?!\s+for\b)`);
// "Tom Haskell, 58, a lobsterman, said"
const SPEAKER_APPOSITIVE = new RegExp(String.raw`(${PERSON}),\s+(?:[^,“”"]{1,90},\s+){1,2}(?:${SAY})\b`);
// "A spokeswoman for Lumora, Ines Halloran, said" / "“…,” said the florist, Maureen Kaplan"
const SPEAKER_NAMED_AFTER_ROLE = new RegExp(String.raw`,\s+(${PERSON}),\s+(?:${SAY})\b|[”,—–]\s*(?:${SAY_INVERTED})\s+(?:the|a|an)\s+[a-z'’ ]{2,40},\s+(${PERSON})`);
// "according to Dr. Evelyn Sato", "according to remarks Ms. Varga made to …"
const SPEAKER_ACCORDING = new RegExp(String.raw`\b[Aa]ccording to (?:(?:remarks|comments|testimony|a statement|statements|an interview|a post|a letter|a memo|an email|a speech)\s+(?:(?:from|by|with|of)\s+)?)?(?:the\s+)?(${PERSON})`);
// "he said", "she later told", "“…,” said she"
const PRONOUN_TAG = new RegExp(String.raw`\b(he|she|they)${ADVERB}\s+(?:${SAY})\b|”\s*[,—–]?\s*(?:${SAY_INVERTED})\s+(he|she)\b`, 'i');
// "X told Y", "X asked Y", "X said to Y": Y is spoken to.
const LISTENER = new RegExp(String.raw`\b(?:${TO_LISTENER}|(?:${SAY})\s+to)\s+(?:the\s+)?(${PERSON})`);
// Any attribution at all, named or not: "officials said", "a spokesman told", "according to".
const ATTRIBUTED = new RegExp(String.raw`\b(?:${SAY}|announced|stated|confirmed)\b|\b[Aa]ccording to\b|\bin a statement\b`);
// The subject of a sentence: "Ms. Okafor was blunt.", "On Monday, Foreign Minister Lars
// Halvorsen met him", "Marisol Ventura, 61, has lived…" (the name, then a lower-case word).
const SUBJECT = new RegExp(String.raw`^\s*(?:[^,“”"]{1,40},\s+)?(${PERSON})(?:,\s+(?:\d|[a-z])[^,“”"]{0,60},)?\s+[a-z]`);
const QUOTE_MARK = /[“”"]/;
// Every speaker, listener and attribution pattern above needs one of these words: a text
// without any is skipped at the cost of one scan.
const SPEECH = new RegExp(String.raw`\b(?:${SAY}|announced|stated|confirmed)\b|\baccording to\b|\bin a statement\b`, 'i');
// Past this length only both ends of a masked text are read: attribution sits next to the quotation.
const MAX_READ = 4_000;

/**
 * The text with each quotation replaced by “…”, and whether a quotation is still open at
 * its end. `open`: the text starts inside a quotation opened earlier (its words are masked
 * up to the closing mark). Straight quotes alternate; a ” with no quotation open closes one
 * that began before the text, unless it stands before a word (a mistyped opening mark).
 */
export function maskQuotes(text: string, open = false): { masked: string; open: boolean } {
  let out = '';
  let run = 0; // start of the unquoted text not yet copied
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x201c && c !== 0x201d && c !== 0x22) continue;
    if (open) {
      if (c === 0x201c) continue; // a nested or repeated opening mark
      out += '…”';
      open = false;
      run = i + 1;
    } else if (c === 0x201d && !(i + 1 < n && text.charCodeAt(i + 1) !== 32 && (i === 0 || text.charCodeAt(i - 1) === 32))) {
      out = '“…”'; // what came before was quoted, its opening mark before this text
      run = i + 1;
    } else {
      out += text.slice(run, i) + '“';
      open = true;
    }
  }
  out += open ? '…' : text.slice(run);
  return { masked: out, open };
}

// A short aside in parentheses: "Sen. Miriam Castellano (D., Port Harlan), who chairs…".
const ASIDE = /\s*\([^()]{1,60}\)/g;

/** What the speaker regexes read: asides dropped, and only both ends of a long text (an attribution sits next to its quotation). */
function readable(masked: string): string {
  const s = masked.length <= MAX_READ ? masked : `${masked.slice(0, MAX_READ / 2)} … ${masked.slice(-MAX_READ / 2)}`;
  return s.includes('(') ? s.replace(ASIDE, '') : s;
}

/**
 * Strips leading sentence starters ("The Pentagon" → "Pentagon") and a possessive
 * ("according to Mr. Lee's remarks" → "Mr. Lee"); undefined if nothing is left.
 */
function cleanSpeaker(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const words = raw.replace(/['’]s$/, '').split(/\s+/);
  while (words.length > 0 && STARTERS.has(words[0]!)) words.shift();
  if (words.length === 0) return undefined;
  return words.join(' ');
}

/** The speaker named by the attribution of a masked text (see maskQuotes), if any. */
export function speakerOf(masked: string): string | undefined {
  const s = readable(masked);
  const role = SPEAKER_NAMED_AFTER_ROLE.exec(s);
  return cleanSpeaker(SPEAKER_AFTER_QUOTE.exec(s)?.[1]) ??
    cleanSpeaker(role?.[1] ?? role?.[2]) ??
    cleanSpeaker(SPEAKER_APPOSITIVE.exec(s)?.[1]) ??
    cleanSpeaker(SPEAKER_BEFORE.exec(s)?.[1]) ??
    cleanSpeaker(SPEAKER_AFTER_COMMA.exec(s)?.[1]) ??
    cleanSpeaker(SPEAKER_ACCORDING.exec(s)?.[1]);
}

/** The named speaker or source of a claim, if the claim names one. */
export function findSpeaker(claim: string): string | undefined {
  return speakerOf(maskQuotes(claim).masked);
}

/** "he said" / "she asked" in a masked text: the pronoun, lower-cased. */
export function pronounTagOf(masked: string): 'he' | 'she' | 'they' | undefined {
  const m = PRONOUN_TAG.exec(readable(masked));
  return m ? ((m[1] ?? m[2])!.toLowerCase() as 'he' | 'she' | 'they') : undefined;
}

/** Whether a masked text has a verb of speech or an "according to" at all: cheap, and false means no speaker, listener or attribution. */
export function mentionsSpeech(masked: string): boolean {
  return SPEECH.test(readable(masked));
}

/** Whether a masked text attributes words to anyone, named or not ("officials said"). */
export function isAttributed(masked: string): boolean {
  return ATTRIBUTED.test(readable(masked));
}

/** The one spoken to in a masked text: "told Reuters", "asked Ms. Reyes", "said to Mr. Lee". */
export function listenerOf(masked: string): string | undefined {
  return cleanSpeaker(LISTENER.exec(readable(masked))?.[1]);
}

/** The name a masked text opens with as its subject ("Ms. Okafor was blunt."), if any. */
export function subjectOf(masked: string): string | undefined {
  const raw = SUBJECT.exec(readable(masked.length > 400 ? masked.slice(0, 400) : masked))?.[1];
  // "Mr. Gallant's office said": the office is the subject, not Mr. Gallant.
  return raw !== undefined && !/['’]s$/.test(raw) ? cleanSpeaker(raw) : undefined;
}

export interface LabelContext {
  /** True when the claim sits inside a quotation opened by an earlier sentence. */
  insideQuote: boolean;
}

export function findLabels(claim: string, f: SpanFindings, words: WordScan, ctx: LabelContext): Label[] {
  const labels: Label[] = [];
  const quoted = ctx.insideQuote || f.longestQuote >= 3 || (QUOTE_MARK.test(claim) && /^[“"]/.test(claim));
  if (quoted) labels.push('quote');
  if (f.numbers > 0) labels.push('number');
  if (f.dates > 0) labels.push('date');
  if (f.names > 0) labels.push('entity');
  if (words.flags & ATTRIBUTION) labels.push('attribution');
  if (words.flags & PREDICTION) labels.push('prediction');
  if (words.flags & OPINION) labels.push('opinion');
  return labels;
}
