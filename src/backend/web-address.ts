/** An http(s) address with a host: the only kind of link Factdesk stores, prefills or opens. */
export function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** How long a title made from an address may be: a line in the source list, far inside a source title's limit. */
export const URL_TITLE_MAX = 160;

// Characters that would make a decoded path unsafe or misleading to show: controls and bidi overrides.
// eslint-disable-next-line no-control-regex
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const BREAKS = '/-_.,;:+=&?# ';

/**
 * A source's title when the checker gave only its address: host and path (no scheme,
 * query or fragment; “www.” dropped; the path decoded when that is safe to show),
 * shortened on a boundary with “…” to at most `max` characters. The full address is
 * kept in the source's URL.
 */
export function titleFromUrl(address: string, max = URL_TITLE_MAX): string {
  let shown = address.trim();
  try {
    const url = new URL(shown);
    let path = url.pathname === '/' ? '' : url.pathname;
    try {
      const decoded = decodeURI(path);
      if (!UNSHOWABLE.test(decoded)) path = decoded;
    } catch {
      // a malformed escape: keep the path as written
    }
    shown = `${url.host.replace(/^www\./, '')}${path}`;
  } catch {
    // not an address: shortened as it is
  }
  // eslint-disable-next-line no-control-regex
  shown = shown.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  if (shown.length <= max) return shown;
  let cut = shown.slice(0, max - 1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1); // never half of a surrogate pair
  let boundary = -1;
  for (let i = cut.length - 1; i > max / 2; i--) {
    if (BREAKS.includes(cut[i]!)) {
      boundary = i;
      break;
    }
  }
  // A path keeps its slash ("example.org/reports/…"); any other separator is dropped.
  if (boundary >= 0) cut = cut.slice(0, cut[boundary] === '/' ? boundary + 1 : boundary);
  return `${cut}…`;
}
