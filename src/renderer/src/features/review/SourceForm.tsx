import { useId, useState, type FormEvent, type Ref } from 'react';
import type { SourceInput } from '../../../../shared/contract';
import { SOURCE_KINDS, type Source, type SourceKind } from '../../../../shared/model';
import { errorMessage } from '../../api/client';
import { FormFooter } from '../../app/FormFooter';

type Draft = { kind: SourceKind; title: string; url: string; contact: string; accessedAt: string; excerpt: string };

const EMPTY: Draft = { kind: 'web', title: '', url: '', contact: '', accessedAt: '', excerpt: '' };

/**
 * A source's details: kind, title, URL, contact, date accessed and supporting excerpt.
 * Adds a new one (today's date filled in) or corrects one (`source`); Esc cancels.
 */
export function SourceForm(props: {
  source?: Source;
  label: string;
  submit: string;
  onSubmit: (input: SourceInput) => Promise<void>;
  onCancel: () => void;
  formRef?: Ref<HTMLFormElement>;
}) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() =>
    props.source
      ? { kind: props.source.kind, title: props.source.title, url: props.source.url, contact: props.source.contact, accessedAt: props.source.accessedAt, excerpt: props.source.excerpt }
      : { ...EMPTY, accessedAt: new Date().toISOString().slice(0, 10) },
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (name: keyof Draft) => ({
    id: `${id}-${name}`,
    value: draft[name],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: e.target.value })),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    event.stopPropagation();
    setBusy(true);
    try {
      await props.onSubmit(draft);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={props.formRef}
      className="add-source"
      onSubmit={submit}
      aria-label={props.label}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        props.onCancel();
      }}
    >
      {/* Title and URL first: what a checker types; kind and date usually stay as they are. */}
      <div className="source-fields">
        <div className="field-title">
          <label htmlFor={`${id}-title`}>Title</label>
          {/* The panel and the editor put the cursor here. */}
          <input {...field('title')} className="source-title" autoFocus placeholder="Council minutes, 12 March 2025" />
        </div>
        <div className="field-url">
          <label htmlFor={`${id}-url`}>URL</label>
          <input {...field('url')} inputMode="url" placeholder="https://" />
        </div>
        <div className="field-contact">
          <label htmlFor={`${id}-contact`}>Contact</label>
          <input {...field('contact')} placeholder="Name, role, phone or email" />
        </div>
        <div className="field-kind">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select {...field('kind')}>
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <div className="field-accessed">
          <label htmlFor={`${id}-accessedAt`}>Date accessed</label>
          <input type="date" {...field('accessedAt')} />
        </div>
        <div className="field-excerpt">
          <label htmlFor={`${id}-excerpt`}>Supporting excerpt</label>
          <textarea rows={2} {...field('excerpt')} />
        </div>
      </div>
      <FormFooter error={error} onCancel={props.onCancel} busy={busy} submit={props.submit} />
    </form>
  );
}
