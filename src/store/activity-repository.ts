import { type Sql, sqltag as sql } from '@prisma/client/runtime/client';
import type { Day } from '../domain/days.ts';
import { parseDay } from '../domain/days.ts';
import { type Metric, type MetricTotals, ZERO_TOTALS } from '../domain/metrics.ts';
import type { Tx } from './tx.ts';

/**
 * The append-only activity log and its sums. Every figure is summed by the database (SUM …
 * GROUP BY), never by loading entries into memory. The SQL is plain enough to run unchanged on
 * SQLite and PostgreSQL; identifiers are quoted because Prisma names tables in CamelCase.
 */
export type EntryKind = 'add' | 'set' | 'undo';
/** How an entry came in: `<messenger>-command|modal|button`, or the CLI and the roster import. */
export type EntrySource =
  | 'slack-command'
  | 'slack-modal'
  | 'slack-button'
  | 'dingtalk-command'
  | 'dingtalk-button'
  | 'wecom-command'
  | 'wecom-button'
  | 'cli'
  | 'import';

export type NewEntry = MetricTotals & {
  teamId: number;
  memberId: number;
  day: Day;
  kind: EntryKind;
  undoesId?: number;
  source: EntrySource;
  createdById: number;
  requestKey?: string;
};

export type EntryView = MetricTotals & { id: number; day: Day; kind: string; createdAt: Date };

type SumRow = {
  calls: unknown;
  effective: unknown;
  intents: unknown;
  followUps: unknown;
  appointments: unknown;
  visits: unknown;
  amount: unknown;
};

const ENTRY_SELECT = {
  id: true,
  day: true,
  kind: true,
  createdAt: true,
  calls: true,
  effective: true,
  intents: true,
  followUps: true,
  appointments: true,
  visits: true,
  amount: true,
} as const;

/** SQLite hands back sums as bigint, PostgreSQL as bigint or numeric text: all become numbers. */
function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const number = typeof value === 'bigint' ? Number(value) : Number(String(value));
  if (!Number.isSafeInteger(number)) throw new Error(`sum is not a safe integer: ${String(value)}`);
  return number;
}

function toTotals(row: SumRow | undefined): MetricTotals {
  if (row === undefined) return { ...ZERO_TOTALS };
  return {
    calls: toNumber(row.calls),
    effective: toNumber(row.effective),
    intents: toNumber(row.intents),
    followUps: toNumber(row.followUps),
    appointments: toNumber(row.appointments),
    visits: toNumber(row.visits),
    amount: toNumber(row.amount),
  };
}

/**
 * "day" within [from, to]. A single day is written as one: the (teamId, day, memberId) index then
 * hands the rows over in memberId order, and GROUP BY "memberId" needs no sort (a daily PK).
 */
function dayRange(from: Day, to: Day): Sql {
  return from === to ? sql`"day" = ${from}` : sql`"day" >= ${from} AND "day" <= ${to}`;
}

/**
 * The sums of `perMember` (a SELECT of "memberId" and the seven sums, one row per member), read as
 * one row of eight lists of numbers as text, one list per column, which the database builds
 * (string_agg, on PostgreSQL and on SQLite 3.44 and later). Prisma maps each raw row it returns (a
 * few µs a row), which for a team of 10,000 cost more than the query itself; eight lists of 10,000
 * numbers cost eight JSON.parse calls of about 0.1 ms (one list of 80,000 numbers parses several
 * times slower). All eight aggregates step through the same rows in the same pass, so the lists
 * line up; their lengths are checked, and the sums must be whole numbers, as in toNumber.
 */
