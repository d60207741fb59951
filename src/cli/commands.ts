// The CLI's commands, each a thin layer over the contract's typed client.
import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { resolve } from 'node:path';
import type { Api } from '../shared/contract';
import { UserError } from '../shared/errors';
import { extractSegments } from '../shared/extract';
import { isFilterActive, narrowingFilter } from '../shared/claim-filter';
import { LABELS, SECTIONS, STATUSES, Status, type Article, type ArticleSummary } from '../shared/model';
import { REPORT_FORMATS, ReportFormat } from '../shared/report/report-format';
import { countsAsSetAside } from '../shared/report/report-model';
import { terminalText } from './terminal-text';

export interface Output {
  out(text: string): void;
  /** stderr: what is said beside the output (a file that could not be read); `out` where there is none. */
  err?(text: string): void;
}

/** The importers, loaded by the commands that read a file, so that the others start without them. */
const importers = () => import('./read-input');

export async function extractCommand(file: string, io: Output): Promise<void> {
  const { text, structure, notice } = await (await importers()).readArticleFile(file);
  const segments = extractSegments(text, structure);
  const claims = segments.filter((s) => !s.setAside).map(({ text, start, end, section, labels, score, speaker }) => ({
    text, start, end, section, labels, score, ...(speaker !== undefined ? { speaker } : {}),
  }));
  // Every word is accounted for: what is not a claim is listed, with why.
  const setAside = segments.filter((s) => s.setAside).map(({ text, start, end, setAside }) => ({ text, start, end, kind: setAside! }));
  io.out(JSON.stringify({ claims, setAside, ...(notice ? { notice } : {}) }));
}

export interface ImportOptions {
  title?: string;
  url?: string;
  author?: string;
  publication?: string;
  date?: string;
  onConflict?: string;
}

export async function importCommand(openApi: () => Promise<Api>, file: string, options: ImportOptions, io: Output): Promise<void> {
  const onConflict = options.onConflict ?? 'ask';
  if (onConflict !== 'ask' && onConflict !== 'copy' && onConflict !== 'replace') {
    throw new UserError(`--on-conflict “${onConflict}” is not one of ask, copy or replace.`);
  }
  // Read and check the file first: a file that cannot be imported must not create the data folder.
  const { bytes, notice } = await (await importers()).readArticleFile(file);
  const api = await openApi();
  // The file's own metadata fills in what the flags leave out (the handler merges).
  const flags = { title: options.title, sourceUrl: options.url, author: options.author, publication: options.publication, publishedAt: options.date };
  const meta = Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
  const { article } = await api['articles:import']({
    fileName: basename(file),
    data: Buffer.from(bytes).toString('base64'),
    meta,
    onConflict,
  });
  io.out(article.id);
  if (notice) (io.err ?? io.out)(notice);
}

export async function listCommand(api: Api, json: boolean, io: Output): Promise<void> {
  const { articles, problems } = await api['library:list']({});
  if (json) return io.out(JSON.stringify({ articles, problems }));
  if (articles.length === 0) io.out('The library is empty. Add an article with: import FILE');
  for (const a of articles) io.out(`${a.id}  ${progress(a)}  ${terminalText(a.title)}`);
  // Files that could not be read (and where they are now), one line each, beside the list.
  for (const problem of problems) (io.err ?? io.out)(terminalText(problem.message));
}

/** Where a claim's or a note's second line starts in `show`: never where a claim number would. */
const CONTINUED = '        ';

export async function showCommand(api: Api, ref: string, json: boolean, io: Output): Promise<void> {
  const article = await findArticle(api, ref);
  if (json) return io.out(JSON.stringify(article));
  io.out(`${terminalText(article.title)}  (${article.id})`);
  article.claims.forEach((claim, i) => {
    const verdict = claim.verdict;
    io.out(`${String(i + 1).padStart(4)}. [${verdict.status}] ${terminalText(claim.text, CONTINUED)}`);
    if (verdict.note) io.out(`      note: ${terminalText(verdict.note, CONTINUED)}`);
    if (verdict.correction) io.out(`      correction: ${terminalText(verdict.correction, CONTINUED)}`);
  });
  const counted = article.setAside.filter((s) => countsAsSetAside(s.setAside));
  if (counted.length > 0) {
    io.out(`Set aside (${counted.length}, no claims):`);
    for (const s of counted) io.out(`      [${s.setAside}] ${terminalText(s.text, CONTINUED)}`);
  }
}

export interface MarkOptions {
  status: string;
  note?: string;
  correction?: string;
  sourceUrl?: string;
  checker?: string;
}

