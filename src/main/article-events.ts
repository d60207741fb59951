// The desktop app's side of live updates: after a change to an article, every window
// is told which one and at what version, on the one fixed ARTICLE_CHANGED channel
// (the preload forwards it and nothing else), so another window showing it catches up.
import { BrowserWindow } from 'electron';
import { observeArticleChanges } from '../backend/article-events';
import type { Backend } from '../backend/backend';
import { ARTICLE_CHANGED } from '../shared/contract';

export function broadcastArticleChanges(backend: Backend): Backend {
  return observeArticleChanges(backend, (change) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(ARTICLE_CHANGED, change);
    }
  });
}
