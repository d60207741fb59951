import { useMemo, useState, type FormEvent } from 'react';
import { isFilterActive, matchesFilter, narrowingFilter, type ClaimFilter } from '../../../../shared/claim-filter';
import { STATUSES, type Claim, type Status } from '../../../../shared/model';
import { REPORT_STATUS_ORDER, STATUS_WORDS, describeFilter } from '../../../../shared/report/report-model';
import { REPORT_FILES, REPORT_FORMATS, type ReportFormat } from '../../../../shared/report/report-format';
import { api, errorMessage } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { downloadFile } from './download';
import { FormFooter } from '../../app/FormFooter';
import './export-dialog.css';

const FORMAT_HINTS: Record<ReportFormat, string> = {
  html: 'One printable file for the editor; opens in any browser.',
  pdf: 'Printed from the HTML report.',
  md: 'For a ticket, a wiki or an email.',
  csv: 'For a spreadsheet.',
  json: 'For a colleague’s Factdesk: always the whole article.',
  claimreview: 'Structured data for publishing; needs the article’s published URL.',
};

interface Props {
  articleId: string;
  /** The article's claims, to say how many the filter keeps. */
  claims: readonly Claim[];
  /** The claims list's filter: the export starts from what the checker is looking at. */
  listFilter?: ClaimFilter;
  onClose: () => void;
}

/**
 * File > Export… for one article: a format, which claims, and a download. The
 * claims list's whole filter carries over; the statuses can be changed here,
 * and one click drops the filter to export every claim.
 */
export function ExportDialog(props: Props) {
  const [format, setFormat] = useState<ReportFormat>('html');
  const [listFilter, setListFilter] = useState<ClaimFilter>(() => narrowingFilter(props.listFilter ?? {}));
  const [statuses, setStatuses] = useState<Status[]>(() => {
    const chosen = listFilter.statuses;
    return chosen?.length ? STATUSES.filter((s) => chosen.includes(s)) : [...STATUSES];
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const filterApplies = format !== 'json';
  const filter = useMemo(() => narrowingFilter({ ...listFilter, statuses }), [listFilter, statuses]);
  const filtered = isFilterActive(filter);
  const kept = useMemo(() => props.claims.filter((c) => matchesFilter(c, filter)).length, [props.claims, filter]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (filterApplies && statuses.length === 0) return setError('Choose at least one status to export.');
    setBusy(true);
    setError(null);
    try {
      const file = await api['reports:export']({
        articleId: props.articleId,
        format,
        ...(filterApplies && filtered ? { filter } : {}),
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

  function includeEveryClaim() {
    setListFilter({});
    setStatuses([...STATUSES]);
    setError(null);
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
          {filterApplies && (
            <p className="filter-summary" aria-live="polite">
              {statuses.length === 0 ? (
                'No status chosen.'
              ) : filtered ? (
                <>
                  Filter: {describeFilter(filter)} ({kept} of {props.claims.length} claims).
                  <button type="button" className="link-button" onClick={includeEveryClaim}>
                    Include every claim instead
                  </button>
                </>
              ) : (
                `Every claim: ${props.claims.length}.`
              )}
            </p>
          )}
        </fieldset>
        <FormFooter error={error} onCancel={props.onClose} busy={busy} submit={busy ? 'Exporting…' : 'Export'} />
    </Dialog>
  );
}
