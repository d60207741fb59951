// Who says each quotation: one pass over the segments of the article, paragraph by
// paragraph, after they are labelled. A speaker is set only when the text supports it: a
// name in the attribution ("said Mayor Brandt", "Ms. Okafor said", "according to …"), a
// pronoun tag ("she said") resolved to a person named nearby, or a transcript label.
//
// The unit of attribution is the quotation, not the sentence: the sentences a quotation
// runs over (open mark to close mark) are read as one, with the quoted words masked, so
// "“We lost everything. The house. Nobody came,” she said." gives all three sentences the
// speaker, and a name inside the quotation is never taken for the speaker. A quotation
// with no attribution of its own goes on in the voice of the unit just before it in the
// paragraph ("“We will appeal,” she said. “The ruling is wrong.”"), and into a new
// paragraph only when the previous one left its quotation open (news style).
import type { Segment } from './index';
import { isAttributed, listenerOf, maskQuotes, mentionsSpeech, pronounTagOf, speakerOf, subjectOf } from './labels';

type Gender = 'm' | 'f';

/** A person named in the text, a candidate for "he" or "she". */
interface Mention {
  name: string;
  /** A listener ("asked Ms. Reyes") answers only a pronoun of its own, known gender. */
  listener: boolean;
}

/** One quotation (or one sentence outside any), with the claims it spans. */
interface Unit {
  segments: Segment[];
  parts: string[];
  quote: boolean;
  speaker?: string;
}

/** How far back "he" or "she" looks for a name, in mentions. */
const LOOKBACK = 12;

const MALE = new Set(['Mr', 'Sir', 'King', 'Prince', 'Lord', 'Duke', 'Father', 'Brother', 'Councilman', 'Congressman', 'Chairman', 'Spokesman', 'Assemblyman', 'Sheikh', 'Baron', 'Emperor']);
const FEMALE = new Set(['Ms', 'Mrs', 'Miss', 'Mme', 'Madam', 'Dame', 'Lady', 'Queen', 'Princess', 'Duchess', 'Sister', 'Councilwoman', 'Congresswoman', 'Chairwoman', 'Spokeswoman', 'Assemblywoman', 'Baroness', 'Empress']);
// Words that make a name a person's: titles, ranks and offices.
const PERSON_TITLES = new Set([
  ...MALE, ...FEMALE, 'Mx', 'Dr', 'Gen', 'Lt', 'Col', 'Maj', 'Sgt', 'Cpl', 'Pvt', 'Capt', 'Cmdr', 'Adm', 'Brig', 'Sen', 'Rep',
  'Gov', 'Prof', 'Rev', 'Fr', 'Msgr', 'Det', 'Supt', 'Atty', 'Amb', 'Mayor', 'President', 'Chief', 'Judge', 'Justice', 'Officer',
  'Director', 'Secretary', 'Senator', 'Governor', 'Professor', 'Commissioner', 'Sheriff', 'Detective', 'Inspector',
  'Superintendent', 'Dean', 'Coach', 'Minister', 'Ambassador', 'Deputy', 'Representative', 'Chancellor', 'Premier',
  'Attorney', 'Pope', 'Rabbi', 'Imam', 'Pastor', 'Bishop', 'Cardinal', 'Sergeant', 'Captain', 'Lieutenant', 'Colonel',
  'Major', 'Corporal', 'Private', 'Admiral', 'Trooper', 'Speaker', 'Treasurer', 'Comptroller', 'Councilor',
  'Alderman', 'Alderwoman', 'Delegate', 'Marshal', 'Constable', 'Warden', 'Principal', 'Chair', 'Chairperson', 'CEO',
]);
// Last words that make a name an organisation's or a place's: never "he" or "she".
const NOT_PERSON = new Set([
  'Department', 'Ministry', 'Agency', 'Council', 'Committee', 'Commission', 'Court', 'University', 'College', 'School',
  'Hospital', 'Company', 'Corporation', 'Corp', 'Inc', 'Co', 'Ltd', 'LLC', 'Group', 'Association', 'Union', 'Party', 'Times',
  'Post', 'Press', 'News', 'Journal', 'Ledger', 'Tribune', 'Herald', 'Gazette', 'Courier', 'Reuters', 'Bank', 'Police',
  'Office', 'Board', 'Authority', 'Institute', 'Foundation', 'Center', 'Centre', 'Church', 'Army', 'Navy', 'Force',
  'Forces', 'City', 'County', 'State', 'States', 'Street', 'Road', 'Avenue', 'River', 'Bridge', 'Airport', 'Station',
  'Park', 'Service', 'Services', 'Administration', 'Bureau', 'Congress', 'Senate', 'House', 'Parliament', 'Government',
  'Pentagon', 'Kremlin', 'Fund', 'Trust', 'Club', 'League', 'Network', 'Media', 'Airlines', 'Motors', 'Partners',
  'Holdings', 'Systems', 'Technologies', 'Labs', 'Laboratory', 'District', 'Region', 'Province', 'Republic', 'Kingdom',
  'Coalition', 'Alliance', 'Federation', 'Organization', 'Organisation', 'Society', 'Museum', 'Library', 'Market',
  'Exchange', 'Team', 'Hall', 'Square', 'Island', 'Lake', 'Valley', 'Beach', 'Harbor', 'Harbour', 'Port', 'Highway',
  'Plaza', 'Hotel', 'Store', 'Prison', 'Jail', 'Energy', 'Health', 'Water', 'Power', 'Corps', 'Guard', 'Patrol',
]);

