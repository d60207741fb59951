// A Factdesk article export (see shared/report/json.ts): the whole article comes
// back, claims, verdicts, sources and history included.
import { UserError } from '../../shared/errors';
import { parseArticleJson } from '../../shared/report/json';
import { ImportRefusal, type ImportedText } from './types';

export function fromJson(text: string): ImportedText {
  try {
    const article = parseArticleJson(text);
    const { title, sourceUrl, author, publication, publishedAt } = article;
    return { text: article.text, meta: { title, sourceUrl, author, publication, publishedAt }, article };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    // "The file is not valid JSON, …" → "“x.json” could not be imported: the file is not valid JSON, …"
    const reason = error.message.replace(/\.$/, '');
    throw new ImportRefusal(`could not be imported: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`, error.code);
  }
}
