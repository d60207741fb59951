import type { HistoryEntry, Source } from '../../../../shared/model';

/** One line of a claim's history: when, who, and what changed, in words. */
export function describeEntry(entry: HistoryEntry, sources: Source[]): string {
  const when = new Date(entry.at).toLocaleString();
  // A source removed since is named in the entry's detail; its id would mean nothing here.
  const title = (id: string) => sources.find((s) => s.id === id)?.title ?? 'a removed source';
  const parts = entry.changes.map((change) => {
    if (change.field === 'status') return `status ${String(change.from)} → ${String(change.to)}`;
    if (change.field === 'sourceIds') return `sources: ${(change.to as string[]).map(title).join(', ') || 'none'}`;
    return `${change.field} “${String(change.to)}”`;
  });
  // A set-aside or a promotion says it all in its detail (“set aside as not a claim (it was verified)”).
  if ((entry.kind === 'set-aside' || entry.kind === 'promote') && entry.detail && parts.length === 0) return `${when} · ${entry.by}: ${entry.detail}`;
  const what = entry.kind === 'verdict' ? parts.join('; ') : [entry.kind, ...parts].join('; ');
  return `${when} · ${entry.by}: ${what}${entry.detail ? ` (${entry.detail})` : ''}`;
}

/** The claim's history, folded away until asked for. */
export function HistoryList({ history, sources }: { history: HistoryEntry[]; sources: Source[] }) {
  if (history.length === 0) return null;
  return (
    <details className="history">
      <summary>History ({history.length})</summary>
      <ol>
        {history.map((entry, i) => (
          <li key={i}>{describeEntry(entry, sources)}</li>
        ))}
      </ol>
    </details>
  );
}
