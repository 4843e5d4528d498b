import { Buffer } from 'node:buffer';
import { readFile, writeFile } from 'node:fs/promises';
import { WebClient } from '@slack/web-api';
import { localDay, systemClock } from './clock.ts';
import { adminsOf, type Config, configuredMessengers, loadConfig } from './config.ts';
import { seedDemo } from './demo/seed.ts';
import { parseDay } from './domain/days.ts';
import { ANY_USER_ID } from './domain/roster-csv.ts';
import { isDomainError } from './errors.ts';
import { localeFromTag } from './i18n/index.ts';
import { isJobName, JOB_NAMES, type JobName } from './jobs/job.ts';
import { jobTimes, runJob } from './jobs/runner.ts';
import { createLogger, type Logger } from './logger.ts';
import { createSlackDirectory } from './slack/directory.ts';
import { SLACK_USER_ID } from './slack/ids.ts';
import { createSlackMessenger } from './slack/messenger.ts';
import { type Database, openDatabase } from './store/client.ts';
import { adoptAtStart, MESSENGER_NAMES, type MessengerName } from './store/messengers.ts';
import { migrateDatabase } from './store/migrate.ts';
import type { TeamView } from './store/roster-repository.ts';
import { createStore, type Store } from './store/store.ts';
import type { UseCaseDeps } from './usecases/context.ts';
import { exportRoster } from './usecases/export-roster.ts';
import { buildExport, type ExportFile, type ExportFormat } from './usecases/exports.ts';
import { importRoster, type RosterFile } from './usecases/import-roster.ts';
import type { Messenger } from './usecases/messenger.ts';
import { looksLikeXlsx } from './xlsx/read-xlsx.ts';
import { CSV_CONTENT_TYPE } from './xlsx/write-xlsx.ts';

/**
 * `zhanbao <command>`: the operator's tools. Each command exits 0 on success and 1 with a
 * message on failure; none needs Slack credentials.
 */
const USAGE = `Usage: zhanbao <command>

  db migrate                    apply pending database migrations (the bot also does this at start)
  roster import FILE [--team ID|NAME]
                                import the roster (.xlsx or .csv) all-or-nothing; every bad row is
                                reported by line (and sheet)
  roster export [FILE] [--csv] [--team ID|NAME]
                                write the roster as an Excel workbook (a sheet per group), or as CSV
                                with --csv or a FILE named .csv (CSV to standard output without FILE)
  export pay --month YYYY-MM [--out FILE] [--csv] [--team ID|NAME]
                                pay statements of a month (closed or provisional)
  export activity --from YYYY-MM-DD --to YYYY-MM-DD [--out FILE] [--csv] [--team ID|NAME]
                                daily figures per member
                                Exports are .xlsx (a summary sheet, then a sheet per group) unless
                                --csv or --out FILE.csv; without --out a CSV goes to standard output
                                and a workbook to its own name (zhanbao-pay-2026-11.xlsx) here.
                                --team: the id or name "team list" shows; needed with several teams.
  demo seed [--groups N --agents N] [--months N] [--team NAME]
                                fill an empty store with a realistic demo team and its activity;
                                --team names it, or adds a further branch of that name to a store
                                that has a team already
  team list                     every team: id, name, time zone, people (for --team)
  job list                      every scheduled job, its time and its last run
  job run NAME --date YYYY-MM-DD [--force] [--team ID|NAME]
                                run a job now for that day (posts to Slack or DingTalk, as configured);
                                --force re-runs a period that already ran
  wecom menu                    install the WeCom app's menu: 记录 / 我的战报 / 更多 (排行, 帮助)

  --messenger slack|dingtalk|wecom
                                with several messengers configured: whose teams a command is about

Environment: DATABASE_URL (default file:./data/zhanbao.db), see .env.example.`;

type Io = { out: (text: string) => void; err: (text: string) => void };