async function perMemberSums(db: Tx, perMember: Sql): Promise<Map<number, MetricTotals>> {
  const rows = await db.$queryRaw<Array<Record<SumColumn, unknown>>>`
    SELECT string_agg(CAST("memberId" AS TEXT), ',') AS "memberId",
           string_agg(CAST("calls" AS TEXT), ',') AS "calls",
           string_agg(CAST("effective" AS TEXT), ',') AS "effective",
           string_agg(CAST("intents" AS TEXT), ',') AS "intents",
           string_agg(CAST("followUps" AS TEXT), ',') AS "followUps",
           string_agg(CAST("appointments" AS TEXT), ',') AS "appointments",
           string_agg(CAST("visits" AS TEXT), ',') AS "visits",
           string_agg(CAST("amount" AS TEXT), ',') AS "amount"
    FROM (${perMember}) "perMember"`;
  const row = rows[0];
  const list = (column: SumColumn): number[] => {
    const text = row?.[column];
    if (text === null || text === undefined) return [];
    const values: unknown = JSON.parse(`[${String(text)}]`);
    if (!Array.isArray(values) || !values.every((value) => Number.isSafeInteger(value)))
      throw new Error(`member sums of ${column} are not whole numbers`);
    return values as number[];
  };
  const memberIds = list('memberId');
  const figure = (metric: Metric): number[] => {
    const values = list(metric);
    if (values.length !== memberIds.length) throw new Error(`member sums of ${metric} do not line up`);
    return values;
  };
  const calls = figure('calls');
  const effective = figure('effective');
  const intents = figure('intents');
  const followUps = figure('followUps');
  const appointments = figure('appointments');
  const visits = figure('visits');
  const amount = figure('amount');
  const sums = new Map<number, MetricTotals>();
  memberIds.forEach((memberId, at) => {
    sums.set(memberId, {
      calls: calls[at] ?? 0,
      effective: effective[at] ?? 0,
      intents: intents[at] ?? 0,
      followUps: followUps[at] ?? 0,
      appointments: appointments[at] ?? 0,
      visits: visits[at] ?? 0,
      amount: amount[at] ?? 0,
    });
  });
  return sums;
}

type SumColumn = 'memberId' | Metric;

// A year of a member's history is 250 rows of a few hundred distinct days: each is checked once,
// not once per row (parseDay builds a Date to validate, which shows in a profile of /log).
const checkedDays = new Map<string, Day>();

function toDay(value: string): Day {
  const known = checkedDays.get(value);
  if (known !== undefined) return known;
  const day = parseDay(value);
  if (day === undefined) throw new Error(`stored day is not a day: ${value}`);
  if (checkedDays.size >= 10_000) checkedDays.clear();
  checkedDays.set(value, day);
  return day;
}

