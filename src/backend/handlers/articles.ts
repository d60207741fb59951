import type { DuplicateOf, OpInput } from '../../shared/contract';
import { UserError } from '../../shared/errors';
import { recordsOf } from '../../shared/article-segments';
import { extractSegments, prepareText, type StructureHint } from '../../shared/extract';
import type { Article, ArticleMeta, ArticleSummary } from '../../shared/model';
import { localTime, machineTimeZone } from '../../shared/report/report-model';
import { newId } from '../ids';
import { summarize, type Store } from '../store/store';
import type { HandlerContext } from './context';

const TITLE_MAX = 160;

export function articleHandlers(context: HandlerContext) {
  const { store, now } = context;
  return {
    'articles:create': async ({ text, meta, allowDuplicate }: OpInput<'articles:create'>) => ({
      article: await createArticle(context, text, meta, allowDuplicate ? {} : { refuseDuplicate: duplicateRefusal }),
    }),

    'articles:get': async ({ id }: OpInput<'articles:get'>) => ({ article: await store.get(id) }),

    'articles:rename': async ({ id, title }: OpInput<'articles:rename'>) => {
      const at = now().toISOString();
      const article = await store.update(id, (a) => (a.title === title ? a : { ...a, title, updatedAt: at }));
      return { article: summarize(article) };
    },

    'articles:restore': async ({ id }: OpInput<'articles:restore'>) => ({ article: await store.restore(id) }),

    'articles:restoreBackup': async ({ id }: OpInput<'articles:restoreBackup'>) => ({ article: await store.restoreBackup(id) }),

    'articles:delete': async ({ id }: OpInput<'articles:delete'>) => {
      await store.delete(id);
      return { deleted: id };
    },
  };
}

/** What an importer hands over: text already prepared, and what it knows of its structure. */
export interface PreparedText {
  text: string;
  structure: readonly StructureHint[];
}

export interface CreateOptions {
  /**
   * Set to refuse text the library already has (see findDuplicate), with the error it
   * returns; left out, a copy is made (the checker chose one, or the caller does not ask).
   */
  refuseDuplicate?: (duplicate: DuplicateOf) => UserError;
}

/**
 * Splits the text into claims and set-aside segments and saves a new article: the one
 * creation path, pasted or imported. Raw text (a paste) is prepared here; an importer's
 * text comes prepared, with its structure.
 */
export async function createArticle(
  { store, now }: HandlerContext,
  input: string | PreparedText,
  meta?: Partial<ArticleMeta>,
  options: CreateOptions = {},
): Promise<Article> {
  // An importer's text was prepared by importFile, its structure kept only if that changed nothing.
  const prepared = typeof input === 'string' ? { text: prepareText(input), structure: [] } : input;
  const normalized = prepared.text;
  if (normalized === '') throw new UserError('The article is empty: paste or import some text first.');
  const at = now().toISOString();
  const segments = extractSegments(normalized, prepared.structure);
  const title = meta?.title || titleFrom(segments.find((c) => c.section === 'headline')?.text ?? normalized);
  if (options.refuseDuplicate) {
    const duplicate = await findDuplicate(store, textPrint(normalized, segments, title));
    if (duplicate) throw options.refuseDuplicate(duplicate);
  }
  const { claims, setAside } = recordsOf(segments, newId);
  const article: Article = {
    id: newId(),
    title,
    sourceUrl: meta?.sourceUrl ?? '',
    author: meta?.author ?? '',
    publication: meta?.publication ?? '',
    publishedAt: meta?.publishedAt ?? '',
    createdAt: at,
    updatedAt: at,
    text: normalized,
    revisions: [{ id: newId(), text: normalized, createdAt: at }],
    claims,
    setAside,
    orphans: [],
    sources: [],
  };
  return store.create(article);
}

