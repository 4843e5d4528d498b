/**
 * Ranking at scale: a year of a 10,000-agent team (seeded once per store), the bot's PK boards
 * (day, month, quarter) and the quarter review, each timed in alternation with its floor: one
 * hand-written SQL aggregate run through the raw driver (better-sqlite3 or pg, no Prisma).
 */
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { seedDemo } from '../../src/demo/seed.ts';
import { addDays, type Day, startOfMonth, startOfQuarter } from '../../src/domain/days.ts';
import { DEFAULT_PK_WEIGHTS, PK_AMOUNT_UNIT_CNY } from '../../src/domain/pk.ts';
import { quarterContaining } from '../../src/domain/quarter-review.ts';
import { lastWorkingDayOfMonth, previousWorkingDay } from '../../src/domain/working-days.ts';
import type { Database } from '../../src/store/client.ts';
import { sqlitePathOf } from '../../src/store/migrate.ts';
import { createStore } from '../../src/store/store.ts';
import { computePkBoard } from '../../src/usecases/compute-pk.ts';
import { judgeQuarter } from '../../src/usecases/quarter-review.ts';
import { median, timePaired } from './measure.ts';

export type RankingSize = { groups: number; agentsPerGroup: number; months: number };

export type Paired = { botMs: number; floorMs: number; ratio: number; runs: number };

export type RankingResult = {
  teamId: number;
  size: RankingSize;
  seed: { ms: number; rows: number; entries: number; rowsPerSecond: number; members: number };
  days: { day: Day; month: Day; quarter: Day };
  day: Paired;
  month: Paired;
  quarter: Paired;
  review: Paired & { judged: number };
  /** The bot's daily group ranking equals the SQL's: same order, same per-capita (0.1). */
  check: RankingCheck;
};

type Query = (sql: string, params: readonly (string | number)[]) => Promise<Array<Record<string, unknown>>>;

