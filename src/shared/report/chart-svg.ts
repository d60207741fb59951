// The verdict chart as inline SVG: no script, no external font or image, so it
// prints and passes the report's CSP. Every bar carries its status word, icon and
// count as text, so neither colour nor the legend is needed to read it.
import type { Status } from '../model';
import { escapeHtml } from './escape';
import { REPORT_STATUS_ORDER, STATUS_WORDS } from './report-model';

export const STATUS_COLOURS: Record<Status, string> = {
  disputed: '#b3261e',
  verified: '#1d6b3a',
  sourced: '#1f4e8c',
  unchecked: '#8a8a8a',
};

const WIDTH = 560;
const LABEL_WIDTH = 130;
const BAR_MAX = 320;
const ROW = 30;
const BAR_HEIGHT = 18;

export function verdictChartSvg(counts: Record<Status, number>, total: number): string {
  const rows = REPORT_STATUS_ORDER.map((status, i) => {
    const count = counts[status];
    const share = total > 0 ? count / total : 0;
    const width = count > 0 ? Math.max(2, Math.round(share * BAR_MAX)) : 0;
    const y = i * ROW + 6;
    const words = STATUS_WORDS[status];
    const percent = total > 0 ? Math.round(share * 100) : 0;
    // Unchecked is drawn hollow: on a grey printer it must not look like a verdict.
    const bar =
      status === 'unchecked'
        ? `<rect x="${LABEL_WIDTH}" y="${y}" width="${width}" height="${BAR_HEIGHT}" fill="#ffffff" stroke="${STATUS_COLOURS[status]}" stroke-width="1.5" stroke-dasharray="4 3"/>`
        : `<rect x="${LABEL_WIDTH}" y="${y}" width="${width}" height="${BAR_HEIGHT}" fill="${STATUS_COLOURS[status]}"/>`;
    return (
      `<g class="bar-${status}">` +
      `<text x="0" y="${y + 14}" font-size="14">${escapeHtml(`${words.icon} ${words.label}`)}</text>` +
      bar +
      `<text x="${LABEL_WIDTH + width + 8}" y="${y + 14}" font-size="14">${count} (${percent}%)</text>` +
      `</g>`
    );
  }).join('');
  const height = REPORT_STATUS_ORDER.length * ROW + 8;
  const summary = REPORT_STATUS_ORDER.map((s) => `${counts[s]} ${STATUS_WORDS[s].label.toLowerCase()}`).join(', ');
  const label = `Verdicts for ${total} claims: ${summary}.`;
  return (
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(label)}">` +
    `<title>${escapeHtml(label)}</title>${rows}</svg>`
  );
}
