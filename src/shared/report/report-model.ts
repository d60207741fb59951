// The report's content, built once from an article and a filter; every format
// (HTML, Markdown, CSV, ClaimReview) renders from this, so they cannot disagree
// about order, numbering or what counts as checked.
import { isFilterActive, matchesFilter, narrowingFilter, type ClaimFilter } from '../claim-filter';
import { LABELS, SECTIONS, SET_ASIDE_KINDS, type Article, type Claim, type Label, type Section, type SetAsideKind, type Source, type SourceKind, type Status } from '../model';
import { countByStatus } from '../verdicts';
import type { ReportDesk } from './report-desk';
import { reportFacts, type ReportFact } from './report-facts';

export type { ReportFact } from './report-facts';

export interface ReportSourceRef {
  /** 1-based position in the article's source list (the backup). */
  number: number;
  title: string;
  url: string;
}

export interface ReportClaim {
  /** 1-based position in article order, over the whole article (stable across filters). */
  number: number;
  id: string;
  section: Section;
  labels: Label[];
  speaker: string | undefined;
  text: string;
  status: Status;
  note: string;
  correction: string;
  checker: string | null;
  updatedAt: string | null;
  /** On a shared desk: who the claim is assigned to, and who gave it a second read (src/shared/report/report-desk.ts). */
  assignee: string | null;
  secondReader: string | null;
  sources: ReportSourceRef[];
  /** The claim's facts, disputed first, when the checker ruled on any of them; else empty (see reportFacts). */
  facts: ReportFact[];
}

export interface ReportSource {
  number: number;
  id: string;
  kind: SourceKind;
  title: string;
  url: string;
  contact: string;
  accessedAt: string;
  excerpt: string;
  /** Numbers of the claims in this report that cite it, in article order. */
  supports: number[];
}

/** Text the checker set aside as no claim: listed, so the editor sees what was not checked and why. */
export interface ReportSetAside {
  text: string;
  by: string | null;
  at: string | null;
}

/** Everything in the article that is not a claim, so the report can say how much was not checked. */
export interface SetAsideAccount {
  /** Set-aside segments holding words (bullets are not counted). */
  total: number;
  /** How many of each kind, in the order of SET_ASIDE_KINDS, kinds with none left out. */
  byKind: { kind: SetAsideKind; count: number }[];
  /** The ones the checker set aside as “not a claim”, in article order. */
  byChecker: ReportSetAside[];
}

export interface ReportModel {
  articleId: string;
  title: string;
  publication: string;
  author: string;
  sourceUrl: string;
  publishedAt: string;
  createdAt: string;
  updatedAt: string;
  generatedAt: string;
  /**
   * The IANA time zone every time in the report is shown in ("Europe/Paris"):
   * the machine's unless one is passed in, so the report reads like the app.
   */
  timeZone: string;
  /** Everyone who ruled on a claim, in order of first appearance. */
  checkers: string[];
  /** On a shared desk: who gave second reads, in order of first appearance; and who signed the article off. */
  secondReaders: string[];
  signedOff: { by: string; at: string } | null;
  firstCheckedAt: string | null;
  lastCheckedAt: string | null;
  /** Progress over the whole article, whatever the filter. */
  total: number;
  checked: number;
  counts: Record<Status, number>;
  /** The claims list's filter, only the fields that narrow it (src/shared/claim-filter.ts). */
  filter: ClaimFilter;
  /** False when the filter can leave claims out; the report says so. */
  wholeArticle: boolean;
  /** The claims the filter keeps, in article order. */
  claims: ReportClaim[];
  /** The kept claims that are disputed: what the editor must read first. */
  disputed: ReportClaim[];
  /**
   * Everything else the filter keeps, in article order: verified, sourced and
   * unchecked claims. Disputed claims are listed once, above, not again here.
   */
  others: ReportClaim[];
  /** The kept claims nobody has ruled on yet (they are among `others`, marked). */
  unchecked: ReportClaim[];
  /** The whole backup, in the order the sources were added. */
  sources: ReportSource[];
  setAside: SetAsideAccount;
}

