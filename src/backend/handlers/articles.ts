import type { OpInput } from '../../shared/contract';
import { UserError } from '../../shared/errors';
import { recordsOf } from '../../shared/article-segments';
import { extractSegments, prepareText, type StructureHint } from '../../shared/extract';
import type { Article, ArticleMeta } from '../../shared/model';
import { newId } from '../ids';
import { summarize } from '../store/store';
import type { HandlerContext } from './context';

const TITLE_MAX = 160;

export function articleHandlers(context: HandlerContext) {
  const { store, now } = context;
  return {
    'articles:create': async ({ text, meta }: OpInput<'articles:create'>) => ({ article: await createArticle(context, text, meta) }),

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

/**
 * Splits the text into claims and set-aside segments and saves a new article: the one
 * creation path, pasted or imported. Raw text (a paste) is prepared here; an importer's
 * text comes prepared, with its structure.
 */
export async function createArticle({ store, now }: HandlerContext, input: string | PreparedText, meta?: Partial<ArticleMeta>): Promise<Article> {
  // An importer's text was prepared by importFile, its structure kept only if that changed nothing.
  const prepared = typeof input === 'string' ? { text: prepareText(input), structure: [] } : input;
  const normalized = prepared.text;
  if (normalized === '') throw new UserError('The article is empty: paste or import some text first.');
  const at = now().toISOString();
  const segments = extractSegments(normalized, prepared.structure);
  const { claims, setAside } = recordsOf(segments, newId);
  const article: Article = {
    id: newId(),
    title: meta?.title || titleFrom(segments.find((c) => c.section === 'headline')?.text ?? normalized),
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