export function activityRepository(db: Tx) {
  return {
    async append(entry: NewEntry): Promise<EntryView> {
      const row = await db.activityEntry.create({ data: entry, select: ENTRY_SELECT });
      return { ...row, day: toDay(row.day) };
    },

    async entryByRequestKey(
      requestKey: string,
    ): Promise<{ id: number; memberId: number; day: Day } | undefined> {
      const row = await db.activityEntry.findUnique({
        where: { requestKey },
        select: { id: true, memberId: true, day: true },
      });
      return row === null ? undefined : { ...row, day: toDay(row.day) };
    },

    /** The member's latest add/set entry of `day` that has not been undone yet. */
    async lastUndoable(memberId: number, day: Day): Promise<EntryView | undefined> {
      const row = await db.activityEntry.findFirst({
        where: { memberId, day, kind: { in: ['add', 'set'] }, undoneBy: null },
        orderBy: { id: 'desc' },
        select: ENTRY_SELECT,
      });
      return row === null ? undefined : { ...row, day: toDay(row.day) };
    },

    /** One member's totals over [from, to] (both included). */
    async memberTotals(memberId: number, from: Day, to: Day): Promise<MetricTotals> {
      const rows = await db.$queryRaw<SumRow[]>`
        SELECT COALESCE(SUM("calls"), 0) AS "calls", COALESCE(SUM("effective"), 0) AS "effective",
               COALESCE(SUM("intents"), 0) AS "intents", COALESCE(SUM("followUps"), 0) AS "followUps",
               COALESCE(SUM("appointments"), 0) AS "appointments",
               COALESCE(SUM("visits"), 0) AS "visits", COALESCE(SUM("amount"), 0) AS "amount"
        FROM "ActivityEntry" WHERE "memberId" = ${memberId} AND "day" >= ${from} AND "day" <= ${to}`;
      return toTotals(rows[0]);
    },

    /** Totals per member of a team over [from, to]; members with no entries are absent. */
    async teamMemberTotals(teamId: number, from: Day, to: Day): Promise<Map<number, MetricTotals>> {
      return perMemberSums(
        db,
        sql`
          SELECT "memberId", SUM("calls") AS "calls", SUM("effective") AS "effective", SUM("intents") AS "intents",
                 SUM("followUps") AS "followUps", SUM("appointments") AS "appointments", SUM("visits") AS "visits", SUM("amount") AS "amount"
          FROM "ActivityEntry" WHERE "teamId" = ${teamId} AND ${dayRange(from, to)}
          GROUP BY "memberId"`,
      );
    },

    /**
     * Totals per active member of a team over [from, to] (the quarter review's population before
     * its role check); members with no entries are absent. Walks the active members in id order
     * and each one's entries by the (memberId, day) index: no sort of a quarter's rows, which the
     * team-wide range of teamMemberTotals needs.
     */
    async activeMemberTotals(teamId: number, from: Day, to: Day): Promise<Map<number, MetricTotals>> {
      return perMemberSums(
        db,
        sql`
          SELECT m."id" AS "memberId", SUM(e."calls") AS "calls", SUM(e."effective") AS "effective",
                 SUM(e."intents") AS "intents", SUM(e."followUps") AS "followUps",
                 SUM(e."appointments") AS "appointments", SUM(e."visits") AS "visits", SUM(e."amount") AS "amount"
          FROM "Member" m
          JOIN "ActivityEntry" e ON e."memberId" = m."id" AND e."day" >= ${from} AND e."day" <= ${to}
          WHERE m."teamId" = ${teamId} AND m."status" = 'active'
          GROUP BY m."id"`,
      );
    },

    /** Totals per member and day of a team over [from, to]; only (member, day) pairs with entries. */
    async teamDailyTotals(
      teamId: number,
      from: Day,
      to: Day,
    ): Promise<Array<{ memberId: number; day: Day; totals: MetricTotals }>> {
      const rows = await db.$queryRaw<Array<SumRow & { memberId: unknown; day: string }>>`
        SELECT "memberId", "day", SUM("calls") AS "calls", SUM("effective") AS "effective", SUM("intents") AS "intents",
               SUM("followUps") AS "followUps", SUM("appointments") AS "appointments", SUM("visits") AS "visits", SUM("amount") AS "amount"
        FROM "ActivityEntry" WHERE "teamId" = ${teamId} AND "day" >= ${from} AND "day" <= ${to}
        GROUP BY "memberId", "day"`;
      return rows.map((row) => ({
        memberId: toNumber(row.memberId),
        day: toDay(row.day),
        totals: toTotals(row),
      }));
    },

    /** One member's totals per day over [from, to], only days with entries. */
    async memberDailyTotals(
      memberId: number,
      from: Day,
      to: Day,
    ): Promise<Array<{ day: Day; totals: MetricTotals }>> {
      const rows = await db.$queryRaw<Array<SumRow & { day: string }>>`
        SELECT "day", SUM("calls") AS "calls", SUM("effective") AS "effective", SUM("intents") AS "intents",
               SUM("followUps") AS "followUps", SUM("appointments") AS "appointments", SUM("visits") AS "visits", SUM("amount") AS "amount"
        FROM "ActivityEntry" WHERE "memberId" = ${memberId} AND "day" >= ${from} AND "day" <= ${to}
        GROUP BY "day" ORDER BY "day"`;
      return rows.map((row) => ({ day: toDay(row.day), totals: toTotals(row) }));
    },
  };
}

export type ActivityRepository = ReturnType<typeof activityRepository>;
