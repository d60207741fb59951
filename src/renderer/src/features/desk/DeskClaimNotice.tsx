import { useRef, useState } from 'react';
import type { DeskArticle } from '../../../../shared/desk-contract';
import type { Status } from '../../../../shared/model';
import { api, errorMessage } from '../../api/client';
import { STATUS_TEXT } from '../article/status-style';
import { useShortcuts } from '../article/use-shortcuts';
import { keyMap, keysOf } from '../help/review-keys';
import { clock } from './use-desk';

interface Props {
  articleId: string;
  claimId: string;
  desk: DeskArticle | null;
  /** Called with the desk's answer after a resolution, so the article and the notice catch up. */
  onChanged: () => void;
  onNotice: (text: string) => void;
}

function when(at: string): string {
  return `${new Date(at).toLocaleDateString([], { day: 'numeric', month: 'short' })} ${clock(at)}`;
}

/**
 * Above the claim under review: a signed-off article says it is locked; a desk
 * disagreement on this claim shows both verdicts with who and when, and settles it by
 * keeping one or giving a new verdict (Shift+D goes to the choices).
 */
export function DeskClaimNotice({ articleId, claimId, desk, onChanged, onNotice }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  const [writing, setWriting] = useState(false);
  const [status, setStatus] = useState<Status>('disputed');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const disagreement = desk?.disagreements.find((d) => d.claimId === claimId);
  const mayResolve = Boolean(desk && disagreement && (desk.editor || disagreement.sides.some((s) => s.by === desk.user)));

  useShortcuts(keyMap('disagreement', { resolve: () => (disagreement ? (first.current?.focus(), true) : false) }), 2);

  async function resolve(input: { choose: string } | { verdict: { status: Status; note: string } }, said: string) {
    try {
      await api['desk:resolve']({ articleId, claimId, ...input });
      setError(null);
      setWriting(false);
      onNotice(`Desk disagreement settled: ${said}.`);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  if (!desk?.joined) return null;
  return (
    <>
      {desk.locked && desk.lock && (
        <p className="desk-locked" role="note">
          <strong>Locked.</strong> Signed off by {desk.lock.by} on {when(desk.lock.at)}: this article is locked, and marks are refused until an editor unlocks it.
        </p>
      )}
      {disagreement && (
        <section className="desk-disagreement" aria-labelledby={`disagreement-${claimId}`}>
          <h3 id={`disagreement-${claimId}`}>
            Desk disagreement <kbd aria-hidden="true">{keysOf('disagreement', 'resolve')}</kbd>
          </h3>
          <ul>
            {disagreement.sides.map((side, i) => (
              <li key={side.eventId} className={`status-${side.status}`}>
                <p>
                  <strong>{side.by}</strong> said <strong>{STATUS_TEXT[side.status].label.toLowerCase()}</strong> <span className="muted">· {when(side.at)}</span>
                </p>
                {side.note && <p className="desk-side-note">“{side.note}”</p>}
                {mayResolve && (
                  <button type="button" ref={i === 0 ? first : undefined} onClick={() => void resolve({ choose: side.eventId }, `kept ${side.by}’s ${side.status}`)}>
                    Keep {side.by}’s verdict
                  </button>
                )}
              </li>
            ))}
          </ul>
          {mayResolve && !writing && (
            <button type="button" onClick={() => setWriting(true)}>
              Give a new verdict…
            </button>
          )}
          {!mayResolve && <p className="muted">Only {disagreement.sides.map((s) => s.by).join(' or ')} or an editor can settle it.</p>}
          {writing && (
            <form
              className="desk-new-verdict"
              onSubmit={(e) => {
                e.preventDefault();
                void resolve({ verdict: { status, note } }, `now ${status}`);
              }}
            >
              <label htmlFor="desk-new-status">New verdict</label>
              <select id="desk-new-status" value={status} onChange={(e) => setStatus(e.target.value as Status)} autoFocus>
                {(['verified', 'disputed', 'sourced', 'unchecked'] as const).map((s) => (
                  <option key={s} value={s}>
                    {STATUS_TEXT[s].label}
                  </option>
                ))}
              </select>
              <label htmlFor="desk-new-note">Why</label>
              <textarea id="desk-new-note" value={note} onChange={(e) => setNote(e.target.value)} />
              <div className="actions">
                <button type="button" onClick={() => setWriting(false)}>
                  Cancel
                </button>
                <button type="submit" className="primary">
                  Settle it
                </button>
              </div>
            </form>
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </section>
      )}
    </>
  );
}
