import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { VerdictPatch } from '../../../../shared/contract';
import { factsOf, summarizeFacts, type ShownFact } from '../../../../shared/facts/fold';
import { suggestVerdict } from '../../../../shared/facts/suggest';
import type { Claim, Source } from '../../../../shared/model';
import { errorMessage } from '../../api/client';
import { STATUS_TEXT } from '../article/status-style';
import type { FactPlace } from '../article/use-article';
import { useShortcuts } from '../article/use-shortcuts';
import { keyMap, keysOf } from '../help/review-keys';
import { ClaimInContext } from '../review/ClaimInContext';
import { FactCard } from './FactCard';
import { FactPicker } from './FactPicker';
import './facts.css';

/** Above the claim panel's keys (1), below the fact card's (3). */
const STRIP_PRIORITY = 2;

export interface FactOps {
  mark(fact: FactPlace, patch: VerdictPatch, options?: { basedOn?: number }): Promise<unknown>;
  add(start: number, end: number): Promise<unknown>;
  remove(fact: FactPlace): Promise<void>;
}

interface Props {
  claim: Claim;
  articleText: string;
  sources: Source[];
  version: () => number;
  facts: FactOps;
  /** Saves the suggested verdict on the claim, as the claim's own verdict keys do (undoable). */
  onAccept: (patch: VerdictPatch) => Promise<void>;
  /** Put the focus on the fact whose words start here (an undo of its change); a new object each time it is asked. */
  focusRequest?: { start: number };
  onNotice: (text: string) => void;
}

/**
 * The claim in its paragraph with its facts underlined, a summary of them (“3 facts: 2
 * verified, 1 disputed”), the claim verdict they suggest, and the fact in focus. Tab or
 * ] and [ step through the facts; while one is in focus the verdict keys mark it, and
 * Esc gives them back to the claim. Focus is the fact's button, so a screen reader
 * says which fact it is; Tab past the last fact goes on to the rest of the page.
 */
