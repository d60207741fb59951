// Files into articles: inspect (what the file would become, for the metadata
// form), import (the same reading, then the one creation path), and editing an
// article's metadata afterwards. Reading and deciding live in ../import.
import { isDeepStrictEqual } from 'node:util';
import type { DuplicateOf, OpInput } from '../../shared/contract';
import { UserError } from '../../shared/errors';
import { extractSegments, prepareText } from '../../shared/extract';
import type { Article, ArticleMeta } from '../../shared/model';
import { newId } from '../ids';
import { exportProblem } from '../import/from-json';
import { displayName, importFile } from '../import/import-file';
import { summarize } from '../store/store';
import { createArticle, duplicateRefusal, findDuplicate, textPrint, titleFrom } from './articles';
import type { HandlerContext } from './context';
import { isWebAddress } from '../web-address';

const PREVIEW_CHARS = 600;
type OnConflict = NonNullable<OpInput<'articles:import'>['onConflict']>;
const META_KEYS = ['title', 'sourceUrl', 'author', 'publication', 'publishedAt'] as const;

export function importHandlers(context: HandlerContext) {
  const { store, now } = context;
  return {
    // What a file (or pasted text) would become, and which article in the library it repeats, if any.
    'articles:inspect': async (input: OpInput<'articles:inspect'>) => {
      const { text, meta, article, structure, notice } =
        input.text !== undefined ? pasted(input.text) : await importFile(input.fileName!, fromBase64(input.data!));
      if (article) checkExport(input.fileName!, article, now());
      // An export keeps its own claims, and its id settles a conflict (onConflict); new text is split here.
      const segments = article ? undefined : extractSegments(text, structure);
      const claims = article?.claims ?? segments!.filter((s) => s.setAside === undefined);
      const headline = claims.find((c) => c.section === 'headline')?.text;
      const title = meta.title || titleFrom(headline ?? text);
      const duplicateOf = segments ? await findDuplicate(store, textPrint(text, segments, title)) : undefined;
      return {
        meta: { ...EMPTY_META, ...meta, title },
        preview: text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS).replace(/\s+\S*$/, '')}…` : text,
        claimCount: claims.length,
        ...(duplicateOf ? { duplicateOf } : {}),
        ...(notice ? { notice } : {}),
      };
    },

    'articles:import': async ({ fileName, data, meta, onConflict }: OpInput<'articles:import'>) => {
      const imported = await importFile(fileName, fromBase64(data));
      const merged = mergeMeta(imported.meta, meta ?? {});
      checkSourceUrl(merged.sourceUrl);
      if (!imported.article) {
        // Text the library already has needs the checker's say-so: a copy, never a silent second row.
        const refuseDuplicate = onConflict === 'copy' ? undefined : (duplicate: DuplicateOf) => duplicateImportRefusal(fileName, duplicate, onConflict);
        return { article: await createArticle(context, imported, merged, { refuseDuplicate }) };
      }
      checkExport(fileName, imported.article, now());
      return { article: await importExport(context, fileName, { ...imported.article, ...merged }, onConflict ?? 'ask') };
    },

    'articles:updateMeta': async ({ id, meta }: OpInput<'articles:updateMeta'>) => {
      const patch = trimmed(meta);
      if (patch.title === '') throw new UserError('The title cannot be empty.');
      checkSourceUrl(patch.sourceUrl);
      const at = now().toISOString();
      const article = await store.update(id, (a) =>
        META_KEYS.every((key) => patch[key] === undefined || patch[key] === a[key]) ? a : { ...a, ...patch, updatedAt: at },
      );
      return { article: summarize(article) };
    },
  };
}

const EMPTY_META: ArticleMeta = { title: '', sourceUrl: '', author: '', publication: '', publishedAt: '' };

/** Pasted text, prepared as the new-article form's create prepares it. */
function pasted(raw: string): { text: string; meta: Partial<ArticleMeta>; article?: undefined; structure: []; notice?: undefined } {
  const text = prepareText(raw);
  if (text === '') throw new UserError('The article is empty: paste or import some text first.');
  return { text, meta: {}, structure: [] };
}

/**
 * A file whose text the library already has: 'ask' says which article it looks like
 * (the import panel offers to open it or import a copy); 'replace' has nothing to
 * replace with, since plain text carries no verdicts: a new draft is a revision.
 */
function duplicateImportRefusal(fileName: string, duplicate: DuplicateOf, onConflict: OnConflict | undefined): UserError {
  if (onConflict === 'replace') {
    return new UserError(
      `“${displayName(fileName)}” is not a Factdesk export, so it cannot replace “${duplicate.title}”: open that article and use New revision… for a new draft, or import this file as a copy.`,
      'refused',
    );
  }
  return duplicateRefusal(duplicate);
}

/**
 * A Factdesk export keeps its ids, claims, verdicts and history. The same
 * article already in the library is left as it is; a different version of it
 * is refused unless the person chose a copy (new id) or to replace it.
 */
async function importExport({ store, now }: HandlerContext, fileName: string, article: Article, onConflict: OnConflict): Promise<Article> {
  if (!store.has(article.id)) return store.create(article);
  const existing = await store.get(article.id);
  if (isDeepStrictEqual(existing, article)) return existing;
  if (onConflict === 'copy') {
    const at = now().toISOString();
    return store.create({ ...article, id: newId(), title: `${article.title} (copy)`.slice(0, 1_000), createdAt: at, updatedAt: at });
  }
  if (onConflict === 'replace') return store.replace(article);
  throw new UserError(
    `“${displayName(fileName)}” holds “${existing.title}”, which is already in the library with different contents; import it as a copy or replace the library’s version.`,
    'conflict',
  );
}

/** An export whose claims the article's own text contradicts (a forged or damaged file) is refused, naming the first problem. */
function checkExport(fileName: string, article: Article, now: Date): void {
  const problem = exportProblem(article, now);
  if (problem) throw new UserError(`“${displayName(fileName)}” cannot be imported: ${problem}.`, 'invalid');
}

/** File bytes as the contract carries them (see `articles:import`). */
export function fromBase64(data: string): Uint8Array {
  return Buffer.from(data, 'base64');
}

function trimmed(meta: Partial<ArticleMeta>): Partial<ArticleMeta> {
  const out: Partial<ArticleMeta> = {};
  for (const key of META_KEYS) if (meta[key] !== undefined) out[key] = meta[key].trim();
  return out;
}

/**
 * The person's fields win over the file's, even when emptied (a wrong author is
 * cleared on purpose), except the title: empty means the file's title, else the headline.
 */
export function mergeMeta(fromFile: Partial<ArticleMeta>, given: Partial<ArticleMeta>): Partial<ArticleMeta> {
  const merged: Partial<ArticleMeta> = { ...fromFile, ...trimmed(given) };
  if (!merged.title) merged.title = fromFile.title ?? '';
  return merged;
}

function checkSourceUrl(url: string | undefined): void {
  if (url && !isWebAddress(url)) {
    throw new UserError(`The source URL “${url}” is not a web address (it must start with http:// or https://).`);
  }
}
