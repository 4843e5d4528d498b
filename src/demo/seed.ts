import { startOfLocalDay } from '../clock.ts';
import { addDays, type Day, endOfMonth, parseDay, startOfMonth, startOfWeek } from '../domain/days.ts';
import type { MetricTotals } from '../domain/metrics.ts';
import { lastWorkingDayOfMonth, lastWorkingDayOfWeek, workingDaysBetween } from '../domain/working-days.ts';
import { calendarRepository } from '../store/calendar-repository.ts';
import type { Db, DbTransaction } from '../store/client.ts';
import type { MessengerName } from '../store/messengers.ts';
import { createStore, type Store } from '../store/store.ts';
import { computePkBoard, pkWinners } from '../usecases/compute-pk.ts';
import {
  DEFAULT_AGENTS_PER_GROUP,
  DEMO_KEY,
  type DemoPerson,
  dayOfWork,
  demoTeamChannel,
  monthsBefore,
  planTeam,
} from './plan.ts';
import { between, chance, type Random, seededRandom } from './random.ts';

/**
 * Fills an empty store with a realistic team, so that `/rank`, `/stats` and the jobs show real-looking
 * results at once (the playground, `zhanbao demo seed`, benchmarks). Writes go straight to the
 * tables, like an import: the use cases would take minutes for a year of a large team, and nothing
 * here is a user's action to check. Rows go in batches (createMany in chunks for the roster,
 * multi-row INSERTs for the activity, see writeActivity), inside one transaction, so a failure
 * leaves the store as it was.
 */
export type DemoSize = { groups: number; agentsPerGroup: number };

export type SeedDemoOptions = {
  /** The messenger the demo team works in: its store (createStore) is the one that sees it. */
  messenger: MessengerName;
  /** Activity is written for the working days before this day (today stays empty, to be logged). */
  today: Day;
  /** Default: three groups (一组, 二组, 三组) with 25 agents between them (9, 8 and 8). */
  size?: DemoSize;
  /** Default: a fixed seed, so every machine gets the same team. */
  random?: Random;
  /** Months of history before `today`; default 2. */
  months?: number;
  /** The team to create when the store has none yet; an existing (empty) team is filled instead. */
  team?: { name: string; timezone: string; locale: string };
  /**
   * A further branch (分部) beside the teams already there: a new team of `team`'s name, with ids
   * of its own (demoKey). The store's other teams are left as they are; a team of that name must
   * not exist yet. Without it the demo goes into an empty store's first team.
   */
  branch?: boolean;
  /**
   * Record each finished week's and month's winning group (for `/rank wins`), as the weekly and
   * monthly jobs would have; default true. A benchmark of a huge team may skip it.
   */
  recordWinners?: boolean;
};

export type DemoSummary = {
  teamId: number;
  teamChannelId: string;
  groups: Array<{ id: number; name: string; channelId: string; leader: string }>;
  /** Messenger user ids by role, in roster order. */
  people: { director: string; managers: string[]; leaders: string[]; agents: string[]; probation: string[] };
  entries: number;
  from: Day;
  to: Day;
};

/** The seed of the default demo: the day this feature was written. */
export const DEMO_SEED = 20261127;

/** Rows per statement: createMany binds about 12 parameters a row, under SQLite's 32,766. */
const CHUNK = 1000;

const DEFAULT_TEAM = { name: '电销团队', timezone: 'Asia/Shanghai', locale: 'zh-CN' };

