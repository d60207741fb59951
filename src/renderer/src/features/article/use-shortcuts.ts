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
  // Shift+Tab steps back through a claim's facts; Tab alone steps forward.
  if (event.key === 'Tab' && event.shiftKey) return 'Shift+Tab';
  return event.key;
}

/**
 * What a key does: called with the key's name. Returning `false` says “not mine after
 * all” (Esc with nothing to cancel), and the key goes on to the next map.
 */
export type KeyHandler = (key: string) => boolean | void;
export type KeyMap = Record<string, KeyHandler>;

interface Layer {
  map: { current: KeyMap };
  priority: number;
}

// One listener for the page; the maps registered with it are asked in priority order
// (the claim's keys before the desk's), the newest first among equals.
const layers: Layer[] = [];

function onKey(event: KeyboardEvent): void {
  // A dialog or field that handled the key (Esc closing a dialog) has the last word.
  if (event.defaultPrevented) return;
  if (isTyping(event.target)) {
    if (event.key === 'Escape') {
      // Esc leaves the field and keeps what is in it (a search box would clear itself).
      event.preventDefault();
      (event.target as HTMLElement).blur();
    }
    return;
  }
  if (event.key === 'Escape' && isCheckbox(event.target)) {
    event.target.blur();
    return;
  }
  if (document.querySelector('[aria-modal="true"]')) return;
  const name = shortcutName(event);
  if (name === null) return;
  for (const layer of [...layers].sort((a, b) => b.priority - a.priority)) {
    const action: KeyHandler | undefined = layer.map.current[name];
    if (action && action(name) !== false) {
      event.preventDefault();
      return;
    }
  }
}

/**
 * Keyboard shortcuts while the component is mounted. Esc inside a field leaves the
 * field (keeping its text); every other key is ignored while typing (a field keeps its
 * own Ctrl+Z) or while a modal dialog is open. A checkbox takes no typing, so the keys
 * work there too, and Esc leaves it. A map with a higher `priority` is asked first.
 */
export function useShortcuts(map: KeyMap, priority = 0): void {
  const current = useRef(map);
  current.current = map;
  useEffect(() => {
    const layer: Layer = { map: current, priority };
    layers.unshift(layer);
    if (layers.length === 1) window.addEventListener('keydown', onKey);
    return () => {
      layers.splice(layers.indexOf(layer), 1);
      if (layers.length === 0) window.removeEventListener('keydown', onKey);
    };
  }, [priority]);
}
