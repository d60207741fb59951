// Labels (quote, number, date, entity, attribution, prediction, opinion) and the speaker
// of a quotation, from cheap regexes over one claim's text.
import type { Label } from '../model';
import { STARTERS } from './abbreviations';
import { LETTER, UPPER } from './letters';
import type { SpanFindings } from './spans';
import { ATTRIBUTION, OPINION, PREDICTION, type WordScan } from './words';

const SAY = 'said|says|asked|asks|added|adds|told|tells|wrote|writes|recalled|recalls|replied|explained|noted|argued|argues|insisted|warned|warns|acknowledged|continued|joked|testified|conceded|concedes|countered|cautioned|predicted|estimated|estimates';

const TITLE = String.raw`(?:(?:Mr|Mrs|Ms|Mx|Dr|Gen|Lt\.\s+Col|Lt\.\s+Gen|Lt|Col|Maj|Sgt|Capt|Cmdr|Adm|Sen|Rep|Gov|Prof|Rev|Brig\.\s+Gen)\.|Mayor|President|Chief|Judge|Justice|Officer|Director|Secretary|Senator|Governor|Professor|Commissioner|Chairman|Chairwoman|Sheriff|Detective|Inspector|Councilwoman|Councilman|Superintendent|Dean|Coach)`;
const WORD = String.raw`(?!(?:Jr|Sr)\.)[${UPPER}][${LETTER}'’-]+`;
const PERSON = String.raw`(?:${TITLE}\s+)?(?:(?:[${UPPER}]\.\s+)*${WORD})(?:\s+(?:[${UPPER}]\.\s+)*(?:de\s+|van\s+|von\s+)?${WORD}){0,5}(?:,?\s+(?:Jr\.|Sr\.|III|II|IV))?`;
const SPEAKER_AFTER = new RegExp(String.raw`\b(?:${SAY})\s+(${PERSON})`);
const SPEAKER_BEFORE = new RegExp(String.raw`(${PERSON})\s+(?:${SAY})\b`);
// "Tom Haskell, 58, a lobsterman, said"
const SPEAKER_APPOSITIVE = new RegExp(String.raw`(${PERSON}),\s+(?:[^,“”"]{1,90},\s+){1,2}(?:${SAY})\b`);
// "A spokeswoman for Lumora, Ines Halloran, said" / "said the florist, Maureen Kaplan"
const SPEAKER_NAMED_AFTER_ROLE = new RegExp(String.raw`,\s+(${PERSON}),\s+(?:${SAY})\b|\b(?:${SAY})\s+(?:the|a|an)\s+[a-z' ]{2,40},\s+(${PERSON})`);
const SPEAKER_ACCORDING = new RegExp(String.raw`\baccording to (?:the\s+)?(${PERSON})`);
const PRONOUN_TAG = new RegExp(String.raw`\b(?:he|she|they)\s+(?:${SAY})\b|\b(?:${SAY})\s+(?:he|she)\b`, 'i');
const QUOTE_MARK = /[“”"]/;

/** Strips leading sentence starters: "The Pentagon" → "Pentagon"; null if nothing is left. */
function cleanSpeaker(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const words = raw.split(/\s+/);
  while (words.length > 0 && STARTERS.has(words[0]!)) words.shift();
  if (words.length === 0) return undefined;
  return words.join(' ');
}

/** The named speaker or source of a claim, if the claim names one. */
export function findSpeaker(claim: string): string | undefined {
  const role = SPEAKER_NAMED_AFTER_ROLE.exec(claim);
  return cleanSpeaker(SPEAKER_AFTER.exec(claim)?.[1]) ??
    cleanSpeaker(role?.[1] ?? role?.[2]) ??
    cleanSpeaker(SPEAKER_APPOSITIVE.exec(claim)?.[1]) ??
    cleanSpeaker(SPEAKER_BEFORE.exec(claim)?.[1]) ??
    cleanSpeaker(SPEAKER_ACCORDING.exec(claim)?.[1]);
}

/** "he said" / "she asked": the speaker is whoever was named nearby. */
export function hasPronounTag(claim: string): boolean {
  return PRONOUN_TAG.test(claim);
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
