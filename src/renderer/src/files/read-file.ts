// A picked or dropped File to what the file operations (import, revise) take: its
// name and its bytes as base64. Refuses what can be refused before reading (folders, size).
import { MAX_IMPORT_BYTES, acceptAttribute, megabytes, overImportLimit } from '../../../shared/import-formats';

/** What the import takes: every article file, a Factdesk .json export (a whole article) included. */
export const ACCEPT = acceptAttribute('import');
/** Files that hold an article's text: what a new revision can come from. */
export const ACCEPT_DRAFT = acceptAttribute('draft');

export interface PickedFile {
  fileName: string;
  data: string;
}

export class FileRefusal extends Error {}

export async function readPickedFile(file: File): Promise<PickedFile> {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new FileRefusal(`“${file.name}” ${overImportLimit(megabytes(file.size))}.`);
  }
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    // A dropped folder (or a file that vanished) cannot be read.
    reader.onerror = () => reject(new FileRefusal(`“${file.name}” could not be read; is it a folder?`));
    reader.readAsDataURL(file);
  });
  return { fileName: file.name, data: dataUrl.slice(dataUrl.indexOf(',') + 1) };
}
