// The application menu, as a template (pure, so a test can read it): File > Open…
// (CmdOrCtrl+O) asks for a file and hands it to the page's import panel; the rest
// are Electron's standard roles. Open Recent is macOS's own list (documents
// opened through Open… are added to it by open-file-dialog.ts).
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openFile(): void;
  /** File > Export…: the open article's export dialog, in the page. */
  exportReport(): void;
}

export function appMenuTemplate(actions: MenuActions, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFile() },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportReport() },
      ...(mac ? [{ role: 'recentDocuments' as const, submenu: [{ role: 'clearRecentDocuments' as const }] }] : []),
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  return [...(mac ? [{ role: 'appMenu' as const }] : []), file, { role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' }];
}
