// The Markdown report: the same content as the HTML one, for pasting into a
// ticket, a wiki or an email. Every value is escaped so an article's own
// punctuation never turns into markup (or raw HTML) in a Markdown viewer.
import { escapeMarkdown as md } from './escape';
import {
  REPORT_STATUS_ORDER,
  SECTION_WORDS,
  SOURCE_KIND_WORDS,
  STATUS_WORDS,
  describeFilter,
  describeSetAside,
  describeTimeZone,
  formatTimestamp,
  type ReportClaim,
  type ReportModel,
} from './report-model';

/** The most unchecked claims the progress line names one by one (as in the HTML report). */
const NAMED_UNCHECKED = 15;

export function renderReportMarkdown(m: ReportModel): string {
  const at = (iso: string | null | undefined) => formatTimestamp(iso, m.timeZone);
  const out: string[] = [];
  out.push(`# Fact-check report: ${md(m.title)}`, '');
  const meta: [string, string][] = [];
  if (m.publication) meta.push(['Publication', md(m.publication)]);
  if (m.author) meta.push(['Author', md(m.author)]);
  if (m.publishedAt) meta.push(['Published', md(m.publishedAt)]);
  if (m.sourceUrl) meta.push(['Source', md(m.sourceUrl)]);
  meta.push(['Checked by', m.checkers.length ? md(m.checkers.join(', ')) : 'nobody yet']);
  if (m.secondReaders.length > 0) meta.push(['Second read by', md(m.secondReaders.join(', '))]);
  if (m.signedOff) meta.push(['Signed off by', `${md(m.signedOff.by)}, ${at(m.signedOff.at)}`]);
  if (m.firstCheckedAt && m.lastCheckedAt) {
    const first = at(m.firstCheckedAt);
    const last = at(m.lastCheckedAt);
    meta.push(['Checking', first === last ? first : `${first} to ${last}`]);
  }
  meta.push(['Added to Factdesk', at(m.createdAt)]);
  meta.push(['Report generated', at(m.generatedAt)]);
  meta.push(['Times are in', md(describeTimeZone(m.timeZone, m.generatedAt))]);
  for (const [k, v] of meta) out.push(`- **${k}:** ${v}`);
  out.push('');
  out.push(progress(m), '');
  const filter = describeFilter(m.filter);
  if (filter) out.push(`> This report shows only some claims (${md(filter)}): ${m.claims.length} of ${m.total}.`, '');

  out.push('## Verdicts', '', '| Status | Claims |', '| --- | ---: |');
  for (const s of REPORT_STATUS_ORDER) out.push(`| ${STATUS_WORDS[s].icon} ${STATUS_WORDS[s].label} | ${m.counts[s]} |`);
  out.push(`| Total | ${m.total} |`, '');

  out.push(`## ${STATUS_WORDS.disputed.icon} Disputed claims (${m.disputed.length})`, '');
  if (m.disputed.length === 0) out.push('No claim is disputed.', '');
  for (const c of m.disputed) {
    out.push(`### Claim ${c.number} (${SECTION_WORDS[c.section]})`, '', `> ${md(c.text, '> ')}`, '');
    if (c.facts.length) out.push('- **Facts:**', ...factLines(c, '  '));
    out.push(`- **Note:** ${md(c.note, '  ') || '(no note)'}`);
    if (c.correction) out.push(`- **Suggested correction:** ${md(c.correction, '  ')}`);
    out.push(`- **Sources:** ${sourceList(c) || 'none cited'}`);
    if (c.checker) out.push(`- **Ruled by:** ${md(c.checker)}${c.updatedAt ? `, ${at(c.updatedAt)}` : ''}`);
    if (c.secondReader) out.push(`- **Second read by:** ${md(c.secondReader)}`);
    out.push('');
  }

  // Every claim in article order, each once: a disputed one points up to its entry.
  out.push(`## ${m.wholeArticle ? 'Every claim' : 'Reported claims'}, in article order (${m.claims.length})`, '');
  if (m.claims.length === 0) out.push('No claims match this report’s filter.', '');
  else {
    const notes: string[] = [];
    if (m.disputed.length > 0) notes.push('a disputed claim is shown in full above');
    if (m.unchecked.length > 0) {
      notes.push(`${m.unchecked.length === 1 ? 'the one unchecked claim is' : `the ${m.unchecked.length} unchecked claims are`} marked ${STATUS_WORDS.unchecked.icon} ${STATUS_WORDS.unchecked.label}`);
    }
    if (notes.length > 0) out.push(`In this list, ${notes.join('; ')}.`, '');
  }
  for (const c of m.claims) {
    const w = STATUS_WORDS[c.status];
    // Bullets, not an ordered list: Markdown renumbers 1, 2, 3… whatever numbers are written.
    if (c.status === 'disputed') {
      out.push(`- **${c.number}.** ${w.icon} ${w.label}: see “Claim ${c.number}” above.`);
      continue;
    }
    out.push(`- **${c.number}.** **${w.icon} ${w.label}** (${SECTION_WORDS[c.section]}) ${md(c.text, '  ')}`);
    if (c.note) out.push(`  - Note: ${md(c.note, '    ')}`);
    if (c.correction) out.push(`  - Suggested correction: ${md(c.correction, '    ')}`);
    if (c.sources.length) out.push(`  - Sources: ${sourceList(c)}`);
    if (c.facts.length) out.push('  - Facts:', ...factLines(c, '    '));
  }
  out.push('');

  out.push(`## Set aside (${m.setAside.total})`, '', md(describeSetAside(m.setAside)), '');
  if (m.setAside.byChecker.length > 0) {
    out.push('Set aside by the checker as not a claim:', '');
    for (const s of m.setAside.byChecker) out.push(`- ${md(s.text, '  ')}${s.by ? ` (${md(s.by)}${s.at ? `, ${at(s.at)}` : ''})` : ''}`);
    out.push('');
  }

  out.push('## Source list (backup)', '');
  if (m.sources.length === 0) out.push('No sources have been recorded for this article.', '');
  for (const s of m.sources) {
    const details = [SOURCE_KIND_WORDS[s.kind]];
    if (s.url && s.url !== s.title) details.push(md(s.url));
    if (s.accessedAt) details.push(`accessed ${md(s.accessedAt)}`);
    if (s.contact) details.push(`contact: ${md(s.contact)}`);
    out.push(`${s.number}. **${md(s.title)}** (${details.join(', ')})`);
    if (s.excerpt) out.push(`   > ${md(s.excerpt, '   > ')}`);
    out.push(`   - ${s.supports.length ? `Supports claim${s.supports.length > 1 ? 's' : ''} ${s.supports.join(', ')}.` : 'Not cited by any claim in this report.'}`);
  }
  out.push('', `Generated by Factdesk on ${at(m.generatedAt)} from article ${md(m.articleId)}.`, '');
  return out.join('\n');
}

