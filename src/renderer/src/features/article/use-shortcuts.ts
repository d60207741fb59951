import { useEffect, useRef } from 'react';

/** Inputs that take no typing: a key pressed on one is a shortcut like anywhere else. */
const KEYLESS_INPUTS = ['checkbox', 'button', 'submit', 'reset'];

/** True when the key press belongs to a text field, where shortcuts must never fire. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !KEYLESS_INPUTS.includes(target.type);
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** A checkbox (“Show set aside”, a claim's bulk box): Esc leaves it, as it leaves a field. */
function isCheckbox(target: EventTarget | null): target is HTMLInputElement {
  return target instanceof HTMLInputElement && target.type === 'checkbox';
}

/** The name a key press has in a shortcut map: `j`, `J`, `ArrowDown`, or a chord such as `Mod+z` (Ctrl or ⌘). */
export function shortcutName(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): string | null {
  if (event.altKey) return null;
  if (event.ctrlKey || event.metaKey) return `Mod+${event.shiftKey ? 'Shift+' : ''}${event.key.toLowerCase()}`;
  return event.key;
}

/**
 * Keyboard shortcuts for the page. Esc inside a field leaves the field (which
 * saves it); every other key is ignored while typing (a field keeps its own
 * Ctrl+Z) or while a modal dialog is open. A checkbox takes no typing, so the
 * keys work there too, and Esc leaves it.
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
      if (event.key === 'Escape' && isCheckbox(event.target)) {
        event.target.blur();
        return;
      }
      if (document.querySelector('[aria-modal="true"]')) return;
      const name = shortcutName(event);
      const action = name === null ? undefined : current.current[name];
      if (action) {
        event.preventDefault();
        action();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
