// The article as a JSON document: how a checker hands an article (claims,
// verdicts, sources and history) to a colleague. The same zod schema that guards
// the data folder guards the import, plus the cross-checks a hand-edited or
// truncated file could break.
import { z } from 'zod';
import { describeZodError } from '../describe-zod-error';
import { UserError } from '../errors';
import { SCHEMA_VERSION, upgradeDocument } from '../migrations';
import { Article } from '../model';

export const ARTICLE_JSON_FORMAT = 'factdesk-article';
/** An export is the data folder's article under another name: same schema, same migrations. */
export const ARTICLE_JSON_VERSION = SCHEMA_VERSION;

export const ArticleDocument = z.object({
  format: z.literal(ARTICLE_JSON_FORMAT),
  schemaVersion: z.literal(ARTICLE_JSON_VERSION),
  article: Article,
});
export type ArticleDocument = z.infer<typeof ArticleDocument>;

export function renderArticleJson(article: Article): string {
  const document: ArticleDocument = { format: ARTICLE_JSON_FORMAT, schemaVersion: ARTICLE_JSON_VERSION, article };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Reads an exported article; any problem is a UserError with one sentence. */
export function parseArticleJson(text: string): Article {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new UserError('The file is not valid JSON, so it cannot be a Factdesk article export.');
  }
  const head = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  if (head.format !== ARTICLE_JSON_FORMAT) {
    throw new UserError('The file is JSON but not a Factdesk article export (its “format” is not “factdesk-article”).');
  }
  const upgrade = upgradeDocument(data);
  if (upgrade.kind === 'newer') {
    throw new UserError(`The file was exported by a newer Factdesk (schema version ${upgrade.version}); update Factdesk to open it.`, 'refused');
  }
  const parsed = ArticleDocument.safeParse(upgrade.document);
  if (!parsed.success) throw new UserError(describeZodError(parsed.error, 'The article file'));
  const article = parsed.data.article;
  const sourceIds = new Set(article.sources.map((s) => s.id));
  const claimIds = new Set<string>();
  article.claims.forEach((claim, i) => {
    const where = `The article file: claim ${i + 1}`;
    if (claimIds.has(claim.id)) throw new UserError(`${where} repeats the id “${claim.id}”.`);
    claimIds.add(claim.id);
    if (claim.start > claim.end || claim.end > article.text.length) {
      throw new UserError(`${where} points outside the article text (offsets ${claim.start}–${claim.end}).`);
    }
    const missing = claim.verdict.sourceIds.find((id) => !sourceIds.has(id));
    if (missing) throw new UserError(`${where} cites source “${missing}”, which is not in the file’s source list.`);
  });
  return article;
}
