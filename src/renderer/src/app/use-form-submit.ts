import { useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';

/**
 * A dialog form's submit: busy while `action` runs; a refusal becomes the form's one
 * sentence and the form stays as typed. On success the caller's action closes the
 * dialog, so busy stays set (no second submit in the meantime).
 */
export function useFormSubmit(action: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }
  return { busy, error, submit, clearError: () => setError(null) };
}
