// How a reader failed, in a form that crosses from the reader thread to the importer
// (structured-clone safe), and that the importer turns into one sentence.
import { ImportRefusal } from './types';

export type ReaderFailure =
  | { kind: 'refusal'; reason: string; code: ImportRefusal['code'] }
  /** The call stack ran out: markup nested too deep for a recursive reader. */
  | { kind: 'nesting' }
  /** A string, array or buffer grew past what V8 allows. */
  | { kind: 'size' }
  | { kind: 'damaged' };

export function describeFailure(error: unknown): ReaderFailure {
  if (error instanceof ImportRefusal) return { kind: 'refusal', reason: error.reason, code: error.code };
  if (error instanceof RangeError) {
    if (/call stack/i.test(error.message)) return { kind: 'nesting' };
    if (/invalid (string|array|typed array) length|allocation failed|buffer larger|out of memory/i.test(error.message)) return { kind: 'size' };
  }
  return { kind: 'damaged' };
}
