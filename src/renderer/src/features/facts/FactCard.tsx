import { useEffect, useRef } from 'react';
import type { VerdictPatch } from '../../../../shared/contract';
import type { ShownFact } from '../../../../shared/facts/fold';
import type { Source } from '../../../../shared/model';
import { checkVerdictRules } from '../../../../shared/verdicts';
import { STATUS_TEXT } from '../article/status-style';
import { useShortcuts } from '../article/use-shortcuts';
import { keyMap } from '../help/review-keys';
import { StatusButtons } from '../review/StatusButtons';
import { useVerdictDraft, verdictKeys } from '../review/verdict-draft';

/** Above the claim panel's keys (1) and the facts strip's (2): a fact in focus takes V D S U, N and 1–9. */
const FACT_KEYS_PRIORITY = 3;

interface Props {
  fact: ShownFact;
  number: number;
  total: number;
  sources: Source[];
  /** Saves a patch on this fact (named by its place: its id changes when first stored). */
  onSave: (patch: VerdictPatch, options?: { basedOn?: number }) => Promise<void>;
  version: () => number;
  onNotice: (text: string) => void;
}

/**
 * The fact in focus: its verdict, note and cited sources. The same draft as a claim's
 * (useVerdictDraft): D waits for a note, S for a source, Esc or U gives up the wait;
 * the rules are the claim's, worded for a fact.
 */
export function FactCard({ fact, number, total, sources, onSave, version, onNotice }: Props) {
  const { draft, dispatch, choose, enter, leave, cite } = useVerdictDraft(fact, {
    save: async (build, options) => {
      const patch = build(fact);
      if (!patch) return null;
      await onSave(patch, options);
      return { patch };
    },
    version,
    sourceCount: sources.length,
    what: 'fact',
  });
  const noteRef = useRef<HTMLTextAreaElement>(null);
  // Set while Esc leaves the note: the blur that follows has nothing left to do.
  const leftByEsc = useRef(false);
  useEffect(() => {
    if (draft.focus?.target === 'note') noteRef.current?.focus();
  }, [draft.focus]);

  const citeNumber = (key: string) => {
    const source = sources[Number(key) - 1];
    if (!source) return onNotice(sources.length === 0 ? 'The article has no sources yet: Esc, then A adds one.' : `The article has ${sources.length} sources; ${key} is not one of them.`);
    const on = !fact.verdict.sourceIds.includes(source.id);
    cite(source.id, on);
    onNotice(`Fact “${fact.text}” ${on ? 'cites' : 'no longer cites'} source ${key}: ${source.title}.`);
  };
  const claimsOwn = () => false; // not the fact's: the claim panel answers
  useShortcuts(
    keyMap('claim', {
      ...verdictKeys(choose, dispatch),
      correction: claimsOwn,
      cancel: () => {
        if (!draft.pending) return false; // nothing waiting: Esc leaves the fact (the strip's key)
        dispatch({ type: 'cancel' });
        onNotice(`${STATUS_TEXT[draft.pending].label} cancelled: the fact stays ${fact.verdict.status}.`);
        return true;
      },
      cite: citeNumber,
      findSource: claimsOwn,
      addSource: claimsOwn,
      split: claimsOwn,
      mergeNext: claimsOwn,
      mergePrevious: claimsOwn,
    }),
    FACT_KEYS_PRIORITY,
  );

  const shown = draft.pending ?? fact.verdict.status;
  const warnings = draft.pending ? [] : checkVerdictRules(fact.verdict, 'fact').warnings;
  return (
    <section className={`fact-card status-${fact.verdict.status}`} aria-label={`Fact ${number} of ${total}: ${fact.text}`}>
      <p className="fact-title">
        Fact {number} of {total} · <span className="label-tag">{fact.kind}</span> <q>{fact.text}</q>
        {fact.changed && <span className="fact-changed"> ⚑ changed since checked: it was “{fact.changed.previousText}”</span>}
      </p>
      <StatusButtons label="Fact verdict" buttonPrefix="Fact" className="fact-status" shown={shown} guidance={draft.guidance} onChoose={choose} />
      <label htmlFor="fact-note">
        Fact note <kbd aria-hidden="true">N</kbd>
      </label>
      <textarea
        id="fact-note"
        ref={noteRef}
        rows={2}
        value={draft.note}
        placeholder="What this fact was checked against"
        onChange={(e) => dispatch({ type: 'type', field: 'note', text: e.target.value })}
        onFocus={() => enter('note')}
        onBlur={() => {
          if (leftByEsc.current) leftByEsc.current = false;
          else leave('blur');
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          // Esc leaves the field and saves its words, as in the claim's note.
          e.preventDefault();
          leave('esc');
          leftByEsc.current = true;
          e.currentTarget.blur();
          leftByEsc.current = false;
        }}
      />
      {sources.length > 0 && (
        <fieldset className="fact-sources">
          <legend>Fact cites</legend>
          {sources.slice(0, 9).map((source, i) => (
            <label key={source.id}>
              <input type="checkbox" checked={fact.verdict.sourceIds.includes(source.id)} onChange={(e) => cite(source.id, e.target.checked)} />
              <kbd aria-hidden="true">{i + 1}</kbd> {source.title}
            </label>
          ))}
        </fieldset>
      )}
      {(draft.error || warnings.length > 0) && (
        <p className={draft.error ? 'error' : 'warning'} role={draft.error ? 'alert' : undefined}>
          {draft.error ? `Not saved: ${draft.error}` : warnings[0]}
        </p>
      )}
    </section>
  );
}
