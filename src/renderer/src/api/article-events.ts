// Articles saved in another window or tab, as they happen: the desktop app's preload
// forwards the main process's broadcast; the browser shell streams server-sent events
// from under the page's own path (so its cookie, and with it the token, goes along).
import type { ArticleChange } from '../../../shared/contract';

declare global {
  interface Window {
    /** The desktop app's live-update bridge (see src/preload); absent in the browser shell. */
    factdeskEvents?: { onArticleChanged(callback: (change: ArticleChange) => void): () => void };
  }
}

/** Calls `callback` for every article saved from now on (by any window, this one included); returns the way to stop. */
export function onArticleChanged(callback: (change: ArticleChange) => void): () => void {
  if (window.factdeskEvents) return window.factdeskEvents.onArticleChanged(callback);
  if (typeof EventSource === 'undefined') return () => {};
  const source = new EventSource('events');
  const listener = (event: MessageEvent<string>) => {
    try {
      callback(JSON.parse(event.data) as ArticleChange);
    } catch {
      // A garbled event is skipped; the next save sends another.
    }
  };
  source.addEventListener('article', listener);
  return () => source.close();
}
