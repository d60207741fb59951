import { useEffect, useRef } from 'react';
import { shortcutName } from '../article/use-shortcuts';
import { keyMap } from '../help/review-keys';

/**
 * Opens the library search on Ctrl/⌘+K (the key table's 'app' scope) in any view, even
 * while typing in a field (that is when a checker thinks “where have I seen this?”),
 * but not over another modal dialog. Outside the shared shortcut layers, which rightly
 * ignore keys typed in fields.
 */
export function useSearchKey(open: () => void): void {
  const latest = useRef(open);
  latest.current = open;
  useEffect(() => {
    const map = keyMap('app', { searchLibrary: () => latest.current() });
    const onKey = (event: KeyboardEvent) => {
      const name = shortcutName(event);
      const action = name === null ? undefined : map[name];
      if (event.defaultPrevented || !action) return;
      // Kept from the browser (Ctrl+K is its own search bar) even when a dialog is open.
      event.preventDefault();
      if (!document.querySelector('[aria-modal="true"]')) action(name!);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** How the key reads on this machine, for the hint on the button. */
export const SEARCH_KEY_LABEL = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘K' : 'Ctrl+K';
