// A picked or dropped File to what the file operations (import, revise) take: its
// name and its bytes as base64. Refuses what can be refused before reading (folders, size).
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;
/** Files that hold an article's text: what a new revision can come from. */
export const ACCEPT_DRAFT = '.txt,.md,.markdown,.docx,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** What the import takes: those, and a Factdesk .json export (a whole article). */
export const ACCEPT = `${ACCEPT_DRAFT},.json`;

export interface PickedFile {
  fileName: string;
  data: string;
}

export class FileRefusal extends Error {}

export async function readPickedFile(file: File): Promise<PickedFile> {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new FileRefusal(`“${file.name}” is ${(file.size / (1024 * 1024)).toFixed(1)} MB, over the 25 MB import limit.`);
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
