import type { ArticleMeta } from '../../../../shared/model';

export type MetaDraft = ArticleMeta;

const FIELDS: Array<{ key: keyof ArticleMeta; label: string; hint?: string; inputMode?: 'url' }> = [
  { key: 'title', label: 'Title' },
  { key: 'sourceUrl', label: 'Source URL', inputMode: 'url' },
  { key: 'author', label: 'Author' },
  { key: 'publication', label: 'Publication' },
  { key: 'publishedAt', label: 'Publication date', hint: 'YYYY-MM-DD' },
];

/** The article's metadata fields, shared by the import form and “Edit details”. */
export function MetaFields({ idPrefix, value, onChange }: { idPrefix: string; value: MetaDraft; onChange: (next: MetaDraft) => void }) {
  return (
    <div className="meta-fields">
      {FIELDS.map(({ key, label, hint, inputMode }) => (
        <div key={key} className={key === 'title' || key === 'sourceUrl' ? 'wide' : undefined}>
          <label htmlFor={`${idPrefix}-${key}`}>{label}</label>
          <input
            id={`${idPrefix}-${key}`}
            value={value[key]}
            placeholder={hint}
            inputMode={inputMode}
            onChange={(e) => onChange({ ...value, [key]: e.target.value })}
          />
        </div>
      ))}
    </div>
  );
}
