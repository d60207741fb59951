// `npm run -s cli -- <command>`: Factdesk from the shell. Errors are one line on
// stderr and a non-zero exit; nothing is changed by a refused command.
import { parseArgs } from 'node:util';
import { openBackend, type OpenedBackend } from '../backend/open-backend';
import { resolveDataDir } from '../backend/store/data-dir';
import { UserError } from '../shared/errors';
import { formatList } from '../shared/import-formats';
import { exportCommand, extractCommand, importCommand, listCommand, markCommand, showCommand, type Output } from './commands';
import { restoreCommand, restoreListCommand } from './restore-command';
import { reviseCommand } from './revise-command';
import { searchCommand } from './search-command';
import { terminalText } from './terminal-text';

const USAGE = `Usage: factdesk <command> [options]   (every command takes --data-dir DIR)

  extract FILE --json          print the claims of FILE as JSON (no database)
  import FILE [--title T] [--url URL] [--author A] [--publication P] [--date D]
       [--on-conflict ask|copy|replace]
                               add an article to the library; prints its id
                               (the flags override the file's metadata)
  list [--json]                list the articles in the library
  show ARTICLE [--json]        show an article's claims and verdicts
  mark ARTICLE CLAIM_NUMBER --status S [--note N] [--correction TEXT]
       [--source-url URL] [--checker NAME]
                               set a claim's verdict (claims count from 1;
                               S is unchecked, verified, disputed or sourced)
  export ARTICLE --format html|pdf|md|csv|json|claimreview [-o FILE]
       [--status S[,S...]] [--section S[,S...]] [--label L[,L...]]
       [--checker NAME] [--changed] [--search WORDS]
                               write the fact-check report (stdout without -o);
                               the filters are the claims list's (lists are
                               repeatable); the report keeps the claims that
                               match them all
  revise ARTICLE FILE [--checker NAME]
                               bring in a new revision of the article's text:
                               verdicts carry over, changed claims are flagged
  search "WORDS" [--status S] [--checker NAME] [--json]
                               find claims, notes, corrections and sources
                               across the library, grouped by article
  restore [FILE|ID] [--json]   without an argument, list what can be brought
                               back: files moved to quarantine/, deleted
                               articles, backups of articles not in the library;
                               with one, put it back (checked first; an article
                               already in the library is never overwritten)
  quarantine list|restore FILE
                               restore's list, and putting a file of
                               quarantine/ back, by these names too
  desk join URL --user NAME    join a shared desk (password from the environment
                               variable FACTDESK_DESK_PASSWORD, never stored)
  desk status|sync [--json]    sync status in one sentence; send and receive
  desk disagreements [ARTICLE] claims two checkers ruled on differently
  desk signoff ARTICLE         (editor) lock the article against changes
  desk assign ARTICLE --to NAME [--claims 3-9]
                               (editor) assign the article, or some claims
  desk second-read ARTICLE N   record your second read of claim N
  desk notices [ARTICLE]       edits from the desk that could not apply silently
  desk unlock ARTICLE --why TEXT
                               (editor) unlock it, on record

FILE is ${formatList('import')}.
ARTICLE is an article id or a unique start of one.`;

const io: Output = { out: (text) => process.stdout.write(`${text}\n`), err: (text) => process.stderr.write(`${text}\n`) };

/** Every backend this command opened: what they moved to quarantine/ is told on stderr. */
const opened: OpenedBackend[] = [];

