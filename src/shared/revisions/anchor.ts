// A claim's anchor: its quote plus a little context before and after, as web
// annotation tools store it (W3C TextQuoteSelector). Factdesk does not store
// prefix/suffix on the claim: the previous revision's text is always kept (in
// `article.text` and `article.revisions`), so the context is derived from that
// text and the claim's offsets at revise time, and can never drift from it.
import { similarity } from './similarity';

export const CONTEXT_CHARS = 32;

export interface Anchor {
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export function anchorOf(text: string, start: number, end: number, context = CONTEXT_CHARS): Anchor {
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - context), start),
    suffix: text.slice(end, end + context),
    start,
    end,
  };
}

/** 0..1: how alike the text around two anchors is (prefix and suffix, equally weighted). */
export function contextSimilarity(a: Pick<Anchor, 'prefix' | 'suffix'>, b: Pick<Anchor, 'prefix' | 'suffix'>): number {
  return (similarity(a.prefix, b.prefix) + similarity(a.suffix, b.suffix)) / 2;
}
