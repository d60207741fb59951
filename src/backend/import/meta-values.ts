// Small pure clean-ups shared by the readers' metadata.
import { isWebAddress } from '../web-address';

/** One line, trimmed, at most `max` characters. */
export function cleanLine(value: unknown, max = 300): string {
  if (typeof value !== 'string') return '';
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** An http(s) address or nothing: file metadata never prefills another scheme. */
export function cleanUrl(value: unknown): string {
  const text = cleanLine(value, 4000);
  return isWebAddress(text) ? new URL(text).href : '';
}

/** "By Nadia Ferreira and Jo Park" → "Nadia Ferreira and Jo Park". */
export function cleanAuthor(value: unknown): string {
  const line = cleanLine(value, 200).replace(/^by\s+/i, '');
  // A profile URL is not a name.
  return /^https?:\/\//i.test(line) ? '' : line;
}

/** A date as YYYY-MM-DD when it parses (ISO strings, PDF "D:20250314…"), else the trimmed text. */
export function cleanDate(value: unknown): string {
  const text = cleanLine(value, 40);
  if (!text) return '';
  const pdf = /^D:(\d{4})(\d{2})(\d{2})/.exec(text);
  if (pdf) return `${pdf[1]}-${pdf[2]}-${pdf[3]}`;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/.exec(text);
  if (iso) return iso[1]!;
  return text;
}

/** Drops empty values so a later source can fill them. */
export function compact<T extends Record<string, string | undefined>>(meta: T): Partial<T> {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}
