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
});
