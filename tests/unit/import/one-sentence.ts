import { expect } from 'vitest';

/** The refusal contract: one sentence, ending in a full stop, naming the file. */
export function expectOneSentenceNaming(message: string, fileName: string): void {
  expect(message).toContain(`“${fileName}”`);
  expect(message).toMatch(/\.$/);
  expect(message).not.toMatch(/\n/);
  // No second sentence: no ". X" / "! X" / "? X" (a file name's own dots have no space after).
  expect(message).not.toMatch(/[.!?]\s+[\p{Lu}“"]/u);
  expect(message).not.toMatch(/internal error|Error:|\bat \S+:\d+/);
}
