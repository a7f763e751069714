import { parseArgs } from 'node:util';
import { isRealCalendarDate } from '../core/model';
import { DEFAULT_SILO_DAYS } from '../core/stats';

export const USAGE = `Usage: alliances <due|report|search|impact|brief|mcp> [options]

  due       who is due for a check-in, silos and open follow-ups
  report    a Markdown report of the whole store, or of one partner with --partner
  search    search every record: alliances search <words and filters> (partner: dept: org: tag: kind:
            after:yyyy-mm-dd before:yyyy-mm-dd), e.g. alliances search pricing kind:checkIn
  impact    who a change affects: partners and initiatives whose code areas the commits touch, and
            whether each person was consulted since the branch started (Markdown for a pull request)
  brief     everything to read before a check-in with one partner: alliances brief "<name or id>"
  mcp       serve the store's tools to an MCP client (Claude Desktop, Cursor, VS Code) on stdin/stdout

Options:
  --store <path>          the store folder, or a folder holding .alliances (default: ./.alliances)
  --today <yyyy-mm-dd>    the day to compute for (default: today), for reproducible output
  --json                  print JSON instead of text (due, search, impact and brief)
  --base <revision>       impact: the branch the change goes into (default: origin/HEAD, main or master)
  --head <revision>       impact: the change's last commit (default: HEAD)
  --partner <name or id>  report on one partner (report only)
  --cadence <days>        default cadence for partners without one and no team default (default: 14)
  --silo-days <days>      a department with no check-in for longer than this is a silo (default: ${DEFAULT_SILO_DAYS})
  --private               include private records (report, search, brief and mcp; never on by default)
  --allow-writes          let MCP clients log check-ins and add talking points and follow-ups (mcp only)
  -h, --help              show this help

Exit codes: 0 done (due: nothing due), 1 due: someone is due or a follow-up is overdue (search: nothing
matched; impact: someone it affects was not consulted), 2 bad usage (search: a filter it cannot read;
impact: a revision that names no commit), 3 the store cannot be read (impact: or no git repository),
4 impact: a person of high influence it affects was not consulted.
`;

export interface CliOptions {
  command: 'due' | 'report' | 'search' | 'impact' | 'brief' | 'mcp';
  /** impact: the revisions compared (base undefined: the default branch). */
  base?: string;
  head?: string;
  /** search: the words and filters, as one query; brief: the partner's name or id. */
  query?: string;
  store?: string;
  today?: Date;
  json: boolean;
  partner?: string;
  cadence: number;
  siloDays: number;
  includePrivate: boolean;
  allowWrites: boolean;
}

export class UsageError extends Error {}

function days(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 3650)
    throw new UsageError(`--${name} must be a whole number of days, got "${value}".`);
  return number;
}

/** Parses the command line; "help" when asked for it. */
export function parseCli(argv: string[]): CliOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        store: { type: 'string' },
        today: { type: 'string' },
        json: { type: 'boolean', default: false },
        partner: { type: 'string' },
        base: { type: 'string' },
        head: { type: 'string' },
        cadence: { type: 'string' },
        'silo-days': { type: 'string' },
        private: { type: 'boolean', default: false },
        'allow-writes': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const [command, ...rest] = positionals;
  if (command !== 'due' && command !== 'report' && command !== 'search' && command !== 'impact' && command !== 'brief' && command !== 'mcp')
    throw new UsageError(command ? `Unknown command "${command}".` : 'Missing command.');
  if (command === 'search' && rest.join(' ').trim() === '') throw new UsageError('search needs words or filters to search for.');
  if (command === 'brief' && rest.join(' ').trim() === '')
    throw new UsageError('brief needs a partner\'s name or id: alliances brief "Dana".');
  if (command !== 'search' && command !== 'brief' && rest.length > 0) throw new UsageError(`Unexpected argument "${rest[0] ?? ''}".`);
  let today: Date | undefined;
  if (values.today !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today) || !isRealCalendarDate(values.today))
      throw new UsageError(`--today must be a date like 2026-11-21, got "${values.today}".`);
    const [year, month, day] = values.today.split('-').map(Number);
    // Noon local time: the due logic counts calendar days in local time.
    today = new Date(year ?? 0, (month ?? 1) - 1, day ?? 1, 12);
  }
  if (values.json && command !== 'due' && command !== 'search' && command !== 'impact' && command !== 'brief')
    throw new UsageError('--json works with "due", "search", "impact" and "brief" only.');
  if ((values.base !== undefined || values.head !== undefined) && command !== 'impact')
    throw new UsageError('--base and --head work with "impact" only.');
  for (const [name, value] of [
    ['base', values.base],
    ['head', values.head],
  ] as const)
    if (value !== undefined && value.trim() === '') throw new UsageError(`--${name} needs a revision (a branch, tag or commit).`);
  if (values.partner !== undefined && command !== 'report') throw new UsageError('--partner works with "report" only.');
  if (values['allow-writes'] && command !== 'mcp') throw new UsageError('--allow-writes works with "mcp" only.');
  return {
    command,
    ...(command === 'search' || command === 'brief' ? { query: rest.join(' ') } : {}),
    ...(values.base !== undefined ? { base: values.base } : {}),
    ...(values.head !== undefined ? { head: values.head } : {}),
    store: values.store,
    today,
    json: values.json,
    partner: values.partner,
    cadence: days(values.cadence, 'cadence', 14),
    siloDays: days(values['silo-days'], 'silo-days', DEFAULT_SILO_DAYS),
    includePrivate: values.private,
    allowWrites: values['allow-writes'],
  };
}