export async function seedDemo(db: Db, options: SeedDemoOptions): Promise<DemoSummary> {
  const agentsPerGroup = agentsPerGroupOf(options.size);
  const totalAgents = agentsPerGroup.reduce((sum, n) => sum + n, 0);
  // Two on probation in the 25-agent team, the same share in a team of any other size.
  const probation = options.size === undefined ? 2 : Math.max(1, Math.round((totalAgents * 2) / 25));
  const random = options.random ?? seededRandom(DEMO_SEED);
  const from = monthsBefore(options.today, options.months ?? 2);
  const to = addDays(options.today, -1);

  const written = await db.$transaction(
    async (tx) => {
      const team =
        options.branch === true
          ? await newBranch(tx, options.messenger, options.team)
          : await firstTeam(tx, options.messenger, options.team);
      const key = options.branch === true ? demoKey(team.id) : DEMO_KEY;
      const plan = planTeam(random, { today: options.today, agentsPerGroup, probation, key });
      await tx.team.update({ where: { id: team.id }, data: { pkChannelId: demoTeamChannel(key) } });
      const groupIds = await writeGroups(tx, team.id, plan.groups);
      const memberIds = await writeMembers(tx, options.messenger, team, plan.people, groupIds);
      const calendar = await calendarRepository(tx).settings(team.id);
      const entries = await writeActivity(tx, {
        teamId: team.id,
        people: plan.people,
        memberIds,
        days: workingDaysBetween(from, to, calendar),
        random,
      });
      await tx.auditEvent.create({
        data: {
          teamId: team.id,
          actor: 'system',
          action: 'demo.seeded',
          detail: JSON.stringify({
            members: plan.people.length,
            groups: plan.groups.length,
            entries,
            from,
            to,
          }),
        },
      });
      return { teamId: team.id, groupIds, calendar, entries, plan, key };
    },
    // A year of a thousand groups is millions of rows: far longer than an interactive request.
    { maxWait: 10_000, timeout: 30 * 60_000 },
  );

  if (options.recordWinners !== false)
    await recordPastWinners(createStore(db, options.messenger), written.teamId, from, options.today);

  const { plan } = written;
  const refs = (role: DemoPerson['role'], status?: DemoPerson['status']) =>
    plan.people
      .filter((p) => p.role === role && (status === undefined || p.status === status))
      .map((p) => p.ref);
  return {
    teamId: written.teamId,
    teamChannelId: demoTeamChannel(written.key),
    groups: plan.groups.map((group, index) => ({
      id: written.groupIds[index] ?? -1,
      name: group.name,
      channelId: group.channelId,
      leader: plan.people.find((p) => p.role === 'leader' && p.group === index)?.ref ?? '',
    })),
    people: {
      director: refs('director')[0] ?? '',
      managers: refs('manager'),
      leaders: refs('leader'),
      agents: refs('agent'),
      probation: refs('agent', 'probation'),
    },
    entries: written.entries,
    from,
    to,
  };
}

/** The key of a further branch's ids: `DEMOB` and its team id (UDEMOB200001, CDEMOB2PK). */
export function demoKey(teamId: number): string {
  return `DEMOB${teamId}`;
}

/** An empty store's first team (created when there is none): the default demo's place. */
async function firstTeam(tx: DbTransaction, messenger: MessengerName, team: SeedDemoOptions['team']) {
  const existing = await tx.member.count({ where: { messenger } });
  if (existing > 0) {
    throw new Error(
      `seedDemo: the roster already has ${existing} member(s); the demo team is only written into an empty store (or as a new branch)`,
    );
  }
  return (
    (await tx.team.findFirst({ where: { messenger }, orderBy: { id: 'asc' }, select: TEAM_IDS })) ??
    (await tx.team.create({ data: { ...(team ?? DEFAULT_TEAM), messenger }, select: TEAM_IDS }))
  );
}

async function newBranch(tx: DbTransaction, messenger: MessengerName, team: SeedDemoOptions['team']) {
  if (team === undefined) throw new Error('seedDemo: a new branch needs its team name');
  if ((await tx.team.count({ where: { messenger, name: team.name } })) > 0)
    throw new Error(`seedDemo: a team called "${team.name}" exists already`);
  return tx.team.create({ data: { ...team, messenger }, select: TEAM_IDS });
}

const TEAM_IDS = { id: true, timezone: true } as const;

