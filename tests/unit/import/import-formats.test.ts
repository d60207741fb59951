// One source for what Factdesk imports (src/shared/import-formats.ts): the pickers
// offer what the importer reads, a draft is never a Factdesk export, and every
// refusal of a file over the limit says the same thing.
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/backend/import/detect-format';
import { importFile } from '../../../src/backend/import/import-file';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_DATA_CHARS,
  acceptAttribute,
  formatList,
  formatOfExtension,
  importExtensions,
  overImportLimit,
} from '../../../src/shared/import-formats';

const SAMPLE: Record<string, Uint8Array> = {
  '.pdf': new TextEncoder().encode('%PDF-1.4\n'),
  '.docx': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]),
};
const text = new TextEncoder().encode('The council voted 5-2 on Wednesday.');

describe('import formats', () => {
  it('every extension a picker offers is one the importer recognises, as the format the table names', () => {
    for (const ext of importExtensions('import')) {
      const detected = detectFormat(`article${ext}`, SAMPLE[ext] ?? text);
      expect(detected, ext).toEqual({ ok: true, format: formatOfExtension(ext) });
    }
  });

  it('a new draft comes from any article file but a Factdesk export', () => {
    expect(importExtensions('import')).toContain('.json');
    expect(importExtensions('draft')).not.toContain('.json');
    expect(importExtensions('draft')).toEqual(importExtensions('import').filter((ext) => ext !== '.json'));
    expect(acceptAttribute('draft').split(',')).toEqual(expect.arrayContaining(['.docx', 'application/pdf']));
    expect(acceptAttribute('draft').split(',')).not.toContain('.json');
  });

  it('names the formats the same way in every hint and refusal', () => {
    expect(formatList('import')).toBe('a .txt, .md, .docx, .html or .pdf file, or a Factdesk .json export');
    expect(formatList('draft')).toBe('a .txt, .md, .docx, .html or .pdf file');
    expect(detectFormat('notes.xyz', text)).toEqual({ ok: false, reason: `is a .xyz file, which Factdesk cannot import; choose ${formatList('import')}` });
  });

  it('refuses a file over the limit in the words every front door uses', async () => {
    await expect(importFile('huge.txt', new Uint8Array(MAX_IMPORT_BYTES + 1))).rejects.toThrow(`“huge.txt” ${overImportLimit('25.0 MB')}.`);
    expect(overImportLimit('30.2 MB')).toBe('is 30.2 MB, over the 25 MB import limit');
  });

  it('lets a file somewhat over the limit through the contract, so the importer can refuse it by name', () => {
    const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;
    expect(MAX_IMPORT_DATA_CHARS).toBeGreaterThan(base64Length(MAX_IMPORT_BYTES + 1));
  });
});
