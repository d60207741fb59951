import type { Ref } from 'react';

/**
 * The file picker behind a “Choose file…” or “Open file…” button (the button
 * calls `click()` on it). Its value is cleared on every pick, so choosing the
 * same file again, after fixing it or after an error, still fires.
 */
export function HiddenFileInput(props: { ref: Ref<HTMLInputElement>; accept: string; label: string; testId: string; onFile: (file: File) => void }) {
  return (
    <input
      ref={props.ref}
      type="file"
      accept={props.accept}
      hidden
      aria-label={props.label}
      data-testid={props.testId}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) props.onFile(file);
      }}
    />
  );
}
