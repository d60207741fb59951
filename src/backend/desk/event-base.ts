// The fields every desk event has, in a module of its own so each family of events
// (verdicts, edits, roles) can be declared in its own file without an import cycle.
import { z } from 'zod';
import { ArticleId } from '../../shared/model';

export const Common = {
  _id: z.string().min(1).max(200),
  _rev: z.string().optional(),
  articleId: ArticleId,
  /** The desk account that made the change (the CouchDB user), never just a display name. */
  by: z.string().min(1),
  at: z.iso.datetime(),
};