/** The raw driver on the store's URL: `?` placeholders become `$n` for PostgreSQL. */
async function rawDriver(database: Database, url: string): Promise<{ query: Query; close(): Promise<void> }> {
  if (database.provider === 'sqlite') {
    const file = new BetterSqlite3(sqlitePathOf(url), { readonly: true });
    const statements = new Map<string, BetterSqlite3.Statement>();
    return {
      async query(sql, params) {
        let statement = statements.get(sql);
        if (statement === undefined) {
          statement = file.prepare(sql);
          statements.set(sql, statement);
        }
        return statement.all(...params) as Array<Record<string, unknown>>;
      },
      close: async () => {
        file.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async query(sql, params) {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      return (await client.query(text, [...params])).rows;
    },
    close: () => client.end(),
  };
}

/** Scaled points (× 10,000, as src/domain/pk.ts holds them) of one entry row, in SQL. */
const POINTS_SQL = (() => {
  const w = DEFAULT_PK_WEIGHTS;
  const counts = [
    `"calls" * ${w.calls}`,
    `"effective" * ${w.effective}`,
    `"intents" * ${w.intents}`,
    `"followUps" * ${w.followUps}`,
    `"appointments" * ${w.appointments}`,
  ].join(' + ');
  return `(${counts}) * ${PK_AMOUNT_UNIT_CNY} + "amount" * ${w.amount}`;
})();

/**
 * The whole group ranking of [from, to] in one statement: per group, the competitors on duty on
 * `to` (agents and leaders who have not left, hired by then, and not on approved leave on `to`
 * unless they logged anyway) and their points, per-capita points
 * descending, then 业绩 and intents. For one day this is exactly the bot's daily PK.
 */
const GROUP_RANKING_SQL = `
  SELECT g."id" AS "groupId", COUNT(m."id") AS "headcount", COALESCE(SUM(s."points"), 0) AS "points",
         COALESCE(SUM(s."amount"), 0) AS "amount", COALESCE(SUM(s."intents"), 0) AS "intents"
  FROM "Group" g
  LEFT JOIN "Member" m ON m."groupId" = g."id" AND m."role" IN ('agent', 'leader')
       AND m."status" <> 'left' AND m."hiredOn" <= ?
       AND (NOT EXISTS (SELECT 1 FROM "Leave" l WHERE l."memberId" = m."id" AND l."status" = 'approved'
                        AND l."fromDay" <= ? AND l."toDay" >= ?)
            OR EXISTS (SELECT 1 FROM "ActivityEntry" a WHERE a."memberId" = m."id" AND a."day" >= ? AND a."day" <= ?))
  LEFT JOIN (
    SELECT "memberId", SUM(${POINTS_SQL}) AS "points", SUM("amount") AS "amount", SUM("intents") AS "intents"
    FROM "ActivityEntry" WHERE "teamId" = ? AND "day" >= ? AND "day" <= ?
    GROUP BY "memberId"
  ) s ON s."memberId" = m."id"
  WHERE g."teamId" = ?
  GROUP BY g."id"
  ORDER BY COALESCE(SUM(s."points"), 0) * 1.0 / NULLIF(COUNT(m."id"), 0) DESC NULLS LAST,
           COALESCE(SUM(s."amount"), 0) DESC, COALESCE(SUM(s."intents"), 0) DESC, g."id"`;

/** Per judged member (active agents and leaders), the quarter's sums: the review's input. */
const QUARTER_SUMS_SQL = `
  SELECT m."id", m."level", SUM(e."amount") AS "amount", SUM(e."intents") AS "intents",
         SUM(e."effective") AS "effective", SUM(e."calls") AS "calls", SUM(e."followUps") AS "followUps",
         SUM(e."appointments") AS "appointments"
  FROM "Member" m JOIN "ActivityEntry" e ON e."memberId" = m."id" AND e."day" >= ? AND e."day" <= ?
  WHERE m."teamId" = ? AND m."status" = 'active' AND m."role" IN ('agent', 'leader')
  GROUP BY m."id", m."level"`;

const big = (value: unknown): bigint => BigInt(String(value ?? 0));

/** n / d to one decimal, half away from zero, as src/domain/pk.ts rounds per-capita points. */
function perCapitaTenths(points: bigint, headcount: bigint): number {
  if (headcount === 0n) return 0;
  const n = points * 10n;
  const d = headcount * BigInt(PK_AMOUNT_UNIT_CNY);
  const magnitude = (2n * (n < 0n ? -n : n) + d) / (2n * d);
  return Number(n < 0n ? -magnitude : magnitude) / 10;
}

export type RankingCheck = {
  groups: number;
  sameOrder: boolean;
  samePerCapita: boolean;
  /** Groups sharing a place with another (equal on per-capita points, 业绩 and intents). */
  tied: number;
  firstDifference?: string;
};

type SqlStanding = { groupId: number; points: bigint; headcount: bigint; amount: bigint; intents: bigint };

function compareRankings(
  bot: ReadonlyArray<{ groupId: number; perCapita: number }>,
  sql: readonly SqlStanding[],
): RankingCheck {
  // Equal standings: per-capita compared exactly (cross-multiplied), then 业绩 and intents.
  const same = (a: SqlStanding, b: SqlStanding) =>
    a.points * b.headcount === b.points * a.headcount && a.amount === b.amount && a.intents === b.intents;
  let sameOrder = bot.length === sql.length;
  let samePerCapita = sameOrder;
  let tied = 0;
  let firstDifference: string | undefined;
  for (let start = 0; start < sql.length; ) {
    let end = start + 1;
    const first = sql[start];
    while (first !== undefined && end < sql.length && same(first, sql[end] ?? first)) end += 1;
    if (end - start > 1) tied += end - start;
    const sqlIds = new Set(sql.slice(start, end).map((g) => g.groupId));
    for (let place = start; place < end; place += 1) {
      const standing = bot[place];
      const row = sql[place];
      const perCapita = row === undefined ? Number.NaN : perCapitaTenths(row.points, row.headcount);
      const orderOk = standing !== undefined && sqlIds.has(standing.groupId);
      const perCapitaOk = standing?.perCapita === perCapita;
      if (!orderOk) sameOrder = false;
      if (!perCapitaOk) samePerCapita = false;
      if (firstDifference === undefined && (!orderOk || !perCapitaOk))
        firstDifference = `place ${place + 1}: bot group ${standing?.groupId} ${standing?.perCapita}, SQL group ${row?.groupId} ${perCapita}`;
    }
    start = end;
  }
  return {
    groups: bot.length,
    sameOrder,
    samePerCapita,
    tied,
    ...(firstDifference === undefined ? {} : { firstDifference }),
  };
}

export async function benchRanking(
  database: Database,
  url: string,
  options: {
    today: Day;
    size: RankingSize;
    runs: number;
    log: (line: string) => void;
  },
): Promise<RankingResult> {
  const { today, size } = options;
  options.log(`seeding ${size.groups} groups × ${size.agentsPerGroup} agents, ${size.months} months…`);
  const seedStarted = performance.now();
  const seeded = await seedDemo(database.prisma, {
    messenger: 'slack',
    today,
    size: { groups: size.groups, agentsPerGroup: size.agentsPerGroup },
    months: size.months,
    recordWinners: false,
  });
  const seedMs = performance.now() - seedStarted;
  // PostgreSQL's autovacuum vacuums and analyzes a freshly loaded table within a minute or so; the
  // benchmark does it at once, so that the bot and the floor run on the plans (and index-only
  // scans) of a live server. SQLite has no such daemon and the bot never runs ANALYZE.
  if (database.provider === 'postgresql') await database.prisma.$executeRawUnsafe('VACUUM ANALYZE');
  const members = await database.prisma.member.count();
  const groups = await database.prisma.group.count();
  // Members, their first level, groups, entries and the audit event.
  const rows = members * 2 + groups + seeded.entries + 1;
  options.log(`seeded ${seeded.entries} entries in ${(seedMs / 1000).toFixed(1)} s`);

  const store = createStore(database.prisma, 'slack');
  const teamId = seeded.teamId;
  const calendar = await store.calendar.settings(teamId);
  const day = previousWorkingDay(today, calendar);
  // The monthly and quarterly PK as their jobs compute them: on the last working day of the last
  // whole month and quarter before today.
  const lastMonth = lastWorkingDayOfMonth(addDays(startOfMonth(today), -1), calendar);
  const quarterDay = lastWorkingDayOfMonth(addDays(startOfQuarter(today), -1), calendar);
  if (lastMonth === undefined || quarterDay === undefined) throw new Error('no working day found');
  const quarter = quarterContaining(quarterDay);

  const raw = await rawDriver(database, url);
  try {
    const ranking = (from: Day, to: Day) =>
      raw.query(GROUP_RANKING_SQL, [to, to, to, from, to, teamId, from, to, teamId]);
    const pair = async (bot: () => Promise<unknown>, floor: () => Promise<unknown>): Promise<Paired> => {
      const times = await timePaired(bot, floor, { warmup: 1, runs: options.runs });
      const botMs = median(times.a);
      const floorMs = median(times.b);
      return { botMs, floorMs, ratio: botMs / floorMs, runs: options.runs };
    };
    const board = (period: 'day' | 'month' | 'quarter', asOf: Day) => () =>
      computePkBoard(store, { teamId, period, day: asOf });

    options.log('ranking: daily PK');
    const dayResult = await pair(board('day', day), () => ranking(day, day));
    options.log('ranking: monthly PK');
    const monthResult = await pair(board('month', lastMonth), () =>
      ranking(startOfMonth(lastMonth), lastMonth),
    );
    options.log('ranking: quarterly PK');
    const quarterResult = await pair(board('quarter', quarterDay), () => ranking(quarter.from, quarterDay));
    options.log('ranking: quarter review');
    const review = await pair(
      () => judgeQuarter(store, teamId, quarter),
      () => raw.query(QUARTER_SUMS_SQL, [quarter.from, quarter.to, teamId]),
    );
    const judged = (await judgeQuarter(store, teamId, quarter)).results.length;

    // The check: the bot's daily ranking against the SQL's, place by place. Groups equal on
    // per-capita points, 业绩 and intents share a place; the bot lists them by name (zh-CN
    // collation), which SQL cannot do portably, so within such a tie only the set must match.
    const botBoard = await computePkBoard(store, { teamId, period: 'day', day });
    const check = compareRankings(
      botBoard.groups,
      (await ranking(day, day)).map((row) => ({
        groupId: Number(row.groupId),
        points: big(row.points),
        headcount: big(row.headcount),
        amount: big(row.amount),
        intents: big(row.intents),
      })),
    );

    return {
      teamId,
      size,
      seed: {
        ms: seedMs,
        rows,
        entries: seeded.entries,
        rowsPerSecond: rows / (seedMs / 1000),
        members,
      },
      days: { day, month: lastMonth, quarter: quarterDay },
      day: dayResult,
      month: monthResult,
      quarter: quarterResult,
      review: { ...review, judged },
      check,
    };
  } finally {
    await raw.close();
  }
}
