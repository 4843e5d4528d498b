/**
 * `npm run bench`: the benchmark of issue 7, on SQLite and the local PostgreSQL side by side. Each
 * figure is measured in the same run as its floor (the framework or the database doing only the
 * essential work), alternating the two, so that the ratio holds on a busy machine.
 *
 *   npm run bench                      the full run (10,000 agents; minutes, see the README)
 *   npm run bench -- --quick           a small team, to try the benchmark itself
 *   npm run bench -- --only=sqlite     one store (sqlite | postgresql)
 *   npm run bench -- --only-suite=wecom
 *                                      one messenger's figures (slack | dingtalk | wecom) after
 *                                      the seeding and PK ranking every suite needs; combine with
 *                                      --only and --quick
 *   npm run bench -- --only-suite=branches
 *                                      50 teams of 31 on PostgreSQL, two replicas, every board
 *                                      due at 18:00 (branches.ts); PostgreSQL only
 *
 * PostgreSQL: BENCH_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres) must be allowed
 * to create databases; each run creates temporary ones and drops them. Without a server the
 * PostgreSQL column says so and the rest still runs.
 *
 * Prints a table and writes bench-results/<time>.json and bench-results/latest.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src/store/client.ts';
import type { Provider } from '../../src/store/migrate.ts';
import { day } from '../helpers/day.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/fake-slack-api.ts';
import { type BranchesFigure, benchBranches } from './branches.ts';
import { benchDingTalkWarnings, type DingTalkJobFigure } from './dingtalk-jobs.ts';
import { benchDingTalkLogging, type DingTalkLoggingResult } from './dingtalk-logging.ts';
import { benchDingTalkMonth, type DingTalkMonthResult } from './dingtalk-month.ts';
import { benchJobs, benchSending, type JobFigure, type SendingFigure } from './jobs.ts';
import { benchLogging, type LoggingResult } from './logging.ts';
import { benchPoster, type PosterFigure } from './poster.ts';
import { benchRanking, type RankingResult, type RankingSize } from './ranking.ts';
import { type Goal, printTable } from './report.ts';
import { benchStartup, type StartupResult } from './startup.ts';
import {
  type BenchStore,
  DEFAULT_PG_ADMIN_URL,
  handTo,
  postgresAvailable,
  postgresStore,
  sqliteStore,
} from './stores.ts';
import { benchWeComWarnings, type WeComJobFigure } from './wecom-jobs.ts';
import { benchWeComLogging, type WeComLoggingResult } from './wecom-logging.ts';

/** Friday 27 November 2026, 18:00 in Shanghai: the day's logs come in. */
const TODAY = day('2026-11-27');
const NOW = '2026-11-27T10:00:00Z';

type Plan = {
  size: RankingSize;
  rankingRuns: number;
  logging: { warmup: number; burst: number; steady: { requests: number; perSecond: number } };
  startupRuns: number;
  sending: { messages: number; latencyMs: number };
  /** The DingTalk burst, from the members after those of the Slack logging run. */
  dingtalk: { warmup: number; burst: number };
  /** The WeCom burst, from the members after those of the DingTalk run. */
  wecom: { warmup: number; burst: number };
  /** Teams of 31 in the several-teams run (PostgreSQL, two replicas). */
  branches: number;
};

const FULL: Plan = {
  size: { groups: 1000, agentsPerGroup: 10, months: 12 },
  rankingRuns: 7,
  // 2,000 agents log at once; then 20 seconds of 2,000 agents a minute.
  logging: { warmup: 200, burst: 2000, steady: { requests: 660, perSecond: 33 } },
  startupRuns: 2,
  sending: { messages: 200, latencyMs: 25 },
  dingtalk: { warmup: 200, burst: 2000 },
  wecom: { warmup: 200, burst: 2000 },
  branches: 50,
};