function words(name: string): string[] {
  return name.split(/\s+/).map((w) => w.replace(/\.$/, ''));
}

/** The surname of a name: its last word, suffixes aside. */
function surname(name: string): string {
  const w = words(name).filter((x) => x !== 'Jr' && x !== 'Sr' && x !== 'II' && x !== 'III' && x !== 'IV');
  return (w.at(-1) ?? '').replace(/,$/, '');
}

/** Per article: the persons named so far, by surname, with the gender their titles give. */
class People {
  private readonly known = new Map<string, Gender | undefined>();

  /** Whether a name is a person's, learning it if so. */
  learn(name: string): boolean {
    const ws = words(name);
    // "Harbor County", "Associated Press": the last word tells ("Police Chief Ana Ruiz" is a person).
    if (NOT_PERSON.has(ws.at(-1)!)) return false;
    const titled = ws.some((w) => PERSON_TITLES.has(w));
    const last = surname(name);
    // One bare word is a person's only when it is the surname of one named before
    // ("Okafor said", after "Ada Okafor"); "Lumora", "Kessington" otherwise.
    if (!titled && ws.length < 2 && !this.known.has(last)) return false;
    const g = titleGender(ws);
    if (g !== undefined || !this.known.has(last)) this.known.set(last, g ?? this.known.get(last));
    return true;
  }

  gender(name: string): Gender | undefined {
    return titleGender(words(name)) ?? this.known.get(surname(name));
  }
}

function titleGender(ws: readonly string[]): Gender | undefined {
  for (const w of ws) {
    if (MALE.has(w)) return 'm';
    if (FEMALE.has(w)) return 'f';
  }
  return undefined;
}

/** The nearest mention "he" or "she" can stand for: genders must not clash; a listener's must match. */
function resolve(pronoun: Gender, own: Mention | undefined, here: readonly Mention[], before: readonly Mention[], people: People): string | undefined {
  let looked = 0;
  const fits = (m: Mention): boolean => {
    const g = people.gender(m.name);
    return m.listener ? g === pronoun : g === undefined || g === pronoun;
  };
  if (own && fits(own)) return own.name;
  for (const list of [here, before]) {
    for (let i = list.length - 1; i >= 0 && looked < LOOKBACK; i--, looked++) {
      if (fits(list[i]!)) return list[i]!.name;
    }
  }
  return undefined;
}

/** State carried from one paragraph of running text to the next. */
interface Flow {
  /** Persons named in the previous paragraph, in text order. */
  mentions: Mention[];
  /** The speaker of a quotation the previous paragraph left open. */
  openSpeaker?: string;
}

