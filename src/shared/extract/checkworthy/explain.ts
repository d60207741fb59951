// A claim's check-worthiness score in words, for the review desk: "figures, a named
// official, a past event" / "a prediction, no figures". Pure and process-free.
//
// The reasons come from the model's own arithmetic. The logit is a sum, so each feature's
// share of it is its weight times its value (a word's share: its unigram, its character
// 5-grams and half of each bigram it is in); for a dense feature the value is taken
// relative to the average training sentence (weight × (value − mean)), so that the absence
// of figures, which most check-worthy sentences have, counts against a claim ("no
// figures"). The shares are gathered into reasons a checker knows (figures, a date, names,
// a past event, a prediction, an opinion, first-person talk, the section…); what fits none
// of them is "words such as “unemployment”". The two to four strongest reasons are given,
// strongest first; a reason is left out when it is under a quarter of the strongest.
import type { ExtractedClaim, SetAsideKind } from '../../model';
import { BIGRAM, DENSE_COUNT, DENSE_FEATURES, denseFeatures, forEachToken, forEachWordFeature, type DenseFeature } from './features';
import { ALWAYS_WORTH_A_CHECK, claimLogit, METADATA, type Model, SECTION_OFFSET, sectionProbability, sigmoid, storedScore, unknownNames } from './model';
import { checkworthyModel } from './shipped';

export type ExplainInput = Pick<ExtractedClaim, 'text' | 'section' | 'labels' | 'spans'> & { setAside?: SetAsideKind };

export interface ScoreReason {
  /** Plain words: "figures", "no date", "a prediction", "words such as “tax”". */
  phrase: string;
  /** Whether it raised or lowered the score. */
  effect: 'up' | 'down';
  /** Its share of the model's logit (signed). */
  weight: number;
}

export interface ScoreExplanation {
  score: number;
  /** The reasons in one line, the score's own side first: "figures, a date; but a prediction". */
  summary: string;
  reasons: ScoreReason[];
}

type Group =
  | 'figures' | 'date' | 'people' | 'past' | 'prediction' | 'opinion' | 'first-person'
  | 'quote' | 'attribution' | 'question' | 'length' | 'section' | 'words-up' | 'words-down';

const DENSE_GROUP: Record<DenseFeature, Group> = {
  number: 'figures',
  numbers: 'figures',
  date: 'date',
  name: 'people',
  names: 'people',
  quoted: 'quote',
  'label:quote': 'quote',
  'label:attribution': 'attribution',
  'label:prediction': 'prediction',
  'label:opinion': 'opinion',
  'words:1-4': 'length',
  'words:5-8': 'length',
  'words:30+': 'length',
  question: 'question',
};
/** Length says something only when it is unusual: its absence is no reason. */
const ONLY_WHEN_PRESENT: ReadonlySet<DenseFeature> = new Set(['words:1-4', 'words:5-8', 'words:30+', 'quoted', 'label:quote', 'question', 'label:prediction', 'label:opinion']);

const set = (words: string): ReadonlySet<string> => new Set(words.split(' '));
const FIGURE_WORDS = set('0 % $ percent per cent million millions billion billions trillion thousand thousands hundred hundreds dozen dozens half twice double doubled triple tripled quadrupled rate average number numbers two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty ninety');
const DATE_WORDS = set('0000 january february march april june july august september october november december monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow year years decade decades month months week weeks century');
const OFFICIAL_WORDS = set('president presidents senator senators sen governor governors gov mayor secretary minister ministers congressman congresswoman congress representative rep gen general officials official administration government chairman chairwoman director judge court police chief commissioner ambassador prime spokesman spokeswoman agency department council');
const PAST_WORDS = set('was were had did ago since previously former formerly went came took gave got lost won began spent paid rose fell grew left sold built brought bought cut made met led ran');
const NOT_PAST = set('need needed indeed speed feed seed bed red hundred proceed exceed succeed united based used supposed interested concerned');
const PREDICTION_WORDS = set("will won't would wouldn't could couldn't might going gonna plan plans expect expects expected forecast likely unlikely promise promises 'll");
const OPINION_WORDS = set("think thinks believe believes feel feels should shouldn't must ought hope hopes wish seem seems perhaps probably maybe opinion great wonderful terrible");
const STOPWORDS = set("the a an and or but of to in on at by for with from as into its it it's is are be been being this that these those there their they them his her he she him has have having not no than then so if which who whom what when where while about also just very can any all some such out up over more most other only own same too both each few after before under again further once here why how our");
const ATTRIBUTION_WORDS = set('said says told tells according reported reports announced stated confirmed testified spokesman spokeswoman');
const FIRST_PERSON = set("i i'm i've i'd i'll me my mine we we're we've we'd we'll us our ours you you're your");

