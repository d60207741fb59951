// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isTyping, useShortcuts } from '../../../src/renderer/src/features/article/use-shortcuts';

afterEach(cleanup);

function Harness({ onV, onEscape = () => {} }: { onV: () => void; onEscape?: () => void }) {
  useShortcuts({ v: onV, Escape: onEscape });
  return (
    <div>
      <textarea aria-label="Note" />
      <input type="search" aria-label="Search" />
      <input type="checkbox" aria-label="Show set aside" />
      <button type="button">Elsewhere</button>
    </div>
  );
}

describe('keyboard shortcuts', () => {
  it('fire on the page but never while typing in a field', () => {
    const onV = vi.fn();
    const { getByLabelText } = render(<Harness onV={onV} />);
    fireEvent.keyDown(getByLabelText('Note'), { key: 'v' });
    expect(onV).not.toHaveBeenCalled();
    fireEvent.keyDown(document.body, { key: 'v' });
    expect(onV).toHaveBeenCalledTimes(1);
  });

  it('ignore keys pressed with Ctrl, Alt or Meta (so Ctrl+V still pastes)', () => {
    const onV = vi.fn();
    render(<Harness onV={onV} />);
    fireEvent.keyDown(document.body, { key: 'v', ctrlKey: true });
    fireEvent.keyDown(document.body, { key: 'v', metaKey: true });
    expect(onV).not.toHaveBeenCalled();
  });

  it('Esc leaves a text field', () => {
    render(<Harness onV={() => {}} />);
    const note = document.querySelector('textarea')!;
    note.focus();
    fireEvent.keyDown(note, { key: 'Escape' });
    expect(document.activeElement).not.toBe(note);
    expect(isTyping(note)).toBe(true);
    expect(isTyping(document.body)).toBe(false);
  });

  it('work on a checkbox, which takes no typing, and Esc only leaves it', () => {
    const onV = vi.fn();
    const onEscape = vi.fn();
    const { getByLabelText } = render(<Harness onV={onV} onEscape={onEscape} />);
    const box = getByLabelText('Show set aside') as HTMLInputElement;
    expect(isTyping(box)).toBe(false);
    expect(isTyping(getByLabelText('Search'))).toBe(true);
    box.focus();
    fireEvent.keyDown(box, { key: 'v' });
    expect(onV).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(document.activeElement).not.toBe(box);
    expect(onEscape).not.toHaveBeenCalled();
  });

  it('Esc in a search box leaves it and keeps the query (the browser would clear it)', () => {
    render(<Harness onV={() => {}} />);
    const box = document.querySelector('input[type="search"]') as HTMLInputElement;
    box.value = 'seawall';
    box.focus();
    const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    box.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(document.activeElement).not.toBe(box);
    expect(box.value).toBe('seawall');
  });

  it('asks the map of higher priority first; a handler returning false passes the key on', () => {
    const calls: string[] = [];
    let pending = true;
    function Layers() {
      useShortcuts({ Escape: () => void calls.push('desk: back') });
      useShortcuts({ Escape: () => (pending ? (calls.push('claim: cancel'), true) : false) }, 1);
      return null;
    }
    render(<Layers />);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    pending = false;
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(calls).toEqual(['claim: cancel', 'desk: back']);
  });
});