const QUICK: Plan = {
  // 40 groups: enough members for each suite's logging run to have its own (Slack 180, DingTalk
  // 120, WeCom 120).
  size: { groups: 40, agentsPerGroup: 10, months: 2 },
  rankingRuns: 3,
  logging: { warmup: 20, burst: 100, steady: { requests: 60, perSecond: 30 } },
  startupRuns: 1,
  sending: { messages: 40, latencyMs: 25 },
  dingtalk: { warmup: 20, burst: 100 },
  wecom: { warmup: 20, burst: 100 },
  branches: 5,
};

export const SUITES = ['slack', 'dingtalk', 'wecom', 'branches'] as const;
export type Suite = (typeof SUITES)[number];

export type SlackFigures = { jobs: JobFigure[]; logging: LoggingResult; startup: StartupResult };
export type DingTalkFigures = {
  logging: DingTalkLoggingResult;
  warnings: DingTalkJobFigure;
  month: DingTalkMonthResult;
};
export type WeComFigures = { logging: WeComLoggingResult; warnings: WeComJobFigure };

/** A store's figures: the ranking always (its seeding is every suite's data), each suite run. */
export type StoreResult =
  | {
      provider: Provider;
      label: string;
      ranking: RankingResult;
      slack?: SlackFigures;
      dingtalk?: DingTalkFigures;
      wecom?: WeComFigures;
    }
  | { provider: Provider; label: string; skipped: string };