/** The reason a word belongs to, or 'words'. */
function groupOfWord(w: string): Group | 'words' {
  if (FIGURE_WORDS.has(w)) return 'figures';
  if (DATE_WORDS.has(w)) return 'date';
  if (PREDICTION_WORDS.has(w)) return 'prediction';
  if (OPINION_WORDS.has(w)) return 'opinion';
  if (FIRST_PERSON.has(w)) return 'first-person';
  if (ATTRIBUTION_WORDS.has(w)) return 'attribution';
  if (OFFICIAL_WORDS.has(w)) return 'people';
  if (PAST_WORDS.has(w) || (w.length >= 5 && w.endsWith('ed') && !NOT_PAST.has(w))) return 'past';
  return 'words';
}
const SECTION_PHRASE: Record<string, string> = {
  headline: 'a headline',
  dek: 'a dek',
  subheading: 'a subheading',
  byline: 'a byline',
  dateline: 'a dateline',
  bio: 'an author’s bio',
};
const SET_ASIDE_PHRASE: Record<SetAsideKind, string> = {
  subheading: 'set aside as a label',
  credit: 'set aside as a photo credit',
  furniture: 'set aside as page furniture',
  'list-marker': 'set aside as a list marker',
  'speaker-label': 'set aside as a speaker’s label',
  timestamp: 'set aside as a timestamp',
  reference: 'set aside as a reference',
  contents: 'set aside as a table of contents',
  comment: 'set aside as a reader’s comment',
  'not-a-claim': 'set aside as not a claim',
};
/** Words that make a name an official's: "Gen. Amara Osei", "Mayor Ruth Okafor". */
const TITLES = set('president vice senator sen governor gov mayor secretary minister councilman councilwoman councilmember congressman congresswoman representative rep gen general lt col maj capt adm sgt chief commissioner director judge justice sheriff officer detective ambassador chairman chairwoman superintendent inspector prime speaker attorney');

interface Tally { weight: number; words: Map<string, number> }

/** The score of `claim` and the two to four strongest reasons for it, in words. */
export function explainScore(claim: ExplainInput, m: Model = checkworthyModel()): ScoreExplanation {
  const logit = claimLogit(claim, m);
  const p = sectionProbability(logit, claim, m);
  const score = storedScore(p, claim.setAside);
  const tallies = new Map<Group, Tally>();
  const add = (group: Group | 'words', w: number, word?: string): void => {
    // Other words are two reasons: those for the claim and those against it.
    const g: Group = group === 'words' ? (w > 0 ? 'words-up' : 'words-down') : group;
    let t = tallies.get(g);
    if (!t) tallies.set(g, (t = { weight: 0, words: new Map() }));
    t.weight += w;
    if (word !== undefined) t.words.set(word, (t.words.get(word) ?? 0) + w);
  };

  // Words: each token's unigram and character 5-grams are its own; a bigram's share is
  // split between its two words. So each word has one net share.
  const text = claim.text;
  const tokens: string[] = [];
  forEachToken(text, (_h, s, e) => tokens.push(tokenText(text, s, e)));
  const own = new Float64Array(tokens.length);
  const counts = forEachWordFeature(text, m.mask, (b, t, kind) => {
    const w = m.hashed[b]!;
    if (kind === BIGRAM && t > 0) {
      own[t - 1] = own[t - 1]! + w / 2;
      own[t] = own[t]! + w / 2;
    } else own[t] = own[t]! + w;
  });
  const scale = counts.features > 0 ? 1 / Math.sqrt(counts.features) : 0;
  const tokenCount = counts.tokens;
  const net = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) net.set(tokens[i]!, (net.get(tokens[i]!) ?? 0) + own[i]! * scale);
  for (const [word, share] of net) add(groupOfWord(word), share, word);

  // Dense features, relative to the average training sentence.
  const dense = denseFeatures(claim, tokenCount, new Float64Array(DENSE_COUNT));
  unknownNames(claim, dense, m);
  for (let j = 0; j < DENSE_COUNT; j++) {
    const f = DENSE_FEATURES[j]!;
    if (ONLY_WHEN_PRESENT.has(f) && dense[j] === 0) continue;
    add(DENSE_GROUP[f], m.dense[j]! * (dense[j]! - m.denseMeans[j]!));
  }
  // The section's rules, as a share of the logit: the offset, and what the floor or the
  // ceiling of its probability moved.
  const sectionShare = SECTION_OFFSET[claim.section] + (ALWAYS_WORTH_A_CHECK.has(claim.section) || METADATA.has(claim.section) ? logitOf(p) - logitOf(sigmoid(logit)) : 0);
  if (Math.abs(sectionShare) > 1e-9) add('section', sectionShare);

  const has = (kind: string): boolean => claim.spans.some((s) => s.kind === kind);
  const official = claim.spans.some((sp) => sp.kind === 'name' && sp.text.toLowerCase().split(/[\s.]+/).some((w) => TITLES.has(w)));
  const candidates: ScoreReason[] = [];
  for (const [g, t] of tallies) {
    const phrase = phraseOf(g, t, t.weight > 0, { has, official, claim, tokens: tokenCount });
    if (phrase !== null && Math.abs(t.weight) > 1e-9) candidates.push({ phrase, effect: t.weight > 0 ? 'up' : 'down', weight: t.weight });
  }
  candidates.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const strongest = Math.abs(candidates[0]?.weight ?? 0);
  let reasons = candidates.filter((r, i) => i < 2 || Math.abs(r.weight) >= strongest / 4).slice(0, 4);
  if (claim.setAside !== undefined) {
    // Its weight: how far the shrink below every claim moved the logit.
    const weight = logitOf(score) - logitOf(p);
    const also = reasons.find((r) => r.effect === 'down');
    reasons = [{ phrase: SET_ASIDE_PHRASE[claim.setAside], effect: 'down', weight }, ...(also ? [also] : [])];
  }
  return { score, summary: summarize(reasons, score >= m.threshold ? 'up' : 'down'), reasons };
}

