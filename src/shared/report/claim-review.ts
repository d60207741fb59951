// ClaimReview JSON-LD (schema.org) for the claims that have a verdict: the
// markup fact-checkers publish so search engines and aggregators can show the
// rating. Needs the article's published URL: every review points into it.
import { UserError } from '../errors';
import type { Status } from '../model';
import { isLinkableUrl } from './escape';
import { type ReportClaim, type ReportModel } from './report-model';

type Reviewed = Exclude<Status, 'unchecked'>;

/**
 * schema.org leaves the scale to the publisher; this one runs from 1 (disputed)
 * to 5 (verified independently), and `alternateName` carries the word readers see.
 */
export const CLAIM_REVIEW_RATINGS: Record<Reviewed, { value: number; name: string }> = {
  verified: { value: 5, name: 'Verified' },
  sourced: { value: 3, name: 'Sourced, not independently confirmed' },
  disputed: { value: 1, name: 'Disputed' },
};

interface Thing {
  '@type': 'Person' | 'Organization';
  name: string;
}

export interface ClaimReviewLd {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url: string;
  claimReviewed: string;
  reviewRating: {
    '@type': 'Rating';
    ratingValue: number;
    bestRating: number;
    worstRating: number;
    alternateName: string;
  };
  author: Thing;
  datePublished: string;
  itemReviewed: {
    '@type': 'Claim';
    author?: Thing;
    datePublished?: string;
    appearance: { '@type': 'CreativeWork'; url: string; headline: string; datePublished?: string };
  };
}

export function claimReviewsFor(m: ReportModel): ClaimReviewLd[] {
  const url = m.sourceUrl.trim();
  if (!url) {
    throw new UserError('ClaimReview needs the article’s published URL: add it to the article first.', 'refused');
  }
  if (!isLinkableUrl(url)) {
    throw new UserError(`ClaimReview needs a published web address, and “${url}” is not one (http:// or https://).`, 'refused');
  }
  const base = url.replace(/#.*$/, '');
  const published = isoDate(m.publishedAt);
  const articleAuthor = m.author.trim() ? person(m.author.trim()) : undefined;
  return m.claims
    .filter((c): c is ReportClaim & { status: Reviewed } => c.status !== 'unchecked')
    .map((c) => {
      const rating = CLAIM_REVIEW_RATINGS[c.status];
      // A quote's claimant is its speaker; anything else is the article's author's claim.
      const claimant = c.speaker ? person(c.speaker) : articleAuthor;
      return {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        url: `${base}#claim-${c.number}`,
        claimReviewed: c.text,
        reviewRating: { '@type': 'Rating', ratingValue: rating.value, bestRating: 5, worstRating: 1, alternateName: rating.name },
        author: m.publication.trim() ? { '@type': 'Organization', name: m.publication.trim() } : person(c.checker ?? 'Unknown checker'),
        datePublished: (c.updatedAt ?? m.generatedAt).slice(0, 10),
        itemReviewed: {
          '@type': 'Claim',
          ...(claimant ? { author: claimant } : {}),
          ...(published ? { datePublished: published } : {}),
          appearance: { '@type': 'CreativeWork', url: base, headline: m.title, ...(published ? { datePublished: published } : {}) },
        },
      };
    });
}

/**
 * The JSON-LD text, safe to paste inside a `<script type="application/ld+json">`
 * element, which is where publishers put it: `<`, `>` and `&` are written as
 * \u003c, \u003e and \u0026, so a claim quoting `</script>` or `<!--` cannot end
 * or bend the element, and U+2028/U+2029 as \u2028/\u2029 for JavaScript
 * parsers older than ES2019. Still JSON that parses to the same values.
 */
export function renderClaimReview(m: ReportModel): string {
  return `${jsonForScriptElement(claimReviewsFor(m))}\n`;
}

const SCRIPT_UNSAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** JSON.stringify, with every character that means something to HTML written as a \u escape. */
function jsonForScriptElement(value: unknown): string {
  // These characters occur only inside JSON strings (never in its structure), where a \u escape is the same value.
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_UNSAFE[c]!);
}

function person(name: string): Thing {
  return { '@type': 'Person', name };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * An ISO date (YYYY-MM-DD) when the free-text field holds one, as ISO or as
 * "March 14, 2025" / "14 March 2025"; otherwise nothing rather than a guess.
 */
export function isoDate(text: string): string | undefined {
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ]|\s*$)/.exec(text);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const mdy = /^\s*([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\s*$/.exec(text);
  const dmy = /^\s*(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\s*$/.exec(text);
  const [monthName, day, year] = mdy ? [mdy[1]!, mdy[2]!, mdy[3]!] : dmy ? [dmy[2]!, dmy[1]!, dmy[3]!] : [];
  if (!monthName) return undefined;
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  return month > 0 ? valid(Number(year), month, Number(day)) : undefined;
}

function valid(year: number, month: number, day: number): string | undefined {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > days) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
