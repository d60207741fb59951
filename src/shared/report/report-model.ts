// The report's content, built once from an article and a filter; every format
// (HTML, Markdown, CSV, ClaimReview) renders from this, so they cannot disagree
// about order, numbering or what counts as checked.
import { isFilterActive, matchesFilter, narrowingFilter, type ClaimFilter } from '../claim-filter';
import { LABELS, SECTIONS, SET_ASIDE_KINDS, type Article, type Claim, type Label, type Section, type SetAsideKind, type Source, type SourceKind, type Status } from '../model';
import { countByStatus } from '../verdicts';

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
  sources: ReportSourceRef[];
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
  /** Everyone who ruled on a claim, in order of first appearance. */
  checkers: string[];
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
  /** The kept claims nobody has ruled on yet. */
  unchecked: ReportClaim[];
  /** The whole backup, in the order the sources were added. */
  sources: ReportSource[];
  setAside: SetAsideAccount;
}

export function buildReportModel(article: Article, requested: ClaimFilter = {}, generatedAt: string): ReportModel {
  const filter = narrowingFilter(requested);
  const refs = new Map<string, ReportSourceRef>(
    article.sources.map((s, i) => [s.id, { number: i + 1, title: sourceTitle(s), url: s.url }]),
  );

  const claims: ReportClaim[] = [];
  const supports = new Map<string, number[]>(article.sources.map((s) => [s.id, []]));
  article.claims.forEach((claim, index) => {
    if (!matchesFilter(claim, filter)) return;
    claims.push(reportClaim(claim, index + 1, refs));
    for (const id of claim.verdict.sourceIds) supports.get(id)?.push(index + 1);
  });

  const checkers: string[] = [];
  const seen = new Set<string>();
  let first: string | null = null;
  let last: string | null = null;
  const note = (who: string | null, at: string | null) => {
    if (who && !seen.has(who)) {
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
    checkers,
    firstCheckedAt: first,
    lastCheckedAt: last,
    total: article.claims.length,
    checked: article.claims.length - counts.unchecked,
    counts,
    filter,
    wholeArticle: !isFilterActive(filter),
    claims,
    disputed: claims.filter((c) => c.status === 'disputed'),
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
    updatedAt: claim.verdict.updatedAt,
    // A dangling id (should not happen: the handler refuses it) is left out rather than invented.
    sources: claim.verdict.sourceIds.flatMap((id) => refs.get(id) ?? []),
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

/** "2026-01-02 03:04 UTC" from an ISO timestamp: the same on every machine and locale. */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
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

/** A file-name-safe short form of the title: "harbor-town-votes-to-raise". */
export function fileSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'article';
}