function argument(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

const began = performance.now();
const log = (line: string) =>
  process.stderr.write(`[bench ${((performance.now() - began) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);

async function benchStore(
  store: BenchStore,
  plan: Plan,
  fake: FakeSlackApi,
  emptyStore: () => Promise<BenchStore>,
  suites: ReadonlySet<Suite>,
): Promise<StoreResult> {
  log(`${store.label}: ranking`);
  const database = await openDatabase(store.url);
  let ranking: RankingResult;
  let jobs: JobFigure[] = [];
  let dingtalkWarnings: DingTalkJobFigure | undefined;
  let wecomWarnings: WeComJobFigure | undefined;
  let users: string[];
  try {
    ranking = await benchRanking(database, store.url, {
      today: TODAY,
      size: plan.size,
      runs: plan.rankingRuns,
      log,
    });
    if (suites.has('slack')) {
      log(`${store.label}: jobs`);
      await handTo(store.url, 'slack');
      jobs = await benchJobs(database, fake, {
        teamId: ranking.teamId,
        today: TODAY,
        day: ranking.days.day,
        lastMonth: ranking.days.month,
        log,
        // The PK jobs rank the day and the month, as ranking.day and ranking.month do.
        computeFloorMs: { 'daily-pk': ranking.day.floorMs, 'monthly-pk': ranking.month.floorMs },
      });
    }
    if (suites.has('dingtalk')) {
      await handTo(store.url, 'dingtalk');
      dingtalkWarnings = await benchDingTalkWarnings(database, {
        teamId: ranking.teamId,
        day: ranking.days.day,
        log,
      });
    }
    if (suites.has('wecom')) {
      await handTo(store.url, 'wecom');
      wecomWarnings = await benchWeComWarnings(database, {
        teamId: ranking.teamId,
        day: ranking.days.day,
        log,
      });
    }
    // Everyone who logs in the logging runs: competitors on the roster, in roster order.
    const members = await database.prisma.member.findMany({
      where: { role: { in: ['agent', 'leader'] }, status: { not: 'left' } },
      select: { messengerUserId: true },
      orderBy: { id: 'asc' },
    });
    users = members.map((m) => m.messengerUserId);
  } finally {
    await database.close();
  }

  // Each suite's members log once, after those of the suites before it (whether they ran or not).
  const { warmup, burst, steady } = plan.logging;
  const slackUsers = users;
  const dingtalkUsers = users.slice(warmup + burst + steady.requests);
  const wecomUsers = dingtalkUsers.slice(plan.dingtalk.warmup + plan.dingtalk.burst);
  const result: StoreResult = { provider: store.provider, label: store.label, ranking };

  if (suites.has('slack')) {
    log(`${store.label}: logging`);
    await handTo(store.url, 'slack');
    const logging = await benchLogging({
      databaseUrl: store.url,
      fake,
      users: slackUsers,
      ...plan.logging,
      now: NOW,
      log,
    });
    log(`${store.label}: start-up`);
    const empty = await emptyStore();
    try {
      const startup = await benchStartup({ databaseUrl: empty.url, fake, runs: plan.startupRuns });
      result.slack = { jobs, logging, startup };
    } finally {
      await empty.drop();
    }
  }
  if (dingtalkWarnings !== undefined) {
    log(`${store.label}: DingTalk logging`);
    await handTo(store.url, 'dingtalk');
    const dingtalkLogging = await benchDingTalkLogging({
      databaseUrl: store.url,
      users: dingtalkUsers,
      ...plan.dingtalk,
      now: NOW,
      log,
    });
    log(`${store.label}: DingTalk month`);
    const monthStore = await emptyStore();
    try {
      const month = await benchDingTalkMonth({ databaseUrl: monthStore.url, log });
      result.dingtalk = { logging: dingtalkLogging, warnings: dingtalkWarnings, month };
    } finally {
      await monthStore.drop();
    }
  }
  if (wecomWarnings !== undefined) {
    log(`${store.label}: WeCom logging`);
    await handTo(store.url, 'wecom');
    const wecomLogging = await benchWeComLogging({
      databaseUrl: store.url,
      users: wecomUsers,
      ...plan.wecom,
      now: NOW,
      log,
    });
    result.wecom = { logging: wecomLogging, warnings: wecomWarnings };
  }
  return result;
}

function goalsOf(results: readonly StoreResult[], branches: BranchesFigure | undefined): Goal[] {
  const goals: Goal[] = [];
  if (branches !== undefined) {
    goals.push({
      store: 'PostgreSQL',
      goal: `${branches.teams} teams, ${branches.replicas} replicas: every 18:00 board posted once`,
      value: branches.once,
      limit: branches.teams,
      unit: 'teams',
      met: branches.once === branches.teams,
    });
    goals.push({
      store: 'PostgreSQL',
      goal: `${branches.teams} teams: 18:00 to the last board within the minute`,
      value: branches.lastBoardMs,
      limit: 60_000,
      unit: 'ms',
      met: branches.lastBoardMs < 60_000 && branches.missing === 0,
    });
  }
  for (const result of results) {
    if ('skipped' in result) continue;
    const on = result.label;
    const { ranking, slack, dingtalk, wecom } = result;
    const add = (goal: string, value: number, limit: number, unit: string, below: boolean) =>
      goals.push({ store: on, goal, value, limit, unit, met: below ? value < limit : value >= limit });
    if (slack !== undefined) {
      const { logging, startup } = slack;
      add('log burst: throughput ≥ half the floor', logging.burst.throughputRatio, 0.5, '× floor', false);
      // The burst's ack is timed in the process, from the request read to the ack written: seen from
      // the client, 2,000 connections opened at once wait in the kernel's accept queue first, and the
      // floor's own p99 is seconds (the table shows both). At a steady rate there is no such queue.
      add('log burst: p99 ack in the process < 100 ms', logging.burst.bot.inProcess.p99Ms, 100, 'ms', true);
      add('steady logs: p99 time to ack < 100 ms', logging.steady.bot.ackP99Ms, 100, 'ms', true);
      add('at rest < 150 MB (src/main.ts after 15 s idle)', startup.idleMb, 150, 'MB', true);
      add('at rest < 150 MB (bot with the 10,000 roster)', logging.memory.botAtRestMb, 150, 'MB', true);
      add('ready < 2 s (src/main.ts, restart)', startup.readyMs, 2000, 'ms', true);
    }
    add('daily PK within 2× of the SQL floor', ranking.day.ratio, 2, '× floor', true);
    add('monthly PK within 2× of the SQL floor', ranking.month.ratio, 2, '× floor', true);
    add('quarterly PK within 2× of the SQL floor', ranking.quarter.ratio, 2, '× floor', true);
    add('quarter review within 2× of the SQL floor', ranking.review.ratio, 2, '× floor', true);
    // Issue 18's goals, beside the older ones: what the jobs are asked to reach.
    const atMost = (goal: string, value: number, limit: number, unit: string) =>
      goals.push({ store: on, goal, value, limit, unit, met: value <= limit });
    atMost('daily PK ≤ 1.25× of the SQL floor (issue 18)', ranking.day.ratio, 1.25, '× floor');
    atMost('monthly PK ≤ 1.1× of the SQL floor (issue 18)', ranking.month.ratio, 1.1, '× floor');
    atMost('quarterly PK ≤ 1.1× of the SQL floor (issue 18)', ranking.quarter.ratio, 1.1, '× floor');
    atMost('quarter review ≤ 1.5× of the SQL floor (issue 18)', ranking.review.ratio, 1.5, '× floor');
    if (slack !== undefined) {
      // A job that sent nothing has no floor to speak of (careers-daily on a day with no deadline).
      for (const job of slack.jobs.filter((j) => j.posts > 0))
        atMost(`job ${job.label} ≤ 1.3× the floor of its sends (issue 18)`, job.ratio, 1.3, '× floor');
      atMost('log burst: peak RSS ≤ 200 MB (issue 18)', slack.logging.memory.botPeakMb, 200, 'MB');
    }
    add('monthly PK of 10,000 members < 200 ms', ranking.month.botMs, 200, 'ms', true);
    if (dingtalk !== undefined) {
      add(
        'DingTalk log burst: throughput ≥ half the floor',
        dingtalk.logging.throughputRatio,
        0.5,
        '× floor',
        false,
      );
      const { replies } = dingtalk.logging.bot;
      goals.push({
        store: on,
        goal: 'DingTalk log burst: every message answered once, at its session webhook',
        value: replies.exactlyOnce,
        limit: dingtalk.logging.requests,
        unit: 'messages',
        met: replies.exactlyOnce === dingtalk.logging.requests && replies.moreThanOnce === 0,
      });
      add(
        'DingTalk daily warnings within 1.5× of plain sends',
        dingtalk.warnings.ratio,
        1.5,
        '× floor',
        true,
      );
      const metered = dingtalk.month.meteredCalls;
      goals.push({
        store: on,
        goal: 'DingTalk month of a 30-person team ≤ 3,000 metered calls',
        value: metered,
        limit: 3000,
        unit: 'calls',
        met: metered <= 3000,
      });
    }
    if (wecom !== undefined) {
      add(
        'WeCom log burst: throughput ≥ half the floor',
        wecom.logging.throughputRatio,
        0.5,
        '× floor',
        false,
      );
      const { replies } = wecom.logging.bot;
      goals.push({
        store: on,
        goal: 'WeCom log burst: every message answered once, none dropped',
        value: replies.exactlyOnce,
        limit: wecom.logging.requests,
        unit: 'messages',
        met:
          replies.exactlyOnce === wecom.logging.requests &&
          replies.moreThanOnce === 0 &&
          replies.dropped === 0,
      });
      // ≤ 1.5×: the figure may equal its limit, unlike the strict "within" goals above.
      goals.push({
        store: on,
        goal: 'WeCom daily warnings ≤ 1.5× of plain sends',
        value: wecom.warnings.ratio,
        limit: 1.5,
        unit: '× floor',
        met: wecom.warnings.ratio <= 1.5 && wecom.warnings.dropped === 0,
      });
    }
    goals.push({
      store: on,
      goal: 'daily ranking equals the SQL',
      value: ranking.check.sameOrder && ranking.check.samePerCapita ? 1 : 0,
      limit: 1,
      unit: '',
      met: ranking.check.sameOrder && ranking.check.samePerCapita,
    });
  }
  return goals;
}

async function benchStores(
  plan: Plan,
  fake: FakeSlackApi,
  options: { only: string | undefined; adminUrl: string; suites: ReadonlySet<Suite> },
): Promise<StoreResult[]> {
  const results: StoreResult[] = [];
  if (options.only === undefined || options.only === 'sqlite') {
    const store = await sqliteStore();
    try {
      results.push(await benchStore(store, plan, fake, () => sqliteStore(), options.suites));
    } finally {
      await store.drop();
    }
  }
  if (options.only === undefined || options.only === 'postgresql') {
    if (!(await postgresAvailable(options.adminUrl))) {
      results.push({
        provider: 'postgresql',
        label: 'PostgreSQL',
        skipped: `no server at ${options.adminUrl}`,
      });
    } else {
      const store = await postgresStore(options.adminUrl);
      try {
        results.push(
          await benchStore(store, plan, fake, () => postgresStore(options.adminUrl), options.suites),
        );
      } finally {
        await store.drop();
      }
    }
  }
  return results;
}

/** `--only-suite=wecom` (or a comma list): those suites; all of them without the flag. */
function suitesOf(value: string | undefined): Set<Suite> {
  if (value === undefined) return new Set(SUITES);
  const chosen = new Set<Suite>();
  for (const name of value.split(',')) {
    const suite = SUITES.find((s) => s === name.trim());
    if (suite === undefined) throw new Error(`--only-suite: ${name} is not one of ${SUITES.join(', ')}`);
    chosen.add(suite);
  }
  return chosen;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const plan = quick ? QUICK : FULL;
  const started = new Date();
  const suites = suitesOf(argument('only-suite'));
  const fake = await startFakeSlackApi({ defaultLocale: 'zh-CN' });
  let results: StoreResult[];
  let sending: SendingFigure | undefined;
  let poster: PosterFigure | undefined;
  let branches: BranchesFigure | undefined;
  const adminUrl = process.env.BENCH_PG_URL ?? DEFAULT_PG_ADMIN_URL;
  const only = argument('only');
  try {
    // The several-teams run: PostgreSQL only (two replicas share one database).
    if (suites.has('branches') && only !== 'sqlite' && (await postgresAvailable(adminUrl))) {
      branches = await benchBranches({ adminUrl, teams: plan.branches, today: TODAY, log });
      log(
        `branches: ${branches.teams} teams (${branches.people} people), 18:00 → first board ${branches.firstBoardMs} ms, last ${branches.lastBoardMs} ms; once ${branches.once}, twice ${branches.twice}, missing ${branches.missing}`,
      );
    }
    const storeSuites = new Set([...suites].filter((suite) => suite !== 'branches'));
    results =
      storeSuites.size === 0 ? [] : await benchStores(plan, fake, { only, adminUrl, suites: storeSuites });
    if (suites.has('slack')) {
      log('sending: direct messages one by one and batched');
      sending = await benchSending(fake, plan.sending);
    }
    log('poster: the 18:00 战报 image of 10 groups');
    poster = await benchPoster(quick ? 3 : 10);
  } finally {
    await fake.close();
  }

  const finished = new Date();
  const goals = goalsOf(results, branches);
  if (poster !== undefined)
    goals.push({
      store: 'any store',
      goal: `18:00 战报 image of ${poster.groups} groups < 300 ms (a running bot's day)`,
      value: poster.warmP50Ms,
      limit: 300,
      unit: 'ms',
      met: poster.warmP50Ms < 300,
    });
  if (poster !== undefined)
    goals.push({
      store: 'any store',
      goal: "bot's memory after the first image unchanged within 5 MB (renderer in its own process)",
      value: poster.rssGrowthMb,
      limit: 5,
      unit: 'MB',
      met: poster.rssGrowthMb < 5,
    });
  printTable(results, sending, goals, {
    quick,
    seconds: (finished.getTime() - started.getTime()) / 1000,
    ...(poster === undefined ? {} : { poster }),
  });

  const json = {
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    seconds: (finished.getTime() - started.getTime()) / 1000,
    quick,
    suites: [...suites],
    plan,
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: process.platform,
    },
    results,
    sending,
    poster,
    branches,
    goals,
  };
  const dir = fileURLToPath(new URL('../../bench-results/', import.meta.url));
  await mkdir(dir, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  const text = `${JSON.stringify(json, null, 2)}\n`;
  await writeFile(`${dir}${stamp}.json`, text);
  await writeFile(`${dir}latest.json`, text);
  log(`wrote bench-results/${stamp}.json and bench-results/latest.json`);
}

await main();
