import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { trapTab } from './trap-tab';

/**
 * A modal dialog over a backdrop. Tab stays inside it, and focus returns to where
 * it was on close; Esc closes it and goes no
 * further (the page's own Esc, "back to the library", must not fire as well). As a
 * form, Enter submits: the form sits inside the dialog element, since a <form> may not
 * take the dialog role itself (axe: aria-allowed-role).
 */
export function Dialog(props: {
  labelledBy: string;
  describedBy?: string;
  className?: string;
  role?: 'dialog' | 'alertdialog';
  onClose?: () => void;
  onSubmit?: (event: FormEvent) => void;
  /** Clicking outside closes too (for sheets with nothing to lose). */
  closeOnBackdrop?: boolean;
  children: ReactNode;
}) {
  // Focus goes back where it was when the dialog closes. Read while rendering:
  // by the time an effect runs, a child's autoFocus has already moved it.
  const [opener] = useState(() => document.activeElement);
  useEffect(() => {
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [opener]);
  return (
    <div className="backdrop" onClick={props.closeOnBackdrop ? props.onClose : undefined}>
      <div
        className={`dialog ${props.className ?? ''}`.trim()}
        role={props.role ?? 'dialog'}
        aria-modal={true}
        aria-labelledby={props.labelledBy}
        aria-describedby={props.describedBy}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          trapTab(e, e.currentTarget);
          if (e.key !== 'Escape' || !props.onClose) return;
          e.preventDefault();
          e.stopPropagation();
          props.onClose();
        }}
      >
        {props.onSubmit ? (
          <form className="dialog-form" onSubmit={props.onSubmit}>
            {props.children}
          </form>
        ) : (
          props.children
        )}
      </div>
    </div>
  );
}
