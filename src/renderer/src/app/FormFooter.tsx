import type { ReactNode } from 'react';

/**
 * The end of a form in a dialog: the refusal in one sentence (an alert, so a screen
 * reader hears it), then Cancel and the submit button, which is disabled and marked
 * busy while the request runs.
 */
export function FormFooter(props: { error: string | null; onCancel: () => void; submit: ReactNode; busy: boolean }) {
  return (
    <>
      {props.error && (
        <p className="error" role="alert">
          {props.error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={props.busy} aria-busy={props.busy}>
          {props.submit}
        </button>
      </div>
    </>
  );
}
