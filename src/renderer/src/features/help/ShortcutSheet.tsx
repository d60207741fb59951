import { Dialog } from '../../app/Dialog';

export const REVIEW_SHORTCUTS: [string, string][] = [
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
  ['O', 'Set the claim aside: not a claim'],
  ['P', 'Make set-aside text a claim'],
  ['R', 'Switch between review and reading the article'],
  ['E', 'Export the report'],
  ['/', 'Search claims and notes'],
  ['Ctrl/⌘ + Z', 'Undo the last verdict change, set-aside or new claim'],
  ['Shift + Ctrl/⌘ + Z', 'Redo'],
  ['Esc', 'Leave a field (it saves) · back to the library'],
  ['?', 'This sheet'],
];

export const LIBRARY_SHORTCUTS: [string, string][] = [
  ['/', 'Search titles and publications'],
  ['↓  or  ↑', 'Next and previous article (from the search: the first)'],
  ['Enter', 'Open the article (in the search: the first match)'],
  ['Tab', 'The article’s Rename and Delete buttons'],
  ['N', 'New article'],
  ['Esc', 'Leave a field · in an article, back to the library'],
  ['?', 'This sheet'],
];

/** The ? sheet: everything a newcomer needs to work without the mouse, on this screen. */
export function ShortcutSheet({ shortcuts = REVIEW_SHORTCUTS, onClose }: { shortcuts?: [string, string][]; onClose: () => void }) {
  return (
    <Dialog labelledBy="shortcuts-title" className="shortcut-sheet" onClose={onClose} closeOnBackdrop>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <p className="muted">Shortcuts never fire while you type in a field; Esc leaves the field.</p>
      <dl className="shortcut-list">
        {shortcuts.map(([keys, action]) => (
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
