// File > Open…: the native open dialog, then the file's bytes to the page, which
// inspects and imports them like a picked or dropped file. Only the main window
// receives them, on the one fixed menu channel.
import { basename } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { readFileCapped } from '../backend/import/read-file-capped';
import { UserError } from '../shared/errors';
import { importExtensions } from '../shared/import-formats';
import type { OpenedFile } from '../shared/menu-commands';

export async function openFileFromDialog(window: BrowserWindow): Promise<void> {
  const result = await dialog.showOpenDialog(window, {
    title: 'Open an article',
    properties: ['openFile'],
    filters: [
      { name: 'Articles', extensions: importExtensions('import').map((ext) => ext.slice(1)) },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  const path = result.filePaths[0];
  if (result.canceled || !path) return;
  const fileName = basename(path);
  let opened: OpenedFile;
  try {
    // Capped, regular files only: a FIFO or /dev/zero picked here must not hang or flood the app.
    opened = { fileName, data: Buffer.from(await readFileCapped(path)).toString('base64') };
    app.addRecentDocument(path);
  } catch (error) {
    opened = { fileName, data: '', error: error instanceof UserError ? error.message : `“${fileName}” could not be read.` };
  }
  window.webContents.send('menu:open-file', opened);
}