/** The first line of the headline (or of the text), shortened on a word boundary. */
export function titleFrom(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  if (line.length <= TITLE_MAX) return line;
  const cut = line.slice(0, TITLE_MAX);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > 40 ? space : TITLE_MAX)}…`;
}

/** What is compared to find a duplicate: the prepared text, its passages (claims and set-aside text), how many are claims, and its title. */
export interface TextPrint {
  text: string;
  passages: readonly string[];
  claimCount: number;
  title: string;
}

export function textPrint(text: string, segments: readonly { text: string; setAside?: unknown }[], title: string): TextPrint {
  return { text, passages: segments.map((s) => s.text), claimCount: segments.filter((s) => s.setAside === undefined).length, title };
}

/** The share of passages two articles must have in common, both ways, to be taken for each other. */
const NEAR_DUPLICATE = 0.95;
/** The most articles read for one check: what a paste costs in a library of thousands stays bounded. */
const DUPLICATE_CANDIDATES = 500;

/**
 * The article already in the library that this text repeats, the oldest when there
 * are several. Cheap and sure: the very same prepared text (as it is now or as any
 * of its revisions was), or 95% of the same passages both ways, so a stray line
 * more or less (a kicker, a credit) still counts and an excerpt or a different
 * article never does. Only articles whose title is the same or whose claim count
 * is within reach are read (the summaries say so without reading), closest and
 * newest first, and at most DUPLICATE_CANDIDATES of them.
 */
export async function findDuplicate(store: Store, print: TextPrint): Promise<DuplicateOf | undefined> {
  const keys = passageCounts(print.passages);
  const title = sameTitleKey(print.title);
  const candidates = store
    .list()
    .map((summary) => ({ summary, distance: candidateDistance(summary, print.claimCount, title) }))
    .filter((c) => c.distance !== undefined)
    // Closest first; among equals the newest, as a copy usually follows its original soon.
    .sort((a, b) => a.distance! - b.distance! || b.summary.createdAt.localeCompare(a.summary.createdAt))
    .slice(0, DUPLICATE_CANDIDATES);
  let found: DuplicateOf | undefined;
  for (const { summary } of candidates) {
    if (found && summary.createdAt >= found.createdAt) continue;
    let article: Article;
    try {
      article = await store.get(summary.id);
    } catch {
      continue; // unreadable: the library already reports it
    }
    const sameText = article.text === print.text || article.revisions.some((r) => r.text === print.text);
    if (sameText || nearlySamePassages(keys, article)) {
      found = { id: article.id, title: article.title, createdAt: article.createdAt, sameText };
    }
  }
  return found;
}

/** 0 for the same title, else how far the claim counts are apart; undefined when they are too far apart to be 95% the same. */
function candidateDistance(summary: ArticleSummary, claimCount: number, title: string): number | undefined {
  if (title && sameTitleKey(summary.title) === title) return 0;
  const apart = Math.abs(summary.total - claimCount);
  // Beyond 5% no passage overlap can reach 95%; a little more reach finds the same text after a few splits or merges.
  return apart <= Math.max(2, Math.ceil(0.1 * Math.max(summary.total, claimCount))) ? 1 + apart : undefined;
}

function sameTitleKey(text: string): string {
  return passageKey(text.replace(/…$/, ''));
}

function passageKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function passageCounts(passages: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const passage of passages) {
    const key = passageKey(passage);
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function nearlySamePassages(keys: Map<string, number>, article: Article): boolean {
  const theirs = passageCounts([...article.claims.map((c) => c.text), ...article.setAside.map((s) => s.text)]);
  let ours = 0;
  for (const n of keys.values()) ours += n;
  let total = 0;
  for (const n of theirs.values()) total += n;
  const larger = Math.max(ours, total);
  if (larger === 0 || Math.min(ours, total) < NEAR_DUPLICATE * larger) return false;
  let shared = 0;
  for (const [key, n] of keys) shared += Math.min(n, theirs.get(key) ?? 0);
  return shared >= NEAR_DUPLICATE * larger;
}

/** “2026-03-02 11:30”: when the duplicate was added, in this machine's time, as the app shows it. */
export function addedOn(createdAt: string): string {
  const local = localTime(createdAt, machineTimeZone());
  return local ? `${local.date} ${local.time}` : createdAt;
}

/** The refusal a paste of text the library already has gets (the form then offers to open it or add a copy). */
export function duplicateRefusal(duplicate: DuplicateOf): UserError {
  return new UserError(`This looks like “${duplicate.title}”, added on ${addedOn(duplicate.createdAt)}; open it instead, or add a copy.`, 'conflict');
}
