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

/** "By Nadia Ferreira and Jo Park" → "Nadia Ferreira and Jo Park"; "" when the value is not a name. */
export function cleanAuthor(value: unknown): string {
  const line = cleanLine(value, 200)
    .replace(/^(?:(?:written|posted|story|text|words|reporting|photos?)\s+)?by[:\s]+/i, '')
    // "Bradley M. Kuhn (http://ebb.org/bkuhn/)": the address is not part of the name.
    .replace(/\s*\((?:https?:\/\/|www\.)[^)]*\)/gi, '')
    .replace(/[\s,;|·•–—-]+$/u, '')
    .trim();
  return isPersonName(line) ? line : '';
}

const MONTHS = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
const NOT_A_NAME: readonly RegExp[] = [
  /https?:\/\/|www\.|@|\.(?:com|org|net)\b/i, // a URL, an e-mail address, a handle
  /\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b/i, // a time
  new RegExp(String.raw`\b${MONTHS}\s+\d{1,2}\b|\b\d{1,2}\s+${MONTHS}\b`, 'i'), // a date
  /\b(?:1[89]|20)\d{2}\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/, // a year, a numeric date
  /^(?:updated|published|posted|last updated|modified|on|at|and|follow|share|more)\b/i,
  /\b(?:ago|minutes?|hours?|min read)\b/i,
];

/** A person's (or a desk's) name: letters, no date, time, address or label, not too long. */
export function isPersonName(line: string): boolean {
  if (line.length < 2 || line.length > 160 || !/\p{L}/u.test(line)) return false;
  if (line.split(/\s+/).length > 20) return false;
  return !NOT_A_NAME.some((re) => re.test(line));
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