function agentsPerGroupOf(size: DemoSize | undefined): readonly number[] {
  if (size === undefined) return DEFAULT_AGENTS_PER_GROUP;
  const { groups, agentsPerGroup } = size;
  if (!Number.isInteger(groups) || groups < 1 || !Number.isInteger(agentsPerGroup) || agentsPerGroup < 1) {
    throw new Error(`seedDemo: size needs whole numbers of at least 1, got ${groups} × ${agentsPerGroup}`);
  }
  return Array.from({ length: groups }, () => agentsPerGroup);
}

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/** Creates the groups and returns their ids in plan order. */
async function writeGroups(
  tx: DbTransaction,
  teamId: number,
  groups: ReadonlyArray<{ name: string; channelId: string }>,
): Promise<number[]> {
  await inChunks(groups, (chunk) =>
    tx.group.createMany({ data: chunk.map((g) => ({ teamId, name: g.name, channelId: g.channelId })) }),
  );
  const rows = await tx.group.findMany({ where: { teamId }, select: { id: true, name: true } });
  const byName = new Map(rows.map((row) => [row.name, row.id]));
  return groups.map((g) => byName.get(g.name) ?? -1);
}

/** Creates the members and their first level, makes the leaders lead; returns ids by ref. */
async function writeMembers(
  tx: DbTransaction,
  messenger: MessengerName,
  { id: teamId, timezone }: { id: number; timezone: string },
  people: readonly DemoPerson[],
  groupIds: readonly number[],
): Promise<Map<string, number>> {
  await inChunks(people, (chunk) =>
    tx.member.createMany({
      data: chunk.map((p) => ({
        teamId,
        messenger,
        messengerUserId: p.ref,
        displayName: p.name,
        role: p.role,
        status: p.status,
        groupId: p.group === null ? null : (groupIds[p.group] ?? null),
        level: p.level,
        hiredOn: p.hiredOn,
        joinedOn: p.joinedOn,
        // Unknown, as for an imported roster: the messenger's own language setting decides.
        locale: null,
      })),
    }),
  );
  const rows = await tx.member.findMany({ where: { teamId }, select: { id: true, messengerUserId: true } });
  const ids = new Map(rows.map((row) => [row.messengerUserId, row.id]));
  await inChunks(people, (chunk) =>
    tx.levelChange.createMany({
      data: chunk.map((p) => ({
        memberId: ids.get(p.ref) ?? -1,
        fromLevel: null,
        toLevel: p.level,
        reason: 'hired',
        at: startOfLocalDay(p.hiredOn, timezone),
      })),
    }),
  );
  // One statement for every group, whatever their number; plain SQL that both providers run.
  await tx.$executeRaw`
    UPDATE "Group" SET "leaderId" = (
      SELECT "id" FROM "Member" WHERE "Member"."groupId" = "Group"."id" AND "Member"."role" = 'leader'
    ) WHERE "teamId" = ${teamId}`;
  return ids;
}

/**
 * One entry per person and working day they were on the team (some days away), streamed out in
 * chunks so that a year of a large team never sits in memory at once.
 *
 * Why a multi-row INSERT and not createMany: with Prisma 7's query interpreter, createMany writes
 * about 3,000 rows a second here, and a year of a thousand groups is two million rows (ten
 * minutes); the same rows as bound parameters of a raw INSERT go at about 20,000 a second, and as
 * literals at about 95,000 (twenty seconds). Literals are safe here only because every value is
 * either a checked safe integer, a checked Day or a constant of this file (see `literalRow`).
 */
