// The desk's state as the renderer sees it: the sync status line (polled, faster
// while the first sync runs) and one article's lock and disagreements (polled, and
// refreshed at once when a sync changes the article).
import { useCallback, useEffect, useState } from 'react';
import type { DeskArticle, DeskSyncStatus } from '../../../../shared/desk-contract';
import { onArticleChanged } from '../../api/article-events';
import { api } from '../../api/client';

const POLL_MS = 2_000;

function usePolled<T>(read: () => Promise<T>, everyMs: (value: T | null) => number): [T | null, () => void] {
  const [value, setValue] = useState<T | null>(null);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Through a promise even when `read` throws at once: a failed poll never breaks the view.
    Promise.resolve()
      .then(read)
      .then(
      (next) => {
        if (!live) return;
        setValue(next);
        timer = setTimeout(refresh, everyMs(next));
      },
      // A failed poll (the shell restarting) leaves the last state up and tries again.
      () => live && (timer = setTimeout(refresh, POLL_MS * 2)),
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `read` and `everyMs` are fixed per caller; `tick` is the trigger.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tick]);
  return [value, refresh];
}

export function useDeskStatus(): [DeskSyncStatus | null, () => void] {
  return usePolled(() => api['desk:status']({}), (s) => (s?.state === 'syncing' ? 500 : POLL_MS));
}

export function useDeskArticle(articleId: string): [DeskArticle | null, () => void] {
  const [value, refresh] = usePolled(() => api['desk:article']({ articleId }), (a) => (a?.joined ? POLL_MS : POLL_MS * 3));
  useEffect(() => onArticleChanged((change) => change.articleId === articleId && refresh()), [articleId, refresh]);
  return [value, refresh];
}

/** 14:03, in this machine's clock. */
export function clock(at: string): string {
  return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
}

/** The status line's words: short where the state says it all, the one sentence for an error. */
export function statusLine(status: DeskSyncStatus): string {
  const waiting = `${status.waiting} change${status.waiting === 1 ? '' : 's'} waiting`;
  switch (status.state) {
    case 'synced':
      return 'Synced';
    case 'waiting':
      return waiting;
    case 'offline':
      return status.offlineSince ? `Offline since ${clock(status.offlineSince)} · ${waiting}` : `Offline · ${waiting}`;
    case 'syncing':
      return `First sync: ${status.progress?.pushed ?? 0} sent, ${status.progress?.pulled ?? 0} received…`;
    case 'never':
      return `Not synced yet · ${waiting}`;
    default:
      return status.sentence;
  }
}
