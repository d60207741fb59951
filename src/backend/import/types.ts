import type { ErrorCode } from '../../shared/errors';
import type { StructureHint } from '../../shared/extract';
import type { Article, ArticleMeta } from '../../shared/model';

/** What every format reader returns: the article's text and whatever metadata the file carries. */
export interface ImportedText {
  text: string;
  meta: Partial<ArticleMeta>;
  /**
   * What the file says of its structure (a web page's headline, byline, captions,
   * credits, furniture), as ranges of `text`. Only kept when `text` is already
   * prepared (`prepareText(text) === text`), since offsets must not move.
   */
  structure?: StructureHint[];
  /** Only for a Factdesk article export: the whole article, claims, verdicts and history included. */
  article?: Article;
  /** What the checker should know about how the text was read, in one sentence (shown with the import preview). */
  notice?: string;
}

/** A reader's refusal; import-file.ts turns it into one sentence naming the file. */
export class ImportRefusal extends Error {
  constructor(
    readonly reason: string,
    readonly code: ErrorCode = 'invalid',
  ) {
    super(reason);
    this.name = 'ImportRefusal';
  }
}
