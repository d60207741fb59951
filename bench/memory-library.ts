// A synthetic library for the claim-memory bench: articles of news-style claims
// with numbers, names, places and dates, drawn from templates by a seeded
// generator (the same library every run). A share of each article's claims
// recurs from a pool of "running stories", as wire copy and follow-ups make a
// desk's library recur: word for word, with another figure, or reworded. Most
// articles are checked through, with notes, corrections and cited sources.
import { UNCHECKED, type Article, type Claim, type Source, type Status } from '../src/shared/model';

export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }
  next(): number {
    // xorshift32
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 4_294_967_296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
}

const FIRST = 'Ana Ben Celia Dmitri Elena Farid Grace Hiro Ines Jamal Kofi Lena Marco Nadia Omar Priya Quinn Rosa Sami Tara Umar Vera Wen Ximena Yusuf Zara Amir Bea Carl Dana Emil Fiona Gus Hana Ivan Joanna Kai Lola Mei Nils Oscar Pilar Rafael Sofia Teodor Ulla Viktor Wanda Yara Zeno'.split(' ');
const LAST = 'Ruiz Okafor Brandt Petrov Sato Haddad Nguyen Tanaka Alves Khan Mensah Schmidt Rossi Ferreira Ali Patel Moreau Silva Lind Costa Novak Ibrahim Chen Reyes Demir Kowalski Larsen Mwangi Dubois Okoye Park Singh Varga Weber Yilmaz Zhou Adeyemi Bauer Castro Duarte Eriksen Fontaine Garcia Horvat Iqbal Jensen Kaur Lopez Marsh Nair Ortega Quispe Rahman Santos Toure Ueda Vance Wolfe'.split(' ');
const PLACES = 'Harbor Town,Riverside,Lakeview County,Port Ellis,North Valley,Greenfield,Mill Creek,Bayside,Cedar Falls,Eastbrook,the capital,the northern province,Westmoor,Stonebridge,Ashford,Kingsport,Fairhaven,Oakdale,Pinecrest,Redwater,Silver Bay,Elm Grove,Highmoor,Coldwater,Brightwell,the delta region,the southern coast,Marlow,Thornbury,Glenhaven'.split(',');
const ORGS = 'the city council,the health ministry,the school board,the transit authority,the central bank,the port authority,the water utility,the state legislature,the national weather service,the election commission,the police department,the state university,the housing agency,the energy regulator,the football club,the county court,the hospital trust,the fire service,the chamber of commerce,the farmers union,the teachers union,the coast guard,the statistics office,the environment agency,the audit office'.split(',');
const TOPICS = 'the seawall,a new hospital,road repairs,the bus network,flood defenses,teacher pay,the stadium,affordable housing,the harbor bridge,wildfire prevention,the central library,broadband access,the airport expansion,rent control,the wind farm,the water treatment plant,school meals,the tram line,the recycling program,the pension fund,night buses,the children\'s hospital,the courthouse,the ferry service,the new prison'.split(',');
const UNITS = ['people', 'residents', 'homes', 'jobs', 'students', 'patients', 'vehicles', 'trees', 'voters', 'workers', 'families', 'businesses', 'acres', 'passengers', 'tons of waste'];
const VERBS = ['killed', 'evacuated', 'displaced', 'injured', 'hired', 'vaccinated', 'relocated', 'arrested', 'rescued', 'enrolled', 'treated', 'laid off'];
const EVENTS = ['storm', 'fire', 'flood', 'strike', 'power outage', 'earthquake', 'heat wave', 'landslide', 'drought', 'snowstorm'];
const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const ROLES = ['Mayor', 'Governor', 'Senator', 'Dr.', 'Judge', 'Chief', 'Minister', 'Professor', 'Captain', 'Commissioner'];
export const CHECKERS = ['Ana Ruiz', 'Ben Okafor', 'Celia Brandt', 'Dmitri Petrov', 'Elena Sato', 'Farid Haddad', 'Grace Nguyen', 'Hiro Tanaka', 'Ines Alves', 'Jamal Khan', 'Kofi Mensah', 'Lena Schmidt'];

function thousands(n: number): string {
  const s = String(n);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s[i];
  }
  return out;
}

