// What the files in the data folder hold, and the pure decision of whether a
// file's text can be used: valid, corrupt (move it aside) or from a newer
// Factdesk (leave it alone). A file from an older Factdesk is migrated in
// memory here; the store writes it back (after a backup) when it may write.
import { z } from 'zod';
import { Article, Preferences } from '../../shared/model';
import { describeZodError } from '../../shared/describe-zod-error';
import { SCHEMA_VERSION, upgradeDocument } from '../../shared/migrations';

export { SCHEMA_VERSION };

export const LibraryDocument = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  preferences: Preferences,
});
export type LibraryDocument = z.infer<typeof LibraryDocument>;

export const ArticleDocument = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  article: Article,
});
export type ArticleDocument = z.infer<typeof ArticleDocument>;

export const DEFAULT_PREFERENCES: Preferences = { checker: '', theme: 'system' };

export type Decoded<T> =
  /** `migratedFrom`: the file is of that older schema and `value` is its migration. */
  | { kind: 'ok'; value: T; migratedFrom?: number }
  | { kind: 'corrupt'; reason: string }
  | { kind: 'newer'; version: number };

export function decodeDocument<T>(raw: string, schema: z.ZodType<T>): Decoded<T> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { kind: 'corrupt', reason: raw.trim() === '' ? 'it is empty' : 'it is not valid JSON' };
  }
  const upgrade = upgradeDocument(json);
  if (upgrade.kind === 'newer') return upgrade;
  const parsed = schema.safeParse(upgrade.document);
  if (!parsed.success) {
    return { kind: 'corrupt', reason: describeZodError(parsed.error, 'it does not match the schema').replace(/\.$/, '') };
  }
  return upgrade.kind === 'migrated' ? { kind: 'ok', value: parsed.data, migratedFrom: upgrade.from } : { kind: 'ok', value: parsed.data };
}

/** Thrown by the adapter so the store can quarantine or refuse the file. */
export class UnreadableFileError extends Error {
  constructor(readonly decoded: Exclude<Decoded<unknown>, { kind: 'ok' }>) {
    super(decoded.kind === 'newer' ? `schema ${decoded.version}` : decoded.reason);
  }
}

/** `onMigrated` is told when the text came from an older schema (the value returned is migrated). */
export function decoderFor<T>(schema: z.ZodType<T>, onMigrated?: (from: number) => void): (raw: string) => T {
  return (raw) => {
    const decoded = decodeDocument(raw, schema);
    if (decoded.kind !== 'ok') throw new UnreadableFileError(decoded);
    if (decoded.migratedFrom !== undefined) onMigrated?.(decoded.migratedFrom);
    return decoded.value;
  };
}