/** Attributes the claims of one paragraph; returns the flow into the next one. */
function attributeParagraph(claims: readonly Segment[], flow: Flow, people: People): Flow {
  const units: Unit[] = [];
  let open = false;
  for (const segment of claims) {
    const startsOpen = open;
    const masked = maskQuotes(segment.text, open);
    open = masked.open;
    const quote = startsOpen || masked.masked.includes('“') || masked.masked.includes('”');
    const last = units.at(-1);
    if (startsOpen && last) {
      last.segments.push(segment);
      last.parts.push(masked.masked);
      last.quote = true;
    } else units.push({ segments: [segment], parts: [masked.masked], quote });
  }

  const mentions: Mention[] = [];
  const first = claims[0]!.text.charCodeAt(0);
  const opensWithQuote = first === 0x201c || first === 0x22;
  let previous: Unit | undefined;
  for (const unit of units) {
    const masked = unit.parts.length === 1 ? unit.parts[0]! : unit.parts.join(' ');
    const speech = mentionsSpeech(masked);
    const named = speech ? speakerOf(masked) : undefined;
    const pronoun = speech && named === undefined ? pronounTagOf(masked) : undefined;
    const subjectName = subjectOf(masked);
    const subject = subjectName !== undefined && people.learn(subjectName) ? { name: subjectName, listener: false } : undefined;
    let speaker: string | undefined;
    if (named !== undefined) {
      speaker = named;
      people.learn(named);
    } else if (pronoun === 'he' || pronoun === 'she') {
      speaker = resolve(pronoun === 'he' ? 'm' : 'f', subject, mentions, flow.mentions, people);
    } else if (pronoun === undefined && unit.quote && !(speech && isAttributed(masked))) {
      // A quotation with no attribution goes on in the voice just before it.
      if (previous) speaker = previous.speaker;
      else if (opensWithQuote) speaker = flow.openSpeaker;
    }
    unit.speaker = speaker;
    if (speaker !== undefined) for (const s of unit.segments) s.speaker = speaker;

    if (subject) mentions.push(subject);
    if (speaker !== undefined && speaker !== subject?.name && people.learn(speaker)) mentions.push({ name: speaker, listener: false });
    // "“Is it safe?” Mr. Pruitt asked Ms. Reyes. “Not yet,” she said.": the one asked may answer.
    const listener = speech ? listenerOf(masked) : undefined;
    if (listener !== undefined && listener !== speaker && people.learn(listener)) {
      const g = people.gender(listener);
      const sg = speaker !== undefined ? people.gender(speaker) : pronoun === 'he' ? 'm' : pronoun === 'she' ? 'f' : undefined;
      if (g !== undefined && sg !== undefined && g !== sg) mentions.push({ name: listener, listener: true });
    }
    previous = unit;
  }
  const last = units.at(-1)!;
  return { mentions, ...(open && last.speaker !== undefined ? { openSpeaker: last.speaker } : {}) };
}

/** A line break in text[from, to): only the gap is read, so the pass stays linear. */
function newlineBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/** Sets `speaker` on the claims the text attributes to someone. */
export function attributeSpeakers(text: string, segments: Segment[]): void {
  const people = new People();
  let flow: Flow = { mentions: [] };
  let turnSpeaker: string | undefined; // transcripts: the speaker of the current turn
  let claims: Segment[] = [];
  let subheading = false;
  let prevEnd = -1;

  const endParagraph = (): void => {
    if (claims.length > 0) {
      // Running text carries names and open quotations to the next paragraph; a caption,
      // a headline or a bio is read on its own and leaves the flow of the body alone.
      const running = !subheading && claims.some((c) => c.section === 'body' || c.section === 'dateline');
      const next = attributeParagraph(claims, running ? flow : { mentions: [] }, people);
      if (running) flow = next;
    }
    // A subheading starts a new part of the story: nobody carries over it.
    if (subheading) flow = { mentions: [] };
    claims = [];
    subheading = false;
  };

  for (const segment of segments) {
    if (prevEnd >= 0 && newlineBetween(text, prevEnd, segment.start)) endParagraph();
    prevEnd = segment.end;
    if (segment.setAside === 'speaker-label') {
      endParagraph();
      turnSpeaker = segment.speaker;
      continue;
    }
    if (segment.setAside) {
      if (segment.setAside === 'subheading') subheading = true;
      continue;
    }
    if (turnSpeaker !== undefined) {
      segment.speaker = turnSpeaker;
      continue;
    }
    if (segment.section === 'subheading') subheading = true;
    claims.push(segment);
  }
  endParagraph();
}
