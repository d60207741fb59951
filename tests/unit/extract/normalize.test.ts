import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/shared/extract';

describe('normalizeText', () => {
  it('unifies line endings and collapses 3+ newlines to a paragraph break', () => {
    expect(normalizeText('a\r\nb\rc\n\n\n\nd')).toBe('a\nb\nc\n\nd');
  });
  it('turns every space variant and tabs into a plain space', () => {
    expect(normalizeText('a\u00A0b\u2009c\u202Fd\u2007e\u3000f\tg')).toBe('a b c d e f g');
  });
  it('removes zero-width characters and the BOM', () => {
    expect(normalizeText('\uFEFFU.S.\u200B Army\u200D\u2060')).toBe('U.S. Army');
  });
  it('removes trailing spaces on each line and trims the text', () => {
    expect(normalizeText('  Headline   \nBody text.  \n\n')).toBe('Headline\nBody text.');
  });
  it('composes to NFC', () => {
    expect(normalizeText('Jose\u0301')).toBe('Jos\u00e9');
  });
  it('removes control characters, so an escape sequence in copy neither reaches a terminal nor hides a sentence end', () => {
    expect(normalizeText('The vote was 5-2.\u001b[2J It passed.\u0007\u0000 Bells\u0085rang.')).toBe('The vote was 5-2.[2J It passed. Bells\nrang.');
  });
  it('is idempotent', () => {
    const raw = '\uFEFF Title\u00A0\r\n\r\n\r\n\tBy A\u200B B  \r\nText.\u2028More. ';
    const once = normalizeText(raw);
    expect(normalizeText(once)).toBe(once);
  });
});
