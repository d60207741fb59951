// A claim's facts in the HTML report: a short list under the claim's words, each fact
// with its status (icon and word, never colour alone), note and cited sources.
import { escapeHtml } from './escape';
import { STATUS_WORDS, type ReportClaim } from './report-model';

export function factsHtml(c: ReportClaim): string {
  if (c.facts.length === 0) return '';
  const items = c.facts.map((f) => {
    const w = STATUS_WORDS[f.status];
    const sources = f.sources.map((s) => `<a href="#source-${s.number}">[${s.number}]</a>`).join(' ');
    const changed = f.changedFrom ? ` <span class="warn">changed since checked (was “${escapeHtml(f.changedFrom)}”)</span>` : '';
    return (
      `<li class="fact fact-${f.status}"><span class="status status-${f.status}"><span aria-hidden="true">${w.icon}</span> ${w.label}</span> ` +
      `<q>${escapeHtml(f.text)}</q>${changed}${f.note ? ` <span class="note">${escapeHtml(f.note)}</span>` : ''}${sources ? ` ${sources}` : ''}</li>`
    );
  });
  return `<ul class="facts" aria-label="Facts of claim ${c.number}">${items.join('')}</ul>`;
}

export const FACTS_STYLE = `
.facts { list-style: none; margin: 0.35rem 0 0; padding: 0 0 0 0.6rem; border-left: 2px solid #ddd; font-family: "Helvetica Neue", Arial, sans-serif; font-size: 0.8rem; }
.facts li { margin: 0.1rem 0; }
.facts q { font-family: Georgia, "Times New Roman", serif; }
`;
