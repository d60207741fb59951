// A file as the new draft of an article already in the library: read by the same
// importers as any import, but only for its text. Nothing here touches the disk.
import type { StructureHint } from '../../shared/extract';
import { importFile, refusal } from './import-file';

/** The file's text, prepared, with its structure; a Factdesk export is refused (it is a whole article with its verdicts, not a draft). */
export async function readDraftFile(fileName: string, bytes: Uint8Array): Promise<{ text: string; structure: StructureHint[] }> {
  const imported = await importFile(fileName, bytes);
  if (imported.article) {
    throw refusal(fileName, 'is a Factdesk export, a whole article rather than a new draft of its text; import it from the library instead');
  }
  return { text: imported.text, structure: imported.structure };
}
