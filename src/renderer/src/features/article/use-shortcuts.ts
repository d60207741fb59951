import { useEffect, useRef } from 'react';

/** True when the key press belongs to a text field, where shortcuts must never fire. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Single-key shortcuts for the page. Esc inside a field leaves the field (which
 * saves it); every other key is ignored while typing or with Ctrl/Alt/Meta held.
 */
export function useShortcuts(map: Record<string, () => void>): void {
  const current = useRef(map);
  current.current = map;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      // A dialog or field that handled the key (Esc closing a dialog) has the last word.
      if (event.defaultPrevented) return;
      if (isTyping(event.target)) {
        if (event.key === 'Escape') (event.target as HTMLElement).blur();
        return;
      }
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      if (document.querySelector('[role="dialog"]')) return;
      const action = current.current[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
