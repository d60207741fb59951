import { Dialog } from '../../app/Dialog';
import { sheetGroups } from './review-keys';

export const LIBRARY_SHORTCUTS: [string, string][] = [
  ['/', 'Search titles and publications'],
  ['Ctrl/⌘ + K', 'Search inside every article: claims, notes, corrections and sources (from the title search, its words carry over)'],
  ['↓  or  ↑', 'Next and previous article (from the search: the first)'],
  ['Enter', 'Open the article (in the search: the first match)'],
  ['Tab', 'The article’s Rename and Delete buttons'],
  ['N', 'New article'],
  ['Esc', 'Leave a field · in an article, back to the library'],
  ['?', 'This sheet'],
];

/**
 * The ? sheet: everything a newcomer needs to work without the mouse, on this screen.
 * Without `shortcuts` it lists the review desk's keys, from the same table as the keys
 * themselves (review-keys.ts).
 */
export function ShortcutSheet({ shortcuts, onClose }: { shortcuts?: [string, string][]; onClose: () => void }) {
  const groups = shortcuts ? [{ group: '', rows: shortcuts }] : sheetGroups();
  return (
    <Dialog labelledBy="shortcuts-title" className={`shortcut-sheet${shortcuts ? '' : ' wide'}`} onClose={onClose} closeOnBackdrop>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <p className="muted">Shortcuts never fire while you type in a field; Esc leaves the field and keeps what you typed.</p>
      <div className="shortcut-groups">
        {groups.map(({ group, rows }) => (
          <section key={group} aria-label={group || undefined}>
            {group && <h3>{group}</h3>}
            <dl className="shortcut-list">
              {rows.map(([keys, action]) => (
                <div key={keys}>
                  <dt>
                    <kbd>{keys}</kbd>
                  </dt>
                  <dd>{action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="actions">
        <button autoFocus type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