/** The logit of a probability, kept finite. */
function logitOf(q: number): number {
  const c = Math.min(1 - 1e-9, Math.max(1e-9, q));
  return Math.log(c / (1 - c));
}

function tokenText(text: string, s: number, e: number): string {
  const c = text.charCodeAt(s);
  if (c >= 48 && c <= 57) return e - s === 4 && /^(?:1[89]|20)\d\d$/.test(text.slice(s, e)) ? '0000' : '0';
  if (e - s === 1 && !/[\p{L}]/u.test(text[s]!)) return c === 37 ? '%' : '$';
  return text.slice(s, e).toLowerCase().replace(/’/g, "'");
}

interface Context {
  has: (kind: string) => boolean;
  /** A name with an official's title: "Gen. Amara Osei". */
  official: boolean;
  claim: ExplainInput;
  /** Its number of tokens, as the length features count them. */
  tokens: number;
}

/** The words for a reason, or null when it would read as nonsense (a reason against "figures" the claim has). */
function phraseOf(g: Group, t: Tally, up: boolean, c: Context): string | null {
  switch (g) {
    case 'figures':
      if (c.has('number')) return up ? 'figures' : null;
      return up ? null : 'no figures';
    case 'date':
      if (c.has('date')) return up ? 'a date' : null;
      return up ? 'a time reference' : 'no date';
    case 'people':
      if (c.has('name')) return up ? (c.official ? 'a named official' : 'names') : null;
      return up ? 'officials or institutions' : 'no names';
    case 'past':
      return up ? 'a past event' : null;
    case 'prediction':
      return up ? null : 'a prediction';
    case 'opinion':
      return up ? null : 'an opinion';
    case 'first-person':
      return up ? null : '“I”/“we”/“you” talk';
    case 'quote':
      return 'a quotation';
    case 'attribution':
      if (c.claim.labels.includes('attribution')) return up ? 'attributed to a source' : null;
      return up ? 'a source’s words' : 'no source named';
    case 'question':
      return up ? null : 'a question';
    case 'length':
      if (c.tokens >= 30) return up ? 'a long sentence' : null;
      if (up) return null;
      return c.tokens <= 4 ? 'too short to hold a fact' : 'a short sentence';
    case 'section':
      return SECTION_PHRASE[c.claim.section] ?? null;
    case 'words-up':
    case 'words-down': {
      // Named only by its telling words: "sanctions", not "the".
      const top = [...t.words].filter(([w]) => !STOPWORDS.has(w) && w.length > 2).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 2);
      if (top.length === 0) return 'its wording';
      return `words such as ${top.map(([w]) => `“${w}”`).join(' and ')}`;
    }
  }
}

/**
 * "figures, a date; but a prediction" / "a prediction, no figures; but a date": the reasons
 * on the side the score came out on (at or above the model's threshold: up) first.
 */
function summarize(reasons: readonly ScoreReason[], side: 'up' | 'down'): string {
  const first = reasons.filter((r) => r.effect === side).map((r) => r.phrase);
  const then = reasons.filter((r) => r.effect !== side).map((r) => r.phrase);
  if (first.length === 0) return then.join(', ');
  if (then.length === 0) return first.join(', ');
  return `${first.join(', ')}; but ${then.join(', ')}`;
}
