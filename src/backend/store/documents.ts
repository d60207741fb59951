// What the files in the data folder hold, and the pure decision of whether a
// file's text can be used: valid, corrupt (move it aside) or from a newer
// Factdesk (leave it alone).
import { z } from 'zod';
import { Article, Preferences } from '../../shared/model';
import { describeZodError } from '../../shared/describe-zod-error';

export const SCHEMA_VERSION = 1;

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
  | { kind: 'ok'; value: T }
  | { kind: 'corrupt'; reason: string }
  | { kind: 'newer'; version: number };

export function decodeDocument<T>(raw: string, schema: z.ZodType<T>): Decoded<T> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { kind: 'corrupt', reason: raw.trim() === '' ? 'it is empty' : 'it is not valid JSON' };
  }
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > SCHEMA_VERSION) {
    return { kind: 'newer', version };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return { kind: 'corrupt', reason: describeZodError(parsed.error, 'it does not match the schema').replace(/\.$/, '') };
  }
  return { kind: 'ok', value: parsed.data };
}

/** Thrown by the adapter so the store can quarantine or refuse the file. */
export class UnreadableFileError extends Error {
  constructor(readonly decoded: Exclude<Decoded<unknown>, { kind: 'ok' }>) {
    super(decoded.kind === 'newer' ? `schema ${decoded.version}` : decoded.reason);
  }
}

export function decoderFor<T>(schema: z.ZodType<T>): (raw: string) => T {
  return (raw) => {
    const decoded = decodeDocument(raw, schema);
    if (decoded.kind !== 'ok') throw new UnreadableFileError(decoded);
    return decoded.value;
  };
}
