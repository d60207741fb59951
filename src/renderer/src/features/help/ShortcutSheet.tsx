import { Dialog } from '../../app/Dialog';

export const SHORTCUTS: [string, string][] = [
  ['J  or  ↓', 'Next claim'],
  ['K  or  ↑', 'Previous claim'],
  ['Shift + J', 'Next unchecked claim'],
  ['V', 'Mark verified'],
  ['D', 'Mark disputed (asks for a note)'],
  ['S', 'Mark sourced (asks for a source)'],
  ['U', 'Mark unchecked'],
  ['N', 'Write the note'],
  ['C', 'Write the suggested correction'],
  ['A', 'Add a source'],
  ['X', 'Select the claim for a bulk change'],
  ['R', 'Switch between review and reading the article'],
  ['E', 'Export the report'],
  ['/', 'Search claims and notes'],
  ['Ctrl/⌘ + Z', 'Undo the last verdict change'],
  ['Shift + Ctrl/⌘ + Z', 'Redo'],
  ['Esc', 'Leave a field (it saves) · back to the library'],
  ['?', 'This sheet'],
];

/** The ? sheet: everything a newcomer needs to review without the mouse. */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  return (
    <Dialog labelledBy="shortcuts-title" className="shortcut-sheet" onClose={onClose} closeOnBackdrop>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <p className="muted">Shortcuts never fire while you type in a field; Esc leaves the field.</p>
      <dl className="shortcut-list">
        {SHORTCUTS.map(([keys, action]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <div className="actions">
        <button autoFocus type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
