import './drop-overlay.css';

/** Shown over the window while a file is dragged over it (see useFileDrop); decorative, the picker is the accessible way in. */
export function DropOverlay({ title, hint }: { title: string; hint: string }) {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <p>{title}</p>
      <p className="muted">{hint}</p>
    </div>
  );
}
