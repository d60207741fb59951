// The article documents a desk shares, one per article: `desk/articles/<id>.json`,
// the text and segmentation as first shared (or received), verdicts stripped
// (they travel as events). Kept byte for byte, so that pushing one again after a
// server lost it gives the very same document and revision, never a conflict.
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article, Claim } from '../../shared/model';
import { UNCHECKED } from '../../shared/model';
import { articleIdPath } from '../ids';
import { writeFileAtomic } from '../store/atomic-write';
import { ArticleDoc } from './desk-events';

export class Snapshots {
  private cached: ArticleDoc[] | undefined;

  constructor(private readonly dir: string) {}

  static folder(dataDir: string): string {
    return join(dataDir, 'desk', 'articles');
  }

  has(articleId: string): boolean {
    return existsSync(articleIdPath(this.dir, '.', articleId, '.json'));
  }

  async all(): Promise<ArticleDoc[]> {
    if (this.cached) return this.cached;
    const names = existsSync(this.dir) ? (await readdir(this.dir)).filter((n) => n.endsWith('.json')) : [];
    const docs: ArticleDoc[] = [];
    for (const name of names) {
      const parsed = ArticleDoc.safeParse(JSON.parse(await readFile(join(this.dir, name), 'utf8')));
      if (parsed.success) docs.push(parsed.data);
    }
    this.cached = docs;
    return docs;
  }

  /** Keeps the first document seen for an article; a later one (another replica's) changes nothing here yet. */
  async keep(doc: ArticleDoc): Promise<boolean> {
    if (this.has(doc.articleId)) return false;
    // Loaded before the write: a first load after it would read the new file and then add it again.
    const docs = await this.all();
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(articleIdPath(this.dir, '.', doc.articleId, '.json'), JSON.stringify(doc));
    docs.push(doc);
    return true;
  }
}

/** The document sharing `article`: its words and segmentation, no verdict, no history. */
export function snapshotOf(article: Article, by: string, at: string): ArticleDoc {
  const bare = (claim: Claim): Claim => ({ ...claim, verdict: UNCHECKED, history: [], facts: undefined, changed: undefined });
  const { version: _version, ...rest } = article;
  const shared = { ...rest, claims: article.claims.map(bare), setAside: article.setAside.map((s) => ({ ...bare(s), setAside: s.setAside })), orphans: [] };
  return { _id: `${article.id}:article:0`, type: 'article', articleId: article.id, by, at, article: JSON.parse(JSON.stringify(shared)) as Article };
}
