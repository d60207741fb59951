import { useRef, useState } from 'react';
import type { SeenBeforeMatch as Match } from '../../../../shared/memory/memory-contract';
import type { Claim } from '../../../../shared/model';
import { errorMessage } from '../../api/client';
import type { ReuseOutcome } from '../article/use-article';
import { useShortcuts } from '../article/use-shortcuts';
import { keyMap } from '../help/review-keys';
import { memoryStatusText } from './memory-status';
import { reusable, SeenBeforeMatch } from './SeenBeforeMatch';
import { useSeenBefore } from './use-seen-before';
import './memory.css';

export interface SeenBeforeProps {
  articleId: string;
  /** Cites an earlier check's sources on the claim and copies its note (use-article's reuseEarlier). */
  reuse: (claimId: string, from: { articleId: string; claimId: string }) => Promise<ReuseOutcome>;
}

/**
 * The claim's “seen before” panel: similar claims checked in other articles. “Same
 * claim” is shown in full; “possibly the same” stays folded. Shift+R reuses the first
 * same claim's check (its sources cited here, its note copied); the verdict stays the
 * checker's to give. It sits below the sources, so what it shows never moves the
 * verdict buttons.
 */
export function SeenBefore(props: SeenBeforeProps & { claim: Claim; onNotice: (text: string) => void }) {
  const { claim, onNotice } = props;
  const seen = useSeenBefore(props.articleId, claim.id, claim.text);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const matches = seen.answer?.matches ?? [];
  const same = matches.filter((m) => m.level === 'same');
  const possibly = matches.filter((m) => m.level === 'possibly');
  const keyed = same.find(reusable);

  async function reuse(match: Match) {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      const done = await props.reuse(claim.id, { articleId: match.articleId, claimId: match.claimId });
      onNotice(reuseSentence(done));
    } catch (e) {
      onNotice(`Not saved: ${errorMessage(e)}`);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  useShortcuts(
    keyMap('seen', {
      reuseEarlier: () => {
        if (keyed) return void reuse(keyed);
        if (!seen.answer) return onNotice('Still looking for this claim in other articles.');
        if (seen.answer.tooShort) return onNotice('Claims under 8 words are not matched against other articles.');
        if (same.length > 0) return onNotice('The same claim was checked before, but with no note or sources to reuse.');
        if (possibly.length > 0) return onNotice('Only possible matches: open “Possibly the same claim” and choose one with its button.');
        onNotice('No claim checked in another article looks like this one.');
      },
    }),
    1,
  );

  const card = (m: Match) => (
    <SeenBeforeMatch key={`${m.articleId}/${m.claimId}`} match={m} keyHint={m === keyed ? '⇧R' : undefined} busy={busy} onReuse={() => void reuse(m)} />
  );
  const building = memoryStatusText(seen.memory);
  return (
    <section className="seen-before" aria-labelledby="seen-before-title">
      <h3 id="seen-before-title" className={same.length > 0 ? 'seen-callout' : undefined}>
        <span className="seen-label">Seen before</span>
        {same.length > 0 && <span className="seen-count"> · {sameSummary(same)}</span>}
        {keyed && (
          <span className="seen-key">
            <kbd aria-hidden="true">⇧R</kbd> reuse its check
          </span>
        )}
      </h3>
      {seen.error ? (
        <p className="muted">The claim memory did not answer: {seen.error}</p>
      ) : !seen.answer ? (
        <p className="muted">Looking for this claim in other articles…</p>
      ) : seen.answer.tooShort ? (
        <p className="muted">Claims under 8 words are not matched against other articles.</p>
      ) : matches.length === 0 ? (
        <p className="muted">No claim checked in another article looks like this one.</p>
      ) : null}
      {building && <p className="muted seen-building">{building}</p>}
      {same.slice(0, 1).map(card)}
      {same.length > 1 && (
        // The best match in full; the desk's other checks of it folded, so the panel stays short.
        <details className="seen-more">
          <summary>
            {same.length - 1} more {same.length === 2 ? 'check' : 'checks'} of the same claim
          </summary>
          {same.slice(1).map(card)}
        </details>
      )}
      {possibly.length > 0 && (
        <details className="seen-possibly">
          <summary>
            Possibly the same claim ({possibly.length})
          </summary>
          {possibly.map(card)}
        </details>
      )}
    </section>
  );
}

/** “same claim, verified in “Title””, or how many times it was checked. */
function sameSummary(same: readonly Match[]): string {
  if (same.length > 1) return `the same claim, checked ${same.length} times`;
  return `the same claim, ${same[0]!.status === 'unchecked' ? 'noted' : same[0]!.status} in “${same[0]!.title}”`;
}

/** Short enough for the desk's notice line: what was reused; the verdict stays the checker's. */
function reuseSentence(done: ReuseOutcome): string {
  if (!done.changed) return 'This claim already cites those sources and holds that note: nothing changed.';
  const parts: string[] = [];
  if (done.cited > 0) parts.push(done.cited === 1 ? 'its source cited' : `its ${done.cited} sources cited`);
  if (done.noteCopied) parts.push('its note copied');
  const what = parts.join(' and ');
  return `Earlier check reused: ${what}; the verdict is yours. Ctrl+Z undoes it.`;
}
