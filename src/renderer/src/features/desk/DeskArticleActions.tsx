import { useState } from 'react';
import { Dialog } from '../../app/Dialog';
import type { DeskArticle } from '../../../../shared/desk-contract';
import { api, errorMessage } from '../../api/client';
import { FormFooter } from '../../app/FormFooter';
import { AssignDialog } from './AssignDialog';

/** The editor's assignment, sign-off (locks the article for the whole desk) and unlock (with why), in the article's header. */
export function DeskArticleActions(props: { articleId: string; claimCount: number; desk: DeskArticle | null; onChanged: () => void; onNotice: (text: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [unlocking, setUnlocking] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [why, setWhy] = useState('');
  const { desk } = props;
  if (!desk?.joined || !desk.editor) return null;

  async function run(action: () => Promise<unknown>, said: string) {
    setBusy(true);
    try {
      await action();
      props.onNotice(said);
      props.onChanged();
    } catch (e) {
      props.onNotice(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (desk.locked) {
    // A dialog, not window.prompt: Electron's windows have no prompt().
    return (
      <>
        <button type="button" disabled={busy} onClick={() => setUnlocking(true)}>
          Unlock…
        </button>
        {unlocking && (
          <Dialog
            labelledBy="unlock-title"
            onClose={() => setUnlocking(false)}
            onSubmit={(e) => {
              e.preventDefault();
              setUnlocking(false);
              void run(() => api['desk:unlock']({ articleId: props.articleId, why }), 'Unlocked: the desk can mark this article again.');
            }}
          >
            <h2 id="unlock-title">Unlock the article</h2>
            <label htmlFor="unlock-why">Why (kept on the desk’s record)</label>
            <input id="unlock-why" required autoFocus value={why} onChange={(e) => setWhy(e.target.value)} />
            <FormFooter error={null} onCancel={() => setUnlocking(false)} busy={false} submit="Unlock" />
          </Dialog>
        )}
      </>
    );
  }
  return (
    <>
      <button type="button" disabled={busy} onClick={() => setAssigning(true)}>
        Assign…
      </button>
      {assigning && (
        <AssignDialog
          articleId={props.articleId}
          claimCount={props.claimCount}
          people={desk.people}
          onClose={() => setAssigning(false)}
          onAssigned={(said) => {
            setAssigning(false);
            props.onNotice(said);
            props.onChanged();
          }}
        />
      )}
      <button type="button" disabled={busy} onClick={() => void run(() => api['desk:signoff']({ articleId: props.articleId }), 'Signed off: the article is locked for the whole desk.')}>
        Sign off
      </button>
    </>
  );
}
