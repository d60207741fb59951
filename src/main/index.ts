// Electron glue only: the window, the single-instance lock and IPC wiring.
import { fileURLToPath } from 'node:url';
import { Menu, app, safeStorage, session, type BrowserWindow } from 'electron';
import { openBackend } from '../backend/open-backend';
import { dataDirFlag, resolveDataDir } from '../backend/store/data-dir';
import { broadcastArticleChanges } from './article-events';
import { safeStorageKeeper } from './desk-password';
import { registerIpc } from './ipc';
import { appMenuTemplate } from './menu';
import { openFileFromDialog } from './open-file-dialog';
import { openSavedReports } from './open-saved-report';
import { createMainWindow } from './create-window';
import { hardenContents, hardenSession, registerAppScheme, serveAppScheme } from './security';
import { APP_ENTRY_URL, rendererDevServer } from './security-policy';

const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const preloadFile = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
// The page comes from app://factdesk/ (the built renderer), or from electron-vite's
// dev server in an unpackaged development build only (see rendererDevServer).
const devServer = rendererDevServer(process.env.ELECTRON_RENDERER_URL, { packaged: app.isPackaged, development: import.meta.env.DEV });
if (devServer.ignored) console.warn(devServer.ignored);
const entryUrl = devServer.url ?? APP_ENTRY_URL;

registerAppScheme();

let mainWindow: BrowserWindow | null = null;

app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Factdesk owns the data folder; it will come to the front instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, devServer.url));
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => fail(error));
}

async function start(): Promise<void> {
  try {
    const dataDir = resolveDataDir(dataDirFlag(process.argv));
    // The shared desk syncs in the background; its password is kept by safeStorage, never in clear.
    const backend = await openBackend(dataDir, { lockAs: 'desktop app', liveDesk: true, passwords: safeStorageKeeper(safeStorage, dataDir) });
    hardenSession(session.defaultSession);
    serveAppScheme(rendererDir);
    openSavedReports(session.defaultSession);
    registerIpc(broadcastArticleChanges(backend), devServer.url);
    // Quitting waits for every save already accepted (a note committed as the
    // window closed, say) to reach the disk.
    let flushed = false;
    app.on('before-quit', (event) => {
      if (flushed) return;
      event.preventDefault();
      void backend.close().finally(() => {
        flushed = true;
        app.quit();
      });
    });
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate({
          openFile: () => mainWindow && void openFileFromDialog(mainWindow),
          exportReport: () => mainWindow?.webContents.send('menu:export'),
        }),
      ),
    );
    mainWindow = createMainWindow(preloadFile);
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('closed', () => (mainWindow = null));
    await mainWindow.loadURL(entryUrl);
  } catch (error) {
    fail(error);
  }
}

function fail(error: unknown): void {
  process.stderr.write(`Factdesk could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  app.exit(1);
}
