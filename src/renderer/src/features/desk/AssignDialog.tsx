import { useState } from 'react';
import { Dialog } from '../../app/Dialog';
import { api } from '../../api/client';
import { useFormSubmit } from '../../app/use-form-submit';
import { FormFooter } from '../../app/FormFooter';

/**
 * The editor's "Assign…": the whole article, or the claims numbered on screen ("3-9"),
 * to one checker. An assignment is a desk event like any other: it reaches every member,
 * and the claim panel says "Assigned to …". A refusal (a range past the last claim, a
 * locked article) stays in the dialog, with what was typed.
 */
export function AssignDialog(props: { articleId: string; claimCount: number; people: string[]; onClose: () => void; onAssigned: (said: string) => void }) {
  const [to, setTo] = useState('');
  const [claims, setClaims] = useState('');
  const { busy, error, submit, clearError } = useFormSubmit(async () => {
    const range = claims.trim();
    await api['desk:assign']({ articleId: props.articleId, to: to.trim(), ...(range ? { claims: range } : {}) });
    props.onAssigned(range ? `Claims ${range} assigned to ${to.trim()}.` : `The article is assigned to ${to.trim()}.`);
  });

  return (
    <Dialog labelledBy="assign-title" describedBy="assign-about" onClose={props.onClose} onSubmit={submit}>
      <h2 id="assign-title">Assign</h2>
      <p id="assign-about" className="muted">
        Give the article, or some of its {props.claimCount} claims, to a checker on the desk. Everyone on the desk sees it.
      </p>
      <label htmlFor="assign-to">Checker</label>
      <input id="assign-to" required autoFocus list="assign-people" autoComplete="off" value={to} onChange={(e) => (setTo(e.target.value), clearError())} />
      <datalist id="assign-people">
        {props.people.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <label htmlFor="assign-claims">Claims (leave empty for the whole article)</label>
      <input id="assign-claims" placeholder="such as 3-9, or 4" autoComplete="off" value={claims} onChange={(e) => (setClaims(e.target.value), clearError())} />
      <FormFooter error={error} onCancel={props.onClose} busy={busy} submit="Assign" />
    </Dialog>
  );
}