export function ClaimFacts({ claim, articleText, sources, version, facts: ops, onAccept, focusRequest, onNotice }: Props) {
  const facts = useMemo(() => factsOf(claim), [claim]);
  const suggestion = useMemo(() => suggestVerdict(claim), [claim]);
  const [focusAt, setFocusAt] = useState<number | null>(null);
  const [picking, setPicking] = useState(false);
  const zone = useRef<HTMLDivElement>(null);
  const index = facts.findIndex((f) => f.start === focusAt);
  const focused = index >= 0 ? facts[index] : undefined;

  const place = (f: ShownFact): FactPlace => ({ start: f.start, end: f.end });
  const focusFact = useCallback(
    (i: number) => {
      setFocusAt(facts[i]!.start);
      // The claim's words stay in view above the fact: that is what the checker is reading.
      zone.current?.querySelectorAll<HTMLButtonElement>('.fact-chip')[i]?.focus({ preventScroll: true });
      zone.current?.querySelector('.claim-context')?.scrollIntoView?.({ block: 'nearest' });
    },
    [facts],
  );
  // Asked once per request: a later save of the claim does not pull the focus back.
  const answered = useRef<object | null>(null);
  useEffect(() => {
    if (!focusRequest || answered.current === focusRequest) return;
    const i = facts.findIndex((f) => f.start === focusRequest.start);
    if (i < 0) return;
    answered.current = focusRequest;
    focusFact(i);
  }, [focusRequest, facts, focusFact]);
  const act = (what: () => Promise<unknown>) => void what().catch((e: unknown) => onNotice(`Not saved: ${errorMessage(e)}`));

  /** Tab only when nothing else has the cursor (or a fact's button has it): everywhere else it is the browser's. */
  function step(delta: 1 | -1, key: string): boolean {
    const active = document.activeElement;
    const onChip = active instanceof HTMLElement && active.classList.contains('fact-chip');
    const byTab = key === 'Tab' || key === 'Shift+Tab';
    if (byTab && !(onChip || active === null || active === document.body)) return false;
    if (facts.length === 0) {
      if (byTab) return false;
      onNotice('This claim has no facts: F chooses words to make one.');
      return true;
    }
    const next = index < 0 ? (delta > 0 ? 0 : facts.length - 1) : index + delta;
    if (next < 0 || next >= facts.length) {
      if (byTab) {
        setFocusAt(null); // past either end: Tab goes on through the page
        return false;
      }
      focusFact((next + facts.length) % facts.length);
      return true;
    }
    focusFact(next);
    return true;
  }

  function leaveFact(): boolean {
    if (!focused) return false;
    setFocusAt(null);
    if (document.activeElement instanceof HTMLElement && zone.current?.contains(document.activeElement)) document.activeElement.blur();
    return true;
  }

  useShortcuts(
    keyMap('facts', {
      nextFact: (key) => step(1, key),
      previousFact: (key) => step(-1, key),
      sameKeys: () => false,
      addFact: () => setPicking(true),
      removeFact: () => {
        if (!focused) return onNotice(`Choose a fact first: ${keysOf('facts', 'nextFact')}.`);
        const gone = focused;
        setFocusAt(null);
        act(async () => {
          await ops.remove(place(gone));
          onNotice(`Fact “${gone.text}” removed; the claim’s history keeps what it was.`);
        });
      },
      acceptSuggestion: () => {
        if (!suggestion) return onNotice(facts.length === 0 ? 'This claim has no facts to suggest a verdict.' : 'Its facts do not settle the claim yet: no verdict to accept.');
        act(async () => {
          await onAccept(suggestion.patch);
          onNotice(`Claim marked ${suggestion.status}, as its facts suggest. Ctrl+Z undoes it.`);
        });
      },
      leaveFact,
    }),
    STRIP_PRIORITY,
  );

  const marks = facts.map((f) => ({
    start: claim.start + f.start,
    end: claim.start + f.end,
    kind: f.kind,
    className: `fact-mark fact-${f.verdict.status}${f === focused ? ' fact-focused' : ''}`,
  }));

  return (
    <div
      className="claim-facts"
      ref={zone}
      onBlur={(e) => {
        // The cursor went elsewhere on the page (not to nowhere, as Esc leaves a field): the fact is left too.
        if (e.relatedTarget instanceof Node && !e.currentTarget.contains(e.relatedTarget)) setFocusAt(null);
      }}
    >
      <ClaimInContext text={articleText} claim={claim} marks={marks} />
      <div className="fact-strip">
        <p className="fact-summary" aria-live="polite">
          {summarizeFacts(facts)}
        </p>
        {facts.length > 0 && (
          <ol className="fact-chips" aria-label="Facts of the claim">
            {facts.map((f, i) => (
              <li key={f.start}>
                <button
                  type="button"
                  className={`fact-chip status-${f.verdict.status}${f === focused ? ' focused' : ''}`}
                  aria-current={f === focused ? 'true' : undefined}
                  aria-label={`Fact ${i + 1}: ${f.text}, ${f.verdict.status}${f.changed ? ', changed since checked' : ''}`}
                  tabIndex={f === focused || (!focused && i === 0) ? 0 : -1}
                  onClick={() => focusFact(i)}
                  onFocus={() => setFocusAt(f.start)}
                >
                  <span aria-hidden="true">{STATUS_TEXT[f.verdict.status].icon}</span> {f.text}
                  {f.changed && <span aria-hidden="true"> ⚑</span>}
                </button>
              </li>
            ))}
          </ol>
        )}
        <button type="button" className="fact-add" onClick={() => setPicking(true)} aria-keyshortcuts="F">
          Add a fact… <kbd aria-hidden="true">F</kbd>
        </button>
      </div>
      {suggestion && (
        <p className={`fact-suggestion status-${suggestion.status}`}>
          Its facts suggest: <strong>{STATUS_TEXT[suggestion.status].label.toLowerCase()}</strong> ({suggestion.reason}).{' '}
          <button type="button" onClick={() => act(() => onAccept(suggestion.patch))} aria-keyshortcuts="Y">
            Mark the claim {suggestion.status} <kbd aria-hidden="true">Y</kbd>
          </button>
        </p>
      )}
      {focused && (
        <FactCard
          key={focused.start}
          fact={focused}
          number={index + 1}
          total={facts.length}
          sources={sources}
          version={version}
          onNotice={onNotice}
          onSave={async (patch, options) => {
            await ops.mark(place(focused), patch, options);
          }}
        />
      )}
      {picking && (
        <FactPicker
          claim={claim}
          facts={facts}
          onCancel={() => setPicking(false)}
          onAdd={(start, end) => {
            setPicking(false);
            act(async () => {
              await ops.add(start, end);
              setFocusAt(start);
              onNotice(`“${claim.text.slice(start, end).replace(/[\s,.;:!?]+$/, '')}” is now a fact of the claim.`);
            });
          }}
        />
      )}
    </div>
  );
}
