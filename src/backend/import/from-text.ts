// Plain text: decoded (see decode-text.ts) and taken as it is; the extractor
// finds the headline and byline itself.
import { decodeText } from './decode-text';
import type { ImportedText } from './types';

export function fromText(bytes: Uint8Array): ImportedText {
  return { text: decodeText(bytes).text, meta: {} };
}
