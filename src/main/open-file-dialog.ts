// File > Open…: the native open dialog, then the file's bytes to the page, which
// inspects and imports them like a picked or dropped file. Only the main window
// receives them, on the one fixed menu channel.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { OpenedFile } from '../shared/menu-commands';

const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

export async function openFileFromDialog(window: BrowserWindow): Promise<void> {
  const result = await dialog.showOpenDialog(window, {
    title: 'Open an article',
    properties: ['openFile'],
    filters: [
      { name: 'Articles', extensions: ['txt', 'md', 'markdown', 'docx', 'html', 'htm', 'pdf', 'json'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  const path = result.filePaths[0];
  if (result.canceled || !path) return;
  const fileName = basename(path);
  let opened: OpenedFile;
  try {
    const info = await stat(path);
    opened =
      info.size > MAX_IMPORT_BYTES
        ? { fileName, data: '', error: `“${fileName}” is ${(info.size / (1024 * 1024)).toFixed(1)} MB, over the 25 MB import limit.` }
        : { fileName, data: (await readFile(path)).toString('base64') };
    app.addRecentDocument(path);
  } catch {
    opened = { fileName, data: '', error: `“${fileName}” could not be read.` };
  }
  window.webContents.send('menu:open-file', opened);
}
