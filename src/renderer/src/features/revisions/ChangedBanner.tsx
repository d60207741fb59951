import { changedFacts, wordDiff } from '../../../../shared/revisions';
import type { Claim } from '../../../../shared/model';

/**
 * A checked claim whose words changed in a revision: the old and new wording as
 * a word diff, the numbers, dates and names that changed, and a way to confirm
 * the verdict still holds.
 */
export function ChangedBanner({ claim, onConfirm }: { claim: Claim; onConfirm: () => void }) {
  const change = claim.changed!;
  const unsure = change.confidence;
  const sameWords = change.previousText === claim.text;
  const parts = wordDiff(change.previousText, claim.text);
  const facts = changedFacts({ text: change.previousText }, claim);
  return (
    <section className="changed-banner" aria-label={unsure ? 'Moved: please confirm' : 'Changed since checked'}>
      {unsure ? (
        <>
          <p className="changed-title">
            <span aria-hidden="true">⚑</span> Moved: please confirm — this may be a different sentence than the one you checked.
          </p>
          <p className="muted">
            {unsure.reason === 'ambiguous' && unsure.rival !== undefined
              ? `Another sentence matched nearly as well: “${unsure.rival}”.`
              : sameWords
                ? 'Found word for word, but in new surroundings.'
                : 'A weak match: few of its words or its surroundings are the same.'}
          </p>
        </>
      ) : (
        <p className="changed-title">
          <span aria-hidden="true">⚑</span> Changed since checked — the verdict was given on other wording. Review it, then confirm.
        </p>
      )}
      {!sameWords && <p className="word-diff">
        {parts.map((part, i) =>
          part.op === 'equal' ? (
            <span key={i}>{part.text}</span>
          ) : part.op === 'delete' ? (
            <del key={i} aria-label={`removed: ${part.text}`}>
              {part.text}
            </del>
          ) : (
            <ins key={i} aria-label={`added: ${part.text}`}>
              {part.text}
            </ins>
          ),
        )}
      </p>}
      {facts.length > 0 && (
        <ul className="changed-facts" aria-label="Facts that changed">
          {facts.map((f, i) => (
            <li key={i}>
              <strong>{f.kind}</strong> {f.from ?? '(none)'} → {f.to ?? '(removed)'}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onConfirm}>
        {unsure ? 'It is the same claim: confirm' : 'The verdict still holds: confirm'}
      </button>
    </section>
  );
}