async function writeActivity(
  tx: DbTransaction,
  input: {
    teamId: number;
    people: readonly DemoPerson[];
    memberIds: ReadonlyMap<string, number>;
    days: readonly Day[];
    random: Random;
  },
): Promise<number> {
  let rows: string[] = [];
  let count = 0;
  const flush = async () => {
    if (rows.length === 0) return;
    await tx.$executeRawUnsafe(`${INSERT_ENTRIES} ${rows.join(',')}`);
    count += rows.length;
    rows = [];
  };
  // Leave draws from its own source, so the figures of every other day stay what they were.
  const leaveRandom = seededRandom(LEAVE_SEED);
  const leave: Array<{ memberId: number; ref: string; days: Day[] }> = [];
  for (const person of input.people) {
    if (person.role !== 'agent' && person.role !== 'leader') continue;
    const memberId = input.memberIds.get(person.ref);
    if (memberId === undefined) continue;
    let away = 0;
    for (const day of input.days) {
      if (day < person.hiredOn) continue;
      // Drawn on every day, used or not: the stream of figures does not depend on leave.
      const figures = dayOfWork(input.random, person);
      if (away === 0 && chance(leaveRandom, LEAVE_ODDS)) {
        away = between(leaveRandom, 1, 3);
        leave.push({ memberId, ref: person.ref, days: [] });
      }
      if (away > 0) {
        away -= 1;
        leave.at(-1)?.days.push(day);
        continue;
      }
      if (figures === undefined) continue;
      rows.push(literalRow(input.teamId, memberId, day, figures));
      if (rows.length >= CHUNK) await flush();
    }
  }
  await flush();
  await writeLeave(tx, input.teamId, leave, leaveRandom);
  return count;
}

/** A member starts a leave on about one working day in a hundred: 1 to 3 working days, approved. */
const LEAVE_ODDS = 0.01;
const LEAVE_SEED = 20261203;
const LEAVE_TYPES = ['sick', 'personal', 'annual', 'compensatory'] as const;

async function writeLeave(
  tx: DbTransaction,
  teamId: number,
  leave: ReadonlyArray<{ memberId: number; ref: string; days: Day[] }>,
  random: Random,
): Promise<void> {
  const rows = leave.flatMap(({ memberId, ref, days }) => {
    const [fromDay, toDay] = [days[0], days.at(-1)];
    if (fromDay === undefined || toDay === undefined) return [];
    const type = LEAVE_TYPES[between(random, 0, LEAVE_TYPES.length - 1)] ?? 'personal';
    return [{ teamId, memberId, fromDay, toDay, type, status: 'approved', requestedBy: ref, decidedBy: ref }];
  });
  for (let at = 0; at < rows.length; at += CHUNK)
    await tx.leave.createMany({ data: rows.slice(at, at + CHUNK) });
}

const INSERT_ENTRIES = `INSERT INTO "ActivityEntry" ("teamId", "memberId", "day", "calls", "effective", "intents",
  "followUps", "appointments", "amount", "kind", "source", "createdById") VALUES`;

/** One VALUES row; throws rather than write anything that is not a safe integer or a Day. */
function literalRow(teamId: number, memberId: number, day: Day, figures: MetricTotals): string {
  if (parseDay(day) !== day) throw new Error(`seedDemo: not a day: ${day}`);
  const numbers = [
    teamId,
    memberId,
    figures.calls,
    figures.effective,
    figures.intents,
    figures.followUps,
    figures.appointments,
    figures.amount,
  ];
  if (!numbers.every(Number.isSafeInteger))
    throw new Error(`seedDemo: not whole numbers: ${numbers.join(',')}`);
  const [team, member, ...metrics] = numbers;
  return `(${team}, ${member}, '${day}', ${metrics.join(', ')}, 'add', 'import', ${member})`;
}

/** The winners of every finished week and month of the history, as the period jobs record them. */
async function recordPastWinners(store: Store, teamId: number, from: Day, today: Day): Promise<void> {
  const calendar = await store.calendar.settings(teamId);
  for (let week = startOfWeek(from); week < today; week = addDays(week, 7)) {
    const last = lastWorkingDayOfWeek(week, calendar);
    if (week < from || last === undefined || last >= today) continue;
    const board = await computePkBoard(store, { teamId, period: 'week', day: last });
    await store.pk.recordWinners(teamId, 'week', board.key, pkWinners(board));
  }
  for (let month = startOfMonth(from); month < today; month = addDays(endOfMonth(month), 1)) {
    const last = lastWorkingDayOfMonth(month, calendar);
    if (month < from || last === undefined || last >= today) continue;
    const board = await computePkBoard(store, { teamId, period: 'month', day: last });
    await store.pk.recordWinners(teamId, 'month', board.key, pkWinners(board));
  }
}
