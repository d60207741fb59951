import { useEffect, useId, useRef, useState } from 'react';
import type { Claim } from '../../../../shared/model';
import { Dialog } from '../../app/Dialog';
import { REVIEW_KEYS, type ActionOf, type KeyBinding } from '../help/review-keys';
import type { ShownFact } from '../../../../shared/facts/fold';

interface Word {
  text: string;
  /** Offsets into the claim's text. */
  start: number;
  end: number;
}

export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) words.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return words;
}

/** The picker's action for a key press; Shift with an arrow widens or narrows the choice. */
function actionOf(event: React.KeyboardEvent): ActionOf<'factPick'> | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const name = event.shiftKey && key.startsWith('Arrow') ? `Shift+${key}` : key;
  const binding = (REVIEW_KEYS as readonly KeyBinding[]).find((b) => b.scope === 'factPick' && b.keys.includes(name));
  return (binding?.action as ActionOf<'factPick'> | undefined) ?? null;
}

/**
 * F: choose the words of a new fact, the way B chooses where to split: ← → move, Shift
 * with an arrow takes in the next word (or gives back the last), a letter jumps, Enter
 * adds. With the mouse: press on the first word and release on the last. Words already
 * in a fact are shown as such; the backend refuses an overlap with a sentence.
 */
export function FactPicker(props: { claim: Claim; facts: readonly ShownFact[]; onAdd: (start: number, end: number) => void; onCancel: () => void }) {
  const id = useId();
  const words = wordsOf(props.claim.text);
  const inFact = (w: Word) => props.facts.some((f) => f.start < w.end && w.start < f.end);
  const [anchor, setAnchor] = useState(() => Math.max(0, words.findIndex((w) => !inFact(w))));
  const [active, setActive] = useState(anchor);
  const [dragging, setDragging] = useState(false);
  const list = useRef<HTMLDivElement>(null);
  const last = words.length - 1;
  useEffect(() => list.current?.focus(), []);
  const [from, to] = [Math.min(anchor, active), Math.max(anchor, active)];

  const moveTo = (i: number) => {
    setAnchor(i);
    setActive(i);
  };
  const add = () => props.onAdd(words[from]!.start, words[to]!.end);

  function onKeyDown(event: React.KeyboardEvent) {
    const action = actionOf(event);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    switch (action) {
      case 'next':
        return moveTo(Math.min(active + 1, last));
      case 'previous':
        return moveTo(Math.max(active - 1, 0));
      case 'extend':
        return setActive(Math.min(active + 1, last));
      case 'shrink':
        return setActive(Math.max(active - 1, 0));
      case 'jump': {
        const letter = event.key.toLowerCase();
        const order = [...words.keys()].slice(active + 1).concat([...words.keys()].slice(0, active + 1));
        const found = order.find((i) => words[i]!.text.replace(/^[^\p{L}\p{N}]+/u, '').toLowerCase().startsWith(letter));
        if (found !== undefined) moveTo(found);
        return;
      }
      case 'choose':
        return add();
      case 'cancel':
        return props.onCancel();
    }
  }

  const chosen = props.claim.text.slice(words[from]!.start, words[to]!.end);
  return (
    <Dialog labelledBy={`${id}-title`} describedBy={`${id}-help`} className="split-picker fact-picker" onClose={props.onCancel}>
      <h2 id={`${id}-title`}>Add a fact</h2>
      <p id={`${id}-help`} className="muted">
        Choose its words: <kbd>←</kbd> <kbd>→</kbd> move, <kbd>Shift</kbd> + <kbd>→</kbd> takes in the next word, a letter jumps, <kbd>Enter</kbd> adds,{' '}
        <kbd>Esc</kbd> cancels. With the mouse, press on the first word and release on the last.
      </p>
      <div
        className="split-words"
        role="listbox"
        aria-multiselectable="true"
        aria-orientation="horizontal"
        aria-label="Words of the fact"
        aria-activedescendant={`${id}-w${active}`}
        tabIndex={0}
        ref={list}
        onKeyDown={onKeyDown}
        onMouseLeave={() => setDragging(false)}
      >
        {words.map((word, i) => [
          i > 0 ? ' ' : null,
          <span
            key={word.start}
            id={`${id}-w${i}`}
            role="option"
            aria-selected={i >= from && i <= to}
            className={`split-word${i >= from && i <= to ? ' active' : ''}${inFact(word) ? ' in-fact' : ''}`}
            onMouseDown={(e) => {
              e.preventDefault();
              setDragging(true);
              moveTo(i);
            }}
            onMouseEnter={() => dragging && setActive(i)}
            onMouseUp={() => {
              setDragging(false);
              setActive(i);
            }}
          >
            {word.text}
          </span>,
        ])}
      </div>
      <p className="split-preview" aria-live="polite">
        <span className="split-part-label">New fact</span> {chosen}
      </p>
      <div className="actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={add}>
          Add “{chosen.length > 40 ? `${chosen.slice(0, 39)}…` : chosen}” as a fact
        </button>
      </div>
    </Dialog>
  );
}