/** “**4 of 6 claims checked.** 2 still unchecked (claims 1 and 5): this check is not finished.” */
function progress(m: ReportModel): string {
  const remaining = m.total - m.checked;
  if (m.total === 0) return 'This article has no claims.';
  if (remaining === 0) return `**All ${m.total} claims checked.**`;
  let which = '';
  if (m.wholeArticle && remaining < m.total) {
    const named = m.unchecked.slice(0, NAMED_UNCHECKED).map((c) => String(c.number));
    const more = m.unchecked.length - named.length;
    const list = more > 0 ? `${named.join(', ')} and ${more} more` : named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named[0];
    which = ` (claim${m.unchecked.length === 1 ? '' : 's'} ${list}, marked ${STATUS_WORDS.unchecked.icon} ${STATUS_WORDS.unchecked.label} below)`;
  }
  return `**${m.checked} of ${m.total} claims checked.** ${remaining} still unchecked${which}: this check is not finished.`;
}

/** One line per fact, disputed first: “- ✕ Disputed “1,200”: the county counts 1,400 [2]”. */
function factLines(c: ReportClaim, indent: string): string[] {
  return c.facts.map((f) => {
    const w = STATUS_WORDS[f.status];
    const changed = f.changedFrom ? ` (changed since checked: was “${md(f.changedFrom)}”)` : '';
    const refs = f.sources.map((s) => `[${s.number}]`).join(' ');
    return `${indent}- ${w.icon} ${w.label} “${md(f.text)}”${changed}${f.note ? `: ${md(f.note, `${indent}  `)}` : ''}${refs ? ` ${refs}` : ''}`;
  });
}

function sourceList(c: ReportClaim): string {
  return c.sources.map((s) => `[${s.number}] ${md(s.title)}`).join('; ');
}
