import { useEffect, useId, useRef, useState } from 'react';
import type { Claim } from '../../../../shared/model';
import { Dialog } from '../../app/Dialog';
import { actionFor } from '../help/review-keys';

interface Word {
  text: string;
  /** Article offset where the word starts: the claim is split before it. */
  at: number;
}

export function wordsOf(claim: Pick<Claim, 'text' | 'start'>): Word[] {
  const words: Word[] = [];
  const re = /\S+/g;
  for (let m = re.exec(claim.text); m; m = re.exec(claim.text)) words.push({ text: m[0], at: claim.start + m.index });
  return words;
}

/** Where a split most likely goes: after the first comma, semicolon, colon or dash, else the middle. */
export function likelySplit(words: readonly Word[]): number {
  const after = words.findIndex((w, i) => i > 0 && i < words.length - 1 && /[,;:—–]$/.test(w.text));
  return after >= 0 ? after + 1 : Math.max(1, Math.floor(words.length / 2));
}

/**
 * B: choose the word the second claim starts with, from the keyboard (← →, Home, End,
 * a letter for the next word starting with it, Enter) or with the mouse; the two parts
 * are shown as they will be.
 */
export function SplitPicker(props: { claim: Claim; onSplit: (at: number) => void; onCancel: () => void }) {
  const id = useId();
  const words = wordsOf(props.claim);
  const [active, setActive] = useState(() => likelySplit(words));
  const list = useRef<HTMLDivElement>(null);
  const last = words.length - 1;
  useEffect(() => list.current?.focus(), []);

  function onKeyDown(event: React.KeyboardEvent) {
    const action = actionFor('split', event);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    switch (action) {
      case 'next':
        return setActive(Math.min(active + 1, last));
      case 'previous':
        return setActive(Math.max(active - 1, 1));
      case 'first':
        return setActive(1);
      case 'last':
        return setActive(last);
      case 'jump': {
        const letter = event.key.toLowerCase();
        const order = [...words.keys()].slice(active + 1).concat([...words.keys()].slice(1, active + 1));
        const found = order.find((i) => words[i]!.text.replace(/^[^\p{L}\p{N}]+/u, '').toLowerCase().startsWith(letter));
        if (found !== undefined) setActive(found);
        return;
      }
      case 'choose':
        return props.onSplit(words[active]!.at);
      case 'cancel':
        return props.onCancel();
    }
  }

  if (words.length < 2) {
    return (
      <Dialog labelledBy={`${id}-title`} onClose={props.onCancel}>
        <h2 id={`${id}-title`}>Split the claim</h2>
        <p>A claim of one word cannot be split.</p>
        <div className="actions">
          <button autoFocus type="button" onClick={props.onCancel}>
            Close
          </button>
        </div>
      </Dialog>
    );
  }

  const first = words.slice(0, active).map((w) => w.text).join(' ');
  const second = words.slice(active).map((w) => w.text).join(' ');
  return (
    <Dialog labelledBy={`${id}-title`} describedBy={`${id}-help`} className="split-picker" onClose={props.onCancel}>
      <h2 id={`${id}-title`}>Split the claim</h2>
      <p id={`${id}-help`} className="muted">
        Choose the word the second claim starts with: <kbd>←</kbd> <kbd>→</kbd> move, a letter jumps to the next word starting with it, <kbd>Enter</kbd> splits,{' '}
        <kbd>Esc</kbd> cancels.
      </p>
      <div
        className="split-words"
        role="listbox"
        aria-orientation="horizontal"
        aria-label="Split before the word"
        aria-activedescendant={`${id}-w${active}`}
        tabIndex={0}
        ref={list}
        onKeyDown={onKeyDown}
      >
        {words.map((word, i) => [
          i > 0 ? ' ' : null,
          <span
            key={word.at}
            id={`${id}-w${i}`}
            role="option"
            aria-selected={i === active}
            aria-disabled={i === 0 || undefined}
            className={`split-word${i === active ? ' active' : ''}${i === 0 ? ' first' : ''}`}
            onClick={() => i > 0 && props.onSplit(word.at)}
            onMouseEnter={() => i > 0 && setActive(i)}
          >
            {word.text}
          </span>,
        ])}
      </div>
      <div className="split-preview" aria-live="polite">
        <p>
          <span className="split-part-label">First claim</span> {first}
        </p>
        <p>
          <span className="split-part-label">Second claim</span> {second}
        </p>
      </div>
      <div className="actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => props.onSplit(words[active]!.at)}>
          Split before “{words[active]!.text}”
        </button>
      </div>
    </Dialog>
  );
}