/**
 * `timeZone` is an IANA name ("Europe/Paris", "UTC"); the machine's by default,
 * and UTC when the name is not one the runtime knows. Tests pass one in.
 */
export function buildReportModel(article: Article, requested: ClaimFilter = {}, generatedAt: string, timeZone: string = machineTimeZone(), desk?: ReportDesk): ReportModel {
  const filter = narrowingFilter(requested);
  const refs = new Map<string, ReportSourceRef>(
    article.sources.map((s, i) => [s.id, { number: i + 1, title: sourceTitle(s), url: s.url }]),
  );

  const claims: ReportClaim[] = [];
  const supports = new Map<string, number[]>(article.sources.map((s) => [s.id, []]));
  article.claims.forEach((claim, index) => {
    if (!matchesFilter(claim, filter)) return;
    const roles = desk?.claims[claim.id];
    claims.push({ ...reportClaim(claim, index + 1, refs), assignee: roles?.assignee ?? null, secondReader: roles?.secondReader ?? null });
    for (const id of claim.verdict.sourceIds) supports.get(id)?.push(index + 1);
  });

  const checkers: string[] = [];
  const seen = new Set<string>();
  let first: string | null = null;
  let last: string | null = null;
  const note = (who: string | null, at: string | null) => {
    // “desk” signs the entries a sync writes (a disagreement, a notice): nobody checked anything.
    if (who && who !== 'desk' && !seen.has(who)) {
      seen.add(who);
      checkers.push(who);
    }
    if (at) {
      if (first === null || at < first) first = at;
      if (last === null || at > last) last = at;
    }
  };
  for (const claim of article.claims) {
    for (const entry of claim.history) if (entry.kind === 'verdict') note(entry.by, entry.at);
    if (claim.verdict.status !== 'unchecked') note(claim.verdict.checker, claim.verdict.updatedAt);
  }

  const counts = countByStatus(article.claims);
  return {
    articleId: article.id,
    title: article.title,
    publication: article.publication,
    author: article.author,
    sourceUrl: article.sourceUrl,
    publishedAt: article.publishedAt,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
    generatedAt,
    timeZone: knownTimeZone(timeZone),
    checkers,
    secondReaders: [...new Set(claims.flatMap((c) => c.secondReader ?? []))],
    signedOff: desk?.signedOff ?? null,
    firstCheckedAt: first,
    lastCheckedAt: last,
    total: article.claims.length,
    checked: article.claims.length - counts.unchecked,
    counts,
    filter,
    wholeArticle: !isFilterActive(filter),
    claims,
    disputed: claims.filter((c) => c.status === 'disputed'),
    others: claims.filter((c) => c.status !== 'disputed'),
    unchecked: claims.filter((c) => c.status === 'unchecked'),
    sources: article.sources.map((s, i) => ({
      number: i + 1,
      id: s.id,
      kind: s.kind,
      title: sourceTitle(s),
      url: s.url,
      contact: s.contact,
      accessedAt: s.accessedAt,
      excerpt: s.excerpt,
      supports: supports.get(s.id) ?? [],
    })),
    setAside: setAsideAccount(article),
  };
}

/** Bullets hold no words; everything else set aside is counted. */
export function countsAsSetAside(kind: SetAsideKind): boolean {
  return kind !== 'list-marker';
}

function setAsideAccount(article: Article): SetAsideAccount {
  const counted = article.setAside.filter((s) => countsAsSetAside(s.setAside));
  const byKind = SET_ASIDE_KINDS.map((kind) => ({ kind, count: counted.filter((s) => s.setAside === kind).length })).filter((k) => k.count > 0);
  const byChecker = counted
    .filter((s) => s.setAside === 'not-a-claim')
    .map((s) => {
      const entry = s.history.findLast((h) => h.kind === 'set-aside');
      return { text: s.text, by: entry?.by ?? null, at: entry?.at ?? null };
    });
  return { total: counted.length, byKind, byChecker };
}