class Words {
  constructor(private readonly r: Random) {}
  num = () => {
    const x = this.r.next();
    if (x < 0.3) return String(this.r.int(98) + 2);
    if (x < 0.75) return thousands(this.r.int(99_000) + 1_000);
    return `${this.r.int(89) + 10} percent`;
  };
  money = () => `$${(this.r.int(990) / 10 + 1).toFixed(1)} ${this.r.pick(['million', 'billion'])}`;
  year = () => String(1950 + this.r.int(76));
  date = () => `${this.r.pick(MONTHS)} ${this.r.int(28) + 1}, ${this.year()}`;
  person = () => `${this.r.pick(FIRST)} ${this.r.pick(LAST)}`;
  official = () => `${this.r.pick(ROLES)} ${this.person()}`;
  place = () => this.r.pick(PLACES);
  org = () => this.r.pick(ORGS);
  topic = () => this.r.pick(TOPICS);
}

type Template = (w: Words, r: Random) => string;

const TEMPLATES: Template[] = [
  (w, r) => `${w.person()}, a spokesperson for ${w.org()}, said ${w.num()} ${r.pick(UNITS)} were ${r.pick(VERBS)} in ${w.place()} on ${w.date()}.`,
  (w, r) => `${cap(w.org())} approved ${w.money()} for ${w.topic()} in ${w.year()}, according to budget documents seen by ${r.pick(['reporters', 'this newspaper', 'the council'])}.`,
  (w, r) => `${cap(w.place())} recorded ${w.num()} millimeters of rain in ${r.pick(MONTHS)}, the most since records began in ${w.year()}.`,
  (w) => `About ${w.num()} residents lived in ${w.place()} when ${w.person()} became mayor in ${w.year()}, census figures show.`,
  (w) => `"We will finish ${w.topic()} by ${w.year()}," said ${w.official()}, who has led ${w.org()} since ${w.date()}.`,
  (w) => `Spending on ${w.topic()} rose by ${w.num()} between ${w.year()} and ${w.year()}, according to figures from ${w.org()}.`,
  (w) => `${w.official()} was first elected in ${w.year()} and won a second term with ${w.num()} of the vote in ${w.place()}.`,
  (w, r) => `The ${r.pick(EVENTS)} on ${w.date()} left ${w.num()} ${r.pick(UNITS)} without power in ${w.place()} for several days.`,
  (w, r) => `According to ${w.org()}, ${w.topic()} will cost ${w.money()} and take ${r.int(12) + 2} years to complete.`,
  (w, r) => `${cap(w.place())} now has ${w.num()} fewer ${r.pick(UNITS)} than it did in ${w.year()}, the statistics office said in a report on ${w.date()}.`,
  (w, r) => `A survey by ${w.person()} found that ${w.num()} of ${r.pick(UNITS)} in ${w.place()} supported ${w.topic()}.`,
  (w, r) => `It was the ${r.pick(['first', 'second', 'third', 'largest', 'smallest', 'longest'])} ${r.pick(['vote', 'protest', 'audit', 'recall', 'strike', 'walkout'])} in ${w.place()} since ${w.date()}, when ${w.num()} people took part.`,
  (w, r) => `${w.official()} told ${w.org()} on ${w.date()} that ${w.topic()} was ${r.pick(['behind schedule', 'over budget', 'nearly finished', 'under review', 'on hold'])}.`,
  (w, r) => `The ${r.pick(['report', 'audit', 'inquiry', 'study'])} found that ${w.org()} spent ${w.money()} on consultants between ${w.year()} and ${w.year()}.`,
  (w, r) => `Police arrested ${w.num()} people after the ${r.pick(['protest', 'match', 'concert', 'march'])} in ${w.place()} on ${w.date()}, ${w.official()} said.`,
  (w, r) => `The ${r.pick(EVENTS)} caused an estimated ${w.money()} in damage across ${w.place()} and ${w.place()}, insurers said.`,
  (w) => `${w.person()} founded the company in ${w.year()} with a loan of ${w.money()} and now employs ${w.num()} workers.`,
  (w, r) => `Enrollment at ${w.org()} fell to ${w.num()} students in ${w.year()}, down from ${w.num()} a decade earlier, ${r.pick(['records show', 'officials said', 'data show'])}.`,
  (w, r) => `The ${r.pick(['bridge', 'tunnel', 'stadium', 'hospital', 'library', 'dam'])} in ${w.place()} opened on ${w.date()} and cost ${w.money()}.`,
  (w) => `Unemployment in ${w.place()} fell to ${w.num()} in ${w.year()}, the lowest rate since ${w.year()}.`,
  // Short lines: bylines, attributions, one-liners (never matched by "seen before").
  (w) => `By ${w.person()}`,
  (w) => `${w.official()} declined to comment.`,
  (w) => `The vote was ${w.num()} to ${w.num()}.`,
];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const NOTE_TEMPLATES: Template[] = [
  (w, r) => `Confirmed with ${w.person()} at ${w.org()}; the ${r.pick(['minutes', 'budget', 'census table', 'press release', 'court filing'])} of ${w.date()} give the same figure.`,
  (w) => `The figure is from ${w.org()}'s annual report for ${w.year()}, page ${w.num()}.`,
  (w, r) => `Called ${w.person()} on ${w.date()}: ${r.pick(['confirmed', 'could not confirm', 'corrected the date', 'gave a lower figure'])}.`,
  (w) => `Archive copy checked; the original story from ${w.year()} says ${w.num()}.`,
];

