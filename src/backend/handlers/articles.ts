import type { OpInput } from '../../shared/contract';
import { UserError } from '../../shared/errors';
import { extractClaims, normalizeText } from '../../shared/extract';
import { UNCHECKED, type Article, type ArticleMeta, type Claim } from '../../shared/model';
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

/** Splits the text into claims and saves a new article: the one creation path, pasted or imported. */
export async function createArticle({ store, now }: HandlerContext, text: string, meta?: Partial<ArticleMeta>): Promise<Article> {
  const normalized = normalizeText(text);
  if (normalized === '') throw new UserError('The article is empty: paste or import some text first.');
  const at = now().toISOString();
  const extracted = extractClaims(normalized);
  const claims: Claim[] = extracted.map((extracted) => ({
    ...extracted,
    id: newId(),
    verdict: UNCHECKED,
    history: [],
  }));
  const article: Article = {
    id: newId(),
    title: meta?.title || titleFrom(extracted.find((c) => c.section === 'headline')?.text ?? normalized),
    sourceUrl: meta?.sourceUrl ?? '',
    author: meta?.author ?? '',
    publication: meta?.publication ?? '',
    publishedAt: meta?.publishedAt ?? '',
    createdAt: at,
    updatedAt: at,
    text: normalized,
    revisions: [{ id: newId(), text: normalized, createdAt: at }],
    claims,
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