export const SET_ASIDE_KIND_WORDS: Record<SetAsideKind, string> = {
  subheading: 'label headings',
  credit: 'credits',
  furniture: 'page furniture',
  'list-marker': 'list markers',
  'speaker-label': 'speaker labels',
  timestamp: 'time stamps',
  reference: 'references',
  contents: 'table of contents',
  comment: 'reader comments',
  'not-a-claim': 'set aside by the checker',
};

/** "12 passages are set aside as no claim: page furniture 7, credits 3, set aside by the checker 2." */
export function describeSetAside(account: SetAsideAccount): string {
  if (account.total === 0) return 'Nothing in the text is set aside: every passage is a claim.';
  const kinds = account.byKind.map((k) => `${SET_ASIDE_KIND_WORDS[k.kind]} ${k.count}`).join(', ');
  return `${account.total} passage${account.total === 1 ? ' is' : 's are'} set aside as no claim: ${kinds}.`;
}

function reportClaim(claim: Claim, number: number, refs: Map<string, ReportSourceRef>): ReportClaim {
  return {
    number,
    id: claim.id,
    section: claim.section,
    labels: claim.labels,
    speaker: claim.speaker,
    text: claim.text,
    status: claim.verdict.status,
    note: claim.verdict.note,
    correction: claim.verdict.correction,
    checker: claim.verdict.checker,
    assignee: null,
    secondReader: null,
    updatedAt: claim.verdict.updatedAt,
    // A dangling id (should not happen: the handler refuses it) is left out rather than invented.
    sources: claim.verdict.sourceIds.flatMap((id) => refs.get(id) ?? []),
    facts: reportFacts(claim, refs),
  };
}

export function sourceTitle(source: Pick<Source, 'title' | 'url'>): string {
  return source.title.trim() || source.url.trim() || 'Untitled source';
}

/** The status words every format uses, with an icon so colour is never the only signal. */
export const STATUS_WORDS: Record<Status, { label: string; icon: string }> = {
  disputed: { label: 'Disputed', icon: '✕' },
  verified: { label: 'Verified', icon: '✓' },
  sourced: { label: 'Sourced', icon: '§' },
  unchecked: { label: 'Unchecked', icon: '○' },
};

/** The order statuses appear in charts and legends: what needs attention first. */
export const REPORT_STATUS_ORDER: Status[] = ['disputed', 'verified', 'sourced', 'unchecked'];

export const SECTION_WORDS: Record<Section, string> = {
  headline: 'Headline',
  dek: 'Dek',
  byline: 'Byline',
  dateline: 'Dateline',
  caption: 'Caption',
  subheading: 'Subheading',
  body: 'Body',
  bio: 'Author bio',
};

export const SOURCE_KIND_WORDS: Record<SourceKind, string> = {
  document: 'Document',
  interview: 'Interview',
  web: 'Web page',
  dataset: 'Dataset',
  other: 'Other',
};

/** The time zone this machine runs in ("Europe/Paris"), or UTC when the runtime cannot tell. */
export function machineTimeZone(): string {
  try {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

/** A formatter for the zone's wall-clock time, made once per zone (reports format thousands of times). */
function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = FORMATTERS.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    FORMATTERS.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's canonical name when the runtime knows it ("utc" → "UTC"), else UTC. */
export function knownTimeZone(timeZone: string): string {
  let known = KNOWN_ZONES.get(timeZone);
  if (known === undefined) {
    try {
      known = zoneFormatter(timeZone).resolvedOptions().timeZone;
    } catch {
      known = 'UTC';
    }
    KNOWN_ZONES.set(timeZone, known);
  }
  return known;
}

const KNOWN_ZONES = new Map<string, string>();

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/UCT', 'UCT', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Universal', 'Etc/Zulu', 'Zulu', 'Etc/GMT0', 'GMT0', 'Etc/Greenwich', 'Greenwich']);

export interface LocalTime {
  /** "2026-03-02" */
  date: string;
  /** "11:30" */
  time: string;
  /** "+01:00", or "UTC" when the zone is UTC itself. */
  zone: string;
}

