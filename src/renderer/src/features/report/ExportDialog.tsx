import { useState, type FormEvent } from 'react';
import { STATUSES, type Status } from '../../../../shared/model';
import { REPORT_STATUS_ORDER, STATUS_WORDS } from '../../../../shared/report/report-model';
import { REPORT_FILES, REPORT_FORMATS, type ReportFormat } from '../../../../shared/report/report-format';
import { api, errorMessage } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { downloadFile } from './download';
import './export-dialog.css';

const FORMAT_HINTS: Record<ReportFormat, string> = {
  html: 'One printable file for the editor; opens in any browser.',
  pdf: 'Printed from the HTML report.',
  md: 'For a ticket, a wiki or an email.',
  csv: 'For a spreadsheet.',
  json: 'For a colleague’s Factdesk: always the whole article.',
  claimreview: 'Structured data for publishing; needs the article’s published URL.',
};

/**
 * File > Export… for one article: a format, which claims, and a download.
 * `initialStatuses` lets the review desk start from the claims list's status filter.
 */
export function ExportDialog(props: { articleId: string; onClose: () => void; initialStatuses?: readonly Status[] }) {
  const [format, setFormat] = useState<ReportFormat>('html');
  const [statuses, setStatuses] = useState<Status[]>(
    props.initialStatuses?.length ? STATUSES.filter((s) => props.initialStatuses!.includes(s)) : [...STATUSES],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const filterApplies = format !== 'json';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (filterApplies && statuses.length === 0) return setError('Choose at least one status to export.');
    setBusy(true);
    setError(null);
    try {
      const all = statuses.length === STATUSES.length;
      const file = await api['reports:export']({
        articleId: props.articleId,
        format,
        ...(filterApplies && !all ? { filter: { statuses } } : {}),
      });
      downloadFile(file);
      props.onClose();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  function toggle(status: Status, on: boolean) {
    setStatuses((current) => (on ? STATUSES.filter((s) => s === status || current.includes(s)) : current.filter((s) => s !== status)));
  }

  return (
    <Dialog labelledBy="export-title" describedBy="export-help" className="export-dialog" onClose={props.onClose} onSubmit={submit}>
        <h2 id="export-title">Export report</h2>
        <p id="export-help" className="muted">
          The file is saved where your browser saves downloads; it is never opened in Factdesk’s window.
        </p>
        <fieldset>
          <legend>Format</legend>
          {REPORT_FORMATS.map((f) => (
            <label key={f} className="choice">
              <input type="radio" name="export-format" value={f} checked={format === f} autoFocus={format === f} onChange={() => { setFormat(f); setError(null); }} />
              <span>
                {REPORT_FILES[f].label}
                <span className="muted hint"> — {FORMAT_HINTS[f]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset disabled={!filterApplies}>
          <legend>Claims to include</legend>
          {!filterApplies && <p className="muted">JSON always holds the whole article.</p>}
          <div className="status-choices">
          {REPORT_STATUS_ORDER.map((s) => (
            <label key={s} className="choice">
              <input type="checkbox" checked={statuses.includes(s)} onChange={(e) => toggle(s, e.target.checked)} />
              <span>
                <span aria-hidden="true">{STATUS_WORDS[s].icon}</span> {STATUS_WORDS[s].label}
              </span>
            </label>
          ))}
          </div>
        </fieldset>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
    </Dialog>
  );
}