export async function markCommand(api: Api, ref: string, claimNumber: string, options: MarkOptions, io: Output) {
  const status = Status.safeParse(options.status);
  if (!status.success) {
    throw new UserError(`Status “${options.status}” is not one of ${Status.options.join(', ')}.`);
  }
  const article = await findArticle(api, ref);
  const number = Number(claimNumber);
  if (!Number.isInteger(number) || number < 1 || number > article.claims.length) {
    throw new UserError(`Claim number “${claimNumber}” is not between 1 and ${article.claims.length} in “${article.title}”.`);
  }
  const claim = article.claims[number - 1]!;
  const { preferences } = await api['preferences:get']({});
  const checker = options.checker?.trim() || preferences.checker || userInfo().username;
  const sourceUrl = options.sourceUrl?.trim();
  const existingSource = sourceUrl ? article.sources.find((s) => s.url === sourceUrl) : undefined;
  const sourceIds = claim.verdict.sourceIds;
  // One write: a new source is added and cited with the verdict, so a refused mark
  // (or a full disk) leaves neither behind; a known URL is cited, not added again.
  const cites = existingSource && !sourceIds.includes(existingSource.id) ? [...sourceIds, existingSource.id] : undefined;
  const { claim: saved, warnings } = await api['claims:mark']({
    articleId: article.id,
    claimId: claim.id,
    checker,
    patch: {
      status: status.data,
      ...(options.note !== undefined ? { note: options.note } : {}),
      ...(options.correction !== undefined ? { correction: options.correction } : {}),
      ...(cites ? { sourceIds: cites } : {}),
    },
    ...(sourceUrl && !existingSource ? { newSource: { kind: 'web' as const, url: sourceUrl } } : {}),
  }).catch((error: unknown) => {
    // A verdict rule or a bad source: say which claim it was about.
    throw error instanceof UserError && error.code === 'invalid' ? new UserError(`Claim ${number}: ${error.message}`, error.code) : error;
  });
  io.out(`Claim ${number} of “${terminalText(article.title)}” is now ${saved.verdict.status}.`);
  for (const warning of warnings) io.out(`Note: ${terminalText(warning)}`);
}

export interface ExportOutput extends Output {
  /** Writes to stdout exactly as given (no newline added). */
  raw(data: string | Uint8Array): void;
  stdoutIsTerminal: boolean;
}

/** The claims list's filter as flags: repeatable or comma-separated lists, as in the review desk. */
export interface ExportFilterOptions {
  statuses?: string[];
  labels?: string[];
  sections?: string[];
  checker?: string;
  changed?: boolean;
  search?: string;
}

export async function exportCommand(
  api: Api,
  ref: string,
  options: { format?: string; output?: string } & ExportFilterOptions,
  io: ExportOutput,
): Promise<void> {
  const format = ReportFormat.safeParse(options.format);
  if (!format.success) {
    throw new UserError(`export needs --format, one of ${REPORT_FORMATS.join(', ')}${options.format ? ` (not “${options.format}”)` : ''}.`);
  }
  const filter = narrowingFilter({
    statuses: listFlag(options.statuses, STATUSES, 'Status'),
    labels: listFlag(options.labels, LABELS, 'Label'),
    sections: listFlag(options.sections, SECTIONS, 'Section'),
    checkers: options.checker?.trim() ? [options.checker.trim()] : [],
    changedOnly: options.changed,
    query: options.search,
  });
  if (format.data === 'pdf' && !options.output && io.stdoutIsTerminal) {
    throw new UserError('A PDF is binary: give -o FILE, or redirect stdout to a file.');
  }
  const article = await findArticle(api, ref);
  const result = await api['reports:export']({
    articleId: article.id,
    format: format.data,
    ...(isFilterActive(filter) ? { filter } : {}),
  });
  const data = result.encoding === 'base64' ? Buffer.from(result.content, 'base64') : result.content;
  if (!options.output) return io.raw(data);
  const path = resolve(options.output);
  await writeFile(path, data);
  io.out(path);
}

/** A repeatable, comma-separated flag's values, each one of `options`. */
function listFlag<T extends string>(given: string[] | undefined, options: readonly T[], noun: string): T[] {
  const values = (given ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const wrong = values.find((v) => !(options as readonly string[]).includes(v));
  if (wrong !== undefined) throw new UserError(`${noun} “${wrong}” is not one of ${options.join(', ')}.`);
  return values as T[];
}

/** Finds an article by id or by a unique prefix of its id. */
export async function findArticle(api: Api, ref: string): Promise<Article> {
  const { articles } = await api['library:list']({});
  const exact = articles.find((a) => a.id === ref);
  const matches = exact ? [exact] : articles.filter((a) => a.id.startsWith(ref));
  if (matches.length === 0) throw new UserError(`There is no article “${ref}” in the library (see: list).`);
  if (matches.length > 1) throw new UserError(`“${ref}” matches ${matches.length} articles; give more of the id.`);
  return (await api['articles:get']({ id: matches[0]!.id })).article;
}

function progress(a: ArticleSummary): string {
  const checked = a.total - (a.counts.unchecked ?? 0);
  return `${checked}/${a.total} checked, ${a.counts.disputed ?? 0} disputed`.padEnd(28);
}