/** An ISO timestamp as wall-clock time in a zone, with the zone's offset at that moment; null when it is no timestamp. */
export function localTime(iso: string, timeZone: string): LocalTime | null {
  const ms = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(ms)) return null;
  const zone = knownTimeZone(timeZone);
  const offset = offsetAt(ms, zone);
  const wall = new Date(ms + offset * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${String(wall.getUTCFullYear()).padStart(4, '0')}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())}`,
    time: `${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}`,
    zone:
      offset === 0 && UTC_NAMES.has(zone)
        ? 'UTC'
        : `${offset < 0 ? '-' : '+'}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`,
  };
}

/** Zones change their offset on a quarter hour at most: one answer per zone and quarter hour, so a report asks Intl a few times, not per claim. */
const QUARTER_HOUR = 15 * 60_000;
const OFFSETS = new Map<string, number>();

/** The zone's offset from UTC, in minutes, at that moment. */
function offsetAt(ms: number, zone: string): number {
  const quarter = Math.floor(ms / QUARTER_HOUR);
  const key = `${zone} ${quarter}`;
  let offset = OFFSETS.get(key);
  if (offset === undefined) {
    const at = quarter * QUARTER_HOUR;
    const parts: Record<string, number> = {};
    for (const part of zoneFormatter(zone).formatToParts(new Date(at))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour === 24 ? 0 : parts.hour!, parts.minute!, parts.second!);
    offset = Math.round((wall - at) / 60_000);
    if (OFFSETS.size > 10_000) OFFSETS.clear();
    OFFSETS.set(key, offset);
  }
  return offset;
}

/**
 * "2026-03-02 11:30 +01:00" (or "2026-03-02 10:30 UTC") from an ISO timestamp:
 * local time in the given zone, with its offset, the same on every machine and
 * in every locale, so the report is deterministic and reads like the app.
 */
export function formatTimestamp(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const local = localTime(iso, timeZone);
  return local ? `${local.date} ${local.time} ${local.zone}` : iso;
}

/** "2026-03-02": the day in the given zone. */
export function formatDay(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  return localTime(iso, timeZone)?.date ?? iso;
}

/** "Europe/Paris (+01:00)": which zone the report's times are in, with the offset at `at`. */
export function describeTimeZone(timeZone: string, at: string): string {
  const zone = knownTimeZone(timeZone);
  const offset = localTime(at, zone)?.zone;
  return !offset || offset === 'UTC' || offset === zone ? zone : `${zone} (${offset})`;
}

/**
 * Every field of the filter that narrows the report, in words:
 * "Status: disputed · Section: body · Search: “percent”", or '' for the whole article.
 */
export function describeFilter(filter: ClaimFilter): string {
  const f = narrowingFilter(filter);
  const parts: string[] = [];
  const list = <T extends string>(name: string, chosen: T[] | undefined, order: readonly T[], word: (v: T) => string) => {
    if (chosen?.length) parts.push(`${name}: ${order.filter((v) => chosen.includes(v)).map(word).join(', ')}`);
  };
  list('Status', f.statuses, REPORT_STATUS_ORDER, (s) => STATUS_WORDS[s].label.toLowerCase());
  list('Section', f.sections, SECTIONS, (s) => SECTION_WORDS[s].toLowerCase());
  list('Label', f.labels, LABELS, (l) => l);
  if (f.checkers?.length) parts.push(`Checker: ${f.checkers.join(', ')}`);
  if (f.changedOnly) parts.push('Changed since checked');
  if (f.query) parts.push(`Search: “${f.query}”`);
  return parts.join(' · ');
}

const SLUG_MAX = 60;

/**
 * A file-name-safe short form of the title, cut at a whole word:
 * "harbor-town-votes-to-raise-its-seawall". Only a first word longer than
 * the limit is cut inside (there is no word boundary to cut at).
 */
export function fileSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= SLUG_MAX) return slug || 'article';
  // The hyphen right after the limit counts: the word before it is whole.
  const boundary = slug.lastIndexOf('-', SLUG_MAX);
  return boundary > 0 ? slug.slice(0, boundary) : slug.slice(0, SLUG_MAX);
}
