// Exposes one named function per contract operation, and nothing else: the
// page never sees ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { ARTICLE_CHANGED, OP_NAMES, type ArticleChange } from '../shared/contract';
import { MENU_COMMANDS, type MenuCommand, type OpenedFile } from '../shared/menu-commands';

const bridge = Object.freeze(
  Object.fromEntries(OP_NAMES.map((op) => [op, (input: unknown) => ipcRenderer.invoke(op, input)])),
);

contextBridge.exposeInMainWorld('factdesk', bridge);

// The application menu's commands (File > Open…), for the fixed channels only;
// the page gets the command and its file, never the IPC event.
contextBridge.exposeInMainWorld('factdeskMenu', Object.freeze({
  onMenuCommand(callback: (command: MenuCommand, file?: OpenedFile) => void): () => void {
    const listeners = MENU_COMMANDS.map((command) => {
      const listener = (_event: unknown, file?: OpenedFile) => callback(command, file);
      ipcRenderer.on(command, listener);
      return () => ipcRenderer.removeListener(command, listener);
    });
    return () => listeners.forEach((remove) => remove());
  },
}));

// An article saved in another window (src/main/article-events.ts), on that one channel only.
contextBridge.exposeInMainWorld('factdeskEvents', Object.freeze({
  onArticleChanged(callback: (change: ArticleChange) => void): () => void {
    const listener = (_event: unknown, change: ArticleChange) => callback(change);
    ipcRenderer.on(ARTICLE_CHANGED, listener);
    return () => ipcRenderer.removeListener(ARTICLE_CHANGED, listener);
  },
}));