export async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      'data-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
      title: { type: 'string' },
      url: { type: 'string' },
      author: { type: 'string' },
      publication: { type: 'string' },
      date: { type: 'string' },
      'on-conflict': { type: 'string' },
      status: { type: 'string', multiple: true },
      section: { type: 'string', multiple: true },
      label: { type: 'string', multiple: true },
      changed: { type: 'boolean', default: false },
      search: { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      note: { type: 'string' },
      correction: { type: 'string' },
      'source-url': { type: 'string' },
      checker: { type: 'string' },
      user: { type: 'string' },
      why: { type: 'string' },
      to: { type: 'string' },
      claims: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || command === undefined || command === 'help') return io.out(USAGE);
  const need = (count: number, shape: string) => {
    if (args.length !== count) throw new UserError(`Usage: ${command} ${shape}`);
  };

  if (command === 'extract') {
    need(1, 'FILE --json');
    return extractCommand(args[0]!, io);
  }
  const openOne = async (options: { lockAs?: string } = {}) => {
    const backend = await openBackend(resolveDataDir(values['data-dir']), options);
    opened.push(backend);
    return backend.api;
  };
  const open = () => openOne();
  // Commands that write hold the data folder's lock while they run.
  const openForWriting = () => openOne({ lockAs: 'command line' });
  switch (command) {
    case 'import':
      need(1, 'FILE [--title T] [--url URL] [--author A] [--publication P] [--date D] [--on-conflict ask|copy|replace]');
      return importCommand(openForWriting, args[0]!, {
        title: values.title,
        url: values.url,
        author: values.author,
        publication: values.publication,
        date: values.date,
        onConflict: values['on-conflict'],
      }, io);
    case 'list':
      need(0, '[--json]');
      return listCommand(await open(), values.json, io);
    case 'show':
      need(1, 'ARTICLE [--json]');
      return showCommand(await open(), args[0]!, values.json, io);
    case 'mark':
      need(2, 'ARTICLE CLAIM_NUMBER --status S [--note N] [--correction TEXT] [--source-url URL] [--checker NAME]');
      if (!values.status) throw new UserError('mark needs --status (unchecked, verified, disputed or sourced).');
      return markCommand(await openForWriting(), args[0]!, args[1]!, {
        status: values.status.join(','),
        note: values.note,
        correction: values.correction,
        sourceUrl: values['source-url'],
        checker: values.checker,
      }, io);
    case 'export':
      need(1, 'ARTICLE --format html|pdf|md|csv|json|claimreview [-o FILE] [--status S] [--section S] [--label L] [--checker NAME] [--changed] [--search WORDS]');
      return exportCommand(await open(), args[0]!, {
        format: values.format,
        output: values.output,
        statuses: values.status,
        sections: values.section,
        labels: values.label,
        checker: values.checker,
        changed: values.changed,
        search: values.search,
      }, {
        ...io,
        raw: (data) => void process.stdout.write(data),
        stdoutIsTerminal: process.stdout.isTTY === true,
      });
    case 'search':
      need(1, '"WORDS" [--status S] [--checker NAME] [--json]');
      return searchCommand(await open(), args[0]!, { statuses: values.status, checker: values.checker, json: values.json, progress: process.stderr.isTTY ? (line) => process.stderr.write(`${line}\n`) : undefined }, io);
    case 'revise':
      need(2, 'ARTICLE FILE [--checker NAME]');
      return reviseCommand(openForWriting, args[0]!, args[1]!, values.checker, io);
    case 'restore':
      if (args.length > 1) throw new UserError('Usage: restore [FILE|ID] [--json]');
      return args.length === 0 ? restoreListCommand(await open(), values.json, io) : restoreCommand(await openForWriting(), args[0]!, io);
    case 'quarantine':
      if (args[0] === 'list' && args.length === 1) return restoreListCommand(await open(), values.json, io);
      if (args[0] === 'restore' && args.length === 2) return restoreCommand(await openForWriting(), args[1]!, io);
      throw new UserError('Usage: quarantine list [--json], or quarantine restore FILE');
    case 'desk': {
      // Loaded only by the desk's commands: no other command pays for it.
      const { deskCommand } = await import('./desk-command');
      const dataDir = resolveDataDir(values['data-dir']);
      const openDesk = async (lockAs?: string) => {
        const backend = await openBackend(dataDir, lockAs ? { lockAs } : {});
        opened.push(backend);
        return backend;
      };
      return deskCommand(args, { dataDir, user: values.user, why: values.why, to: values.to, claims: values.claims, json: values.json }, () => openDesk(), () => openDesk('command line'), io);
    }
    default:
      throw new UserError(`Unknown command “${command}”; run with --help to see the commands.`);
  }
}

/** A file a writing command moved to quarantine/ is never moved silently: one line each on stderr. */
function tellMovedAside(): void {
  for (const backend of opened) for (const problem of backend.store.movedAside) io.err?.(terminalText(problem.message));
}

run(process.argv.slice(2))
  .catch((error: unknown) => {
    const message =
      error instanceof UserError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
        ? (error as Error).message
        : `Factdesk hit an internal error: ${String(error)}`;
    process.stderr.write(`${message}\n`);
    process.exitCode = 1;
  })
  .finally(tellMovedAside);