export async function runCli(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: Io,
): Promise<number> {
  const [group, action, ...args] = argv;
  // A job posts through the team's messenger: Slack's settings are needed unless another's are set.
  const other = ['DINGTALK_CLIENT_ID', 'WECOM_CORP_ID'].some((name) => (env[name] ?? '').trim() !== '');
  const loaded = loadConfig(env, { needSlack: group === 'job' && action === 'run' && !other });
  if (!loaded.ok) {
    io.err(`Configuration problems:\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  const config = loaded.config;
  const chosenMessenger = messengerOfCli(config, flagValue(args, '--messenger'));
  if ('problem' in chosenMessenger) return fail(io, chosenMessenger.problem);
  const { messenger } = chosenMessenger;
  switch (`${group ?? ''} ${action ?? ''}`.trim()) {
    case 'db migrate': {
      const { applied } = await migrateDatabase({ url: config.databaseUrl });
      io.out(
        applied.length === 0
          ? 'Database is up to date.'
          : `Applied ${applied.length} migration(s):\n${applied.join('\n')}`,
      );
      return 0;
    }
    case 'roster import': {
      const file = positional(args);
      if (file === undefined) {
        io.err('roster import needs a file: zhanbao roster import roster.xlsx (or roster.csv)');
        return 1;
      }
      return withDeps(config, messenger, io, async (deps) => {
        const chosen = await chooseTeam(deps.store, flagValue(args, '--team'), { noneIsFine: true });
        if ('problem' in chosen) return fail(io, chosen.problem);
        // A Slack team's ids are checked as Slack's; a DingTalk or WeCom team's are its own userIds.
        const ids = messenger === 'slack' ? SLACK_USER_ID : ANY_USER_ID;
        const bytes = await readFile(file);
        if (file.toLowerCase().endsWith('.xls') && !looksLikeXlsx(bytes))
          return fail(
            io,
            `${file}: an old .xls workbook cannot be read; save it as .xlsx or CSV and run again`,
          );
        const result = await importRoster(deps, {
          file: rosterFile(file, bytes),
          actor: 'cli',
          ids,
          ...(chosen.team === undefined ? {} : { teamId: chosen.team.id }),
        });
        if (!result.ok) {
          io.err(`${file}: nothing was imported; fix these rows and run again:`);
          for (const p of result.problems)
            io.err(
              `  ${p.sheet === undefined ? '' : `sheet "${p.sheet}" `}line ${p.line}, ${p.column}: ${p.message}`,
            );
          return 1;
        }
        const groups =
          result.groupsCreated.length > 0 ? `; new groups: ${result.groupsCreated.join(', ')}` : '';
        io.out(`Imported ${file}: ${result.created} added, ${result.updated} updated${groups}.`);
        return 0;
      });
    }
    case 'roster export':
      return withDeps(config, messenger, io, async (deps) => {
        const chosen = await chooseTeam(deps.store, flagValue(args, '--team'), { noneIsFine: true });
        if ('problem' in chosen) return fail(io, chosen.problem);
        const out = positional(args);
        const file = await exportRoster(deps, {
          format: formatOf(args, out),
          locale: localeFromTag(chosen.team?.locale, config.locale),
          ...(chosen.team === undefined ? {} : { team: chosen.team }),
        });
        return deliver(io, file, out);
      });
    case 'export pay':
    case 'export activity':
      return withDeps(config, messenger, io, async (deps) => {
        const request =
          action === 'pay'
            ? { kind: 'pay' as const, month: flagValue(args, '--month') ?? '' }
            : {
                kind: 'activity' as const,
                from: flagValue(args, '--from') ?? '',
                to: flagValue(args, '--to') ?? '',
              };
        const chosen = await chooseTeam(deps.store, flagValue(args, '--team'), { noneIsFine: false });
        if ('problem' in chosen) return fail(io, chosen.problem);
        const team = chosen.team;
        if (team === undefined) return fail(io, 'no team yet: import or add a roster first');
        const out = flagValue(args, '--out');
        try {
          const file = await buildExport(deps.store, team, request, {
            format: formatOf(args, out),
            locale: localeFromTag(team.locale, config.locale),
          });
          return deliver(io, file, out);
        } catch (error) {
          if (!isDomainError(error)) throw error;
          io.err(
            `${action === 'pay' ? '--month YYYY-MM' : '--from YYYY-MM-DD --to YYYY-MM-DD'} is needed: ${error.message}`,
          );
          return 1;
        }
      });
    case 'demo seed':
      return withDeps(config, messenger, io, async (deps, database) => {
        const groups = flagValue(args, '--groups');
        const agents = flagValue(args, '--agents');
        const months = flagValue(args, '--months');
        const size =
          groups === undefined && agents === undefined
            ? undefined
            : { groups: Number(groups ?? 3), agentsPerGroup: Number(agents ?? 8) };
        if (
          (size !== undefined && !(size.groups >= 1 && size.agentsPerGroup >= 1)) ||
          (months !== undefined && !(Number(months) >= 1))
        ) {
          io.err('demo seed: --groups, --agents and --months take whole numbers of at least 1');
          return 1;
        }
        const teamName = flagValue(args, '--team')?.trim();
        if (teamName === '') {
          io.err('demo seed: --team needs the name of the team (e.g. --team 二部)');
          return 1;
        }
        // With --team: the first team of an empty store gets that name; a store that has a team
        // with people gets a further branch of that name beside it.
        const teams = await database.prisma.team.findMany({
          where: { messenger },
          select: { id: true, name: true, _count: { select: { members: true } } },
          orderBy: { id: 'asc' },
        });
        const branch = teamName !== undefined && teams.some((t) => t._count.members > 0);
        if (branch && teams.some((t) => t.name === teamName)) {
          io.err(
            `demo seed: a team called "${teamName}" exists already; choose another name (zhanbao team list)`,
          );
          return 1;
        }
        const started = Date.now();
        const summary = await seedDemo(database.prisma, {
          messenger,
          today: localDay(deps.clock.now(), config.timezone),
          ...(size === undefined ? {} : { size }),
          ...(months === undefined ? {} : { months: Number(months) }),
          ...(teamName === undefined
            ? {}
            : { team: { name: teamName, timezone: config.timezone, locale: config.locale }, branch }),
        });
        if (teamName !== undefined && !branch)
          await database.prisma.team.update({ where: { id: summary.teamId }, data: { name: teamName } });
        const people =
          summary.people.agents.length + summary.people.leaders.length + summary.people.managers.length + 1;
        io.out(
          `Seeded ${summary.groups.length} groups, ${people} people and ${summary.entries} entries (${summary.from} – ${summary.to})${teamName === undefined ? '' : ` into team ${summary.teamId} "${teamName}"`} in ${Date.now() - started} ms.`,
        );
        return 0;
      });
    case 'team list':
      return withDeps(config, messenger, io, async (deps) => {
        for (const team of await deps.store.roster.teams()) {
          const people = (await deps.store.roster.members(team.id)).filter((m) => m.status !== 'left').length;
          io.out(`${team.id}\t${team.name}\t${team.timezone}\t${people} people`);
        }
        return 0;
      });
    case 'job list':
      return withDeps(config, messenger, io, async (deps) => {
        for (const line of await listJobs(deps.store)) io.out(line);
        return 0;
      });
    case 'job run':
      return runJobCommand(config, messenger, args, io);
    case 'wecom menu':
      return installWeComMenu(config, io);
    default:
      io.err(USAGE);
      return group === undefined || group === 'help' || group === '--help' ? 0 : 1;
  }
}

async function withDeps(
  config: Config,
  messenger: MessengerName,
  io: Io,
  work: (deps: UseCaseDeps, database: Database) => Promise<number>,
): Promise<number> {
  const database = await openDatabase(config.databaseUrl);
  try {
    // As main.ts does at start: a database from before teams had a messenger is the
    // deployment's, when it has one (with none configured, the messenger the command is about).
    const configured = configuredMessengers(config);
    const adoption = await adoptAtStart(database.prisma, configured.length === 0 ? [messenger] : configured);
    if ('problem' in adoption) return fail(io, adoption.problem);
    return await work(
      {
        store: createStore(database.prisma, messenger),
        clock: systemClock,
        admins: adminsOf(config, messenger),
        defaults: {
          teamName: config.locale === 'en' ? 'Sales team' : '电销团队',
          timezone: config.timezone,
          locale: config.locale,
        },
      },
      database,
    );
  } finally {
    await database.close();
  }
}

async function listJobs(store: Store): Promise<string[]> {
  const lines: string[] = [];
  for (const team of await store.roster.teams()) {
    const times = jobTimes(await store.settings.teamSettings(team.id));
    const runs = await store.jobs.lastRuns(team.id);
    lines.push(`Team ${team.id} ${team.name} (${team.timezone})`);
    for (const name of JOB_NAMES) {
      const run = runs.get(name);
      const last =
        run === undefined
          ? 'never ran'
          : `last ${run.periodKey} ${run.status}${run.late ? ' (late)' : ''} at ${run.startedAt.toISOString()}, ${run.posts.length} posts, ${run.failures.length} failed`;
      lines.push(`  ${name.padEnd(15)} ${times[name]}  ${JOB_RULES[name]}; ${last}`);
    }
  }
  return lines;
}

const JOB_RULES: Record<JobName, string> = {
  'daily-warnings': 'working days',
  'daily-pk': 'working days',
  'morning-digest': 'working days',
  'weekly-pk': 'last working day of the week',
  'monthly-pk': 'last working day of the month',
  'calendar-check': 'every day, posts when the next 30 days reach an unpublished year',
  'careers-daily': 'every day: probation reminders, protection ending, demotion risk at 2/3 of the quarter',
  'quarter-preview': 'last working day of the quarter: preview of the review to the managers',
  'quarter-review': 'first working day of the quarter: promotions and demotions',
  'month-close': "first working day of the month: freeze the last month's pay statements",
};

async function runJobCommand(
  config: Config,
  messenger: MessengerName,
  args: readonly string[],
  io: Io,
): Promise<number> {
  const [name, ...flags] = args;
  const date = flagValue(flags, '--date');
  const teamFlag = flagValue(flags, '--team');
  const day = date === undefined ? undefined : parseDay(date);
  if (name === undefined || !isJobName(name) || day === undefined) {
    io.err(`job run needs a job (${JOB_NAMES.join(', ')}) and --date YYYY-MM-DD`);
    return 1;
  }
  if (config.slack === undefined && config.dingtalk === undefined && config.wecom === undefined) {
    io.err('job run posts to the messenger: set the Slack, DingTalk or WeCom settings (see .env.example)');
    return 1;
  }
  return withDeps(config, messenger, io, async (deps) => {
    const logger = createLogger({ level: config.logLevel });
    const sending = await messengerFor(config, messenger, deps.store, logger);
    // Without --team a job runs for the first team, as it always has (the scheduler runs each).
    const chosen =
      teamFlag === undefined
        ? { team: (await deps.store.roster.teams())[0] }
        : await chooseTeam(deps.store, teamFlag, { noneIsFine: false });
    if ('problem' in chosen) return fail(io, chosen.problem);
    const team = chosen.team;
    if (team === undefined) return fail(io, 'no team yet: add someone to the roster first');
    const outcome = await runJob(
      { store: deps.store, messenger: sending, logger },
      { teamId: team.id, job: name, day, late: true, force: flags.includes('--force') },
    );
    switch (outcome.status) {
      case 'not-due':
        io.out(`${name} does not run on ${day} (not a run day for it); use --force to run it anyway.`);
        return 0;
      case 'skipped':
        io.out(`${name} ${outcome.periodKey} already ran; use --force to run it again.`);
        return 0;
      default:
        io.out(
          `${name} ${outcome.periodKey}: ${outcome.status}, ${outcome.posts} posts, ${outcome.failures.length} failed`,
        );
        for (const f of outcome.failures) io.err(`  ${f.kind} → ${f.target}: ${f.reason}`);
        return outcome.status === 'done' ? 0 : 1;
    }
  });
}

async function installWeComMenu(config: Config, io: Io): Promise<number> {
  const wecom = config.wecom;
  if (wecom === undefined) {
    io.err(
      'wecom menu needs the WeCom settings: WECOM_CORP_ID, WECOM_AGENT_ID, WECOM_SECRET, WECOM_TOKEN, WECOM_ENCODING_AES_KEY',
    );
    return 1;
  }
  const { createWeComApi } = await import('./wecom/api.ts');
  const { weComMenu } = await import('./wecom/wecom-app.ts');
  const logger = createLogger({ level: config.logLevel });
  const api = createWeComApi({
    corpId: wecom.corpId,
    agentId: wecom.agentId,
    secret: wecom.secret,
    apiUrl: wecom.apiUrl,
    logger,
  });
  await api.createMenu(weComMenu(config.locale).button);
  io.out(`Installed the menu of WeCom app ${wecom.agentId}.`);
  return 0;
}

/**
 * Which messenger's teams the command is about: `--messenger`, else the one configured, else
 * Slack (commands that never call a messenger, on a deployment that has none set yet).
 */
function messengerOfCli(
  config: Config,
  flag: string | undefined,
): { messenger: MessengerName } | { problem: string } {
  const configured = configuredMessengers(config);
  if (flag !== undefined) {
    const named = MESSENGER_NAMES.find((name) => name === flag);
    if (named === undefined)
      return { problem: `--messenger takes ${MESSENGER_NAMES.join(', ')}, not "${flag}"` };
    if (configured.length > 0 && !configured.includes(named))
      return {
        problem: `--messenger ${named}: its settings are not configured (${configured.join(', ')} are)`,
      };
    return { messenger: named };
  }
  if (configured.length > 1)
    return {
      problem: `several messengers are configured (${configured.join(', ')}): say which teams with --messenger ${configured.join('|')}`,
    };
  return { messenger: configured[0] ?? 'slack' };
}

/** The chosen messenger's sending side (DingTalk's and WeCom's clients are loaded only when used). */
async function messengerFor(
  config: Config,
  messenger: MessengerName,
  store: Store,
  logger: Logger,
): Promise<Messenger> {
  if (messenger === 'wecom' && config.wecom !== undefined) {
    const { createWeComSending } = await import('./wecom/wecom-app.ts');
    return createWeComSending({ config: config.wecom, store, logger, locale: config.locale }).messenger;
  }
  if (messenger === 'dingtalk' && config.dingtalk !== undefined) {
    const { createDingTalkSending } = await import('./dingtalk/dingtalk-app.ts');
    return createDingTalkSending({ config: config.dingtalk, store, logger, locale: config.locale }).messenger;
  }
  const slack = config.slack;
  if (slack === undefined) throw new Error('unreachable: checked by runJobCommand');
  const client = new WebClient(
    slack.botToken,
    slack.apiUrl === undefined ? {} : { slackApiUrl: slack.apiUrl },
  );
  return createSlackMessenger(client, {
    directory: createSlackDirectory(client),
    defaultLocale: config.locale,
  });
}

/**
 * The team a command is for: `--team` takes the id `team list` shows, or the team's name.
 * Without it, the only team; several teams need a choice, so the answer lists them. No team at
 * all is an answer (`team: undefined`) where the command can make the first one (the import).
 */
async function chooseTeam(
  store: Store,
  flag: string | undefined,
  options: { noneIsFine: boolean },
): Promise<{ team: TeamView | undefined } | { problem: string }> {
  const teams = await store.roster.teams();
  const listed = () => teams.map((t) => `  ${t.id}\t${t.name}`).join('\n');
  if (flag !== undefined) {
    const team = teams.find((t) => String(t.id) === flag || t.name === flag);
    if (team !== undefined) return { team };
    return {
      problem:
        teams.length === 0
          ? `no team ${flag}: there is no team yet`
          : `no team ${flag}; the teams are:\n${listed()}`,
    };
  }
  if (teams.length > 1)
    return { problem: `there are ${teams.length} teams; say which with --team ID|NAME:\n${listed()}` };
  const team = teams[0];
  if (team === undefined && !options.noneIsFine)
    return { problem: 'no team yet: import or add a roster first' };
  return { team };
}

function fail(io: Io, problem: string): number {
  io.err(problem);
  return 1;
}

/** CSV when asked (`--csv`) or when the file to write is named .csv; else an Excel workbook. */
function formatOf(args: readonly string[], out: string | undefined): ExportFormat {
  return args.includes('--csv') || out?.toLowerCase().endsWith('.csv') === true ? 'csv' : 'xlsx';
}

/**
 * Writes the file to `out`; without it a CSV goes to standard output (as it always did) and a
 * workbook, which is not text, to its own name in the current folder.
 */
async function deliver(io: Io, file: ExportFile, out: string | undefined): Promise<number> {
  if (out === undefined && file.contentType === CSV_CONTENT_TYPE) {
    io.out(Buffer.from(file.content).toString('utf8').trimEnd());
    return 0;
  }
  const path = out ?? file.filename;
  await writeFile(path, file.content);
  io.err(`wrote ${path}: ${file.rows} rows`);
  return 0;
}

/** An .xlsx workbook by its content (a zip) or its name; anything else is read as CSV text. */
function rosterFile(name: string, bytes: Uint8Array): RosterFile {
  return looksLikeXlsx(bytes) || name.toLowerCase().endsWith('.xlsx')
    ? { kind: 'xlsx', bytes }
    : { kind: 'csv', text: Buffer.from(bytes).toString('utf8') };
}

/** Flags that take a value; the first other word is the command's file. */
const VALUE_FLAGS = new Set(['--team', '--out', '--month', '--from', '--to', '--messenger']);

function positional(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === undefined) continue;
    if (VALUE_FLAGS.has(arg)) i += 1;
    else if (!arg.startsWith('--')) return arg;
  }
  return undefined;
}

function flagValue(flags: readonly string[], name: string): string | undefined {
  const index = flags.indexOf(name);
  return index >= 0 ? flags[index + 1] : undefined;
}
