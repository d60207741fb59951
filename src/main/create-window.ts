// The main window, with every option of Electron's security checklist written
// out in one literal, where a reviewer and electronegativity (run in the tests)
// can both read it.
import { BrowserWindow } from 'electron';

export function createMainWindow(preload: string): BrowserWindow {
  return new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Factdesk',
    backgroundColor: '#f7f6f2',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click would open links in a new window, around the window-open handler.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  });
}