interface Story {
  /** The claim as first written, and its changed-figure and reworded versions. */
  variants: string[];
}

export interface SyntheticOptions {
  articles: number;
  claimsPerArticle: number;
  seed?: number;
  /** Share of claims drawn from the running stories. */
  recurring?: number;
}

/** The library's articles, one at a time (10,000 articles never sit in memory at once). */
export function* syntheticArticles(options: SyntheticOptions): Generator<Article> {
  const r = new Random(options.seed ?? 20_260_417);
  const w = new Words(r);
  const stories: Story[] = Array.from({ length: 3_000 }, () => {
    const base = r.pick(TEMPLATES.slice(0, 20))(w, r);
    const changed = base.replace(/\d[\d,.]*/, (n) => String(Number(n.replace(/,/g, '')) + 1 + r.int(40)));
    const reworded = base.replace(/^(.*), (said|according to|officials said|records show|data show)(.*)\.$/, 'According to$3, $1.').replace(/ said /, ' told reporters ');
    return { variants: [base, changed, reworded] };
  });
  const base = Date.parse('2020-01-01T00:00:00Z');
  for (let a = 0; a < options.articles; a++) {
    const id = `syn${a.toString(36).padStart(9, '0')}`;
    const created = new Date(base + a * 3_600_000 * 4).toISOString();
    const done = r.next() < 0.7;
    const checker = r.pick(CHECKERS);
    const sources: Source[] = Array.from({ length: 4 + r.int(6) }, (_, i) => ({
      id: `${id}s${i}`,
      kind: r.pick(['document', 'interview', 'web', 'dataset'] as const),
      title: `${cap(r.pick(['minutes of', 'annual report of', 'interview with', 'statement by', 'data from']))} ${r.next() < 0.5 ? w.org() : w.person()}`,
      url: r.next() < 0.6 ? `https://www.example.org/${w.place().replace(/\W+/g, '-').toLowerCase()}/${r.int(1e6)}` : '',
      contact: '',
      accessedAt: '',
      excerpt: '',
      createdAt: created,
    }));
    let text = '';
    const claims: Claim[] = [];
    for (let c = 0; c < options.claimsPerArticle; c++) {
      const recurring = r.next() < (options.recurring ?? 0.05);
      const sentence = recurring ? r.pick(r.pick(stories).variants) : r.pick(TEMPLATES)(w, r);
      if (text) text += ' ';
      const start = text.length;
      text += sentence;
      const checked = done ? r.next() < 0.95 : r.next() < 0.3;
      const status: Status = !checked ? 'unchecked' : r.next() < 0.7 ? 'verified' : r.next() < 0.5 ? 'sourced' : 'disputed';
      const note = status === 'disputed' || (checked && r.next() < 0.3) ? r.pick(NOTE_TEMPLATES)(w, r) : '';
      const sourceIds = checked && status !== 'disputed' ? [sources[r.int(sources.length)]!.id] : [];
      const at = new Date(Date.parse(created) + 86_400_000).toISOString();
      claims.push({
        id: `${id}c${c}`,
        text: sentence,
        start,
        end: start + sentence.length,
        section: c === 0 ? 'headline' : 'body',
        labels: [],
        spans: [],
        score: 0.5,
        verdict: checked ? { status, note, correction: status === 'disputed' ? `Write ${w.num()} instead.` : '', sourceIds, checker, updatedAt: at } : UNCHECKED,
        history: checked ? [{ at, by: checker, kind: 'verdict', changes: [{ field: 'status', from: 'unchecked', to: status }] }] : [],
      });
    }
    yield {
      id,
      title: `${cap(w.topic())} in ${w.place()}`,
      sourceUrl: '',
      author: w.person(),
      publication: 'The Ledger',
      publishedAt: created.slice(0, 10),
      createdAt: created,
      updatedAt: created,
      text,
      revisions: [{ id: `${id}r0`, text, createdAt: created }],
      claims,
      setAside: [],
      orphans: [],
      sources,
    };
  }
}
