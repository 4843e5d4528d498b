import { localDay, localMinuteOfDay } from '../clock.ts';
import { type Day, earlierDay, endOfMonth } from '../domain/days.ts';
import {
  firstDayOf,
  type GoalProgress,
  type GoalSource,
  goalProgress,
  groupGoals,
  type MonthKey,
  memberDays,
  monthOfDay,
  monthsOfYear,
  parseMonth,
  remainingWorkingDays,
  type TeamGoal,
  teamGoalFor,
} from '../domain/goals.ts';
import { indexLeave, leaveWorkingDays } from '../domain/leave.ts';
import type { MetricTotals } from '../domain/metrics.ts';
import type { CalendarSettings } from '../domain/working-days.ts';
import { DomainError } from '../errors.ts';
import { jobTimes } from '../jobs/runner.ts';
import type { GoalOverride } from '../store/goals-repository.ts';
import type { MemberView, TeamView } from '../store/roster-repository.ts';
import type { Repositories } from '../store/store.ts';
import { identifyActor, requireGroup, requireRosterAdmin, todayFor, type UseCaseDeps } from './context.ts';

/**
 * Team goals (团队目标) as the team sees them: the month's goal, how far the team and each group
 * are, and what is needed per remaining working day (src/domain/goals.ts has the rules).
 *
 * Choices the plan leaves open, made here:
 * - The team's 业绩 is everything its members logged in the month, managers' and leavers' included:
 *   a deal made is made. A group's 业绩 is its current members' (a member moved mid-month brings
 *   their month along, as on the PK board).
 * - A group's share is by the member-days of its agents and leaders over the whole month (hires
 *   from their hiring day, leavers up to their last day), less their approved leave, so a share
 *   stays put as the days pass and moves only with the roster and its leave.
 * - Today counts as a remaining working day until the team's daily PK board is due (18:00 by
 *   default): the board and everything after it read today as done.
 */
export type GroupGoalStatus = {
  groupId: number;
  name: string;
  source: 'share' | 'override';
  progress: GoalProgress;
};

export type GoalStatus = {
  month: MonthKey;
  /** The day the figures are as of (its 业绩 included). */
  day: Day;
  source: GoalSource;
  team: GoalProgress;
  groups: GroupGoalStatus[];
};

/** The team's start month: the one a manager set, else the month the team was created in. */
export async function goalStartOf(
  repos: Repositories,
  team: TeamView,
): Promise<{ start: MonthKey; set: boolean }> {
  const settings = await repos.settings.teamSettings(team.id);
  const set = settings.goalStartMonth === undefined ? undefined : parseMonth(settings.goalStartMonth);
  if (set !== undefined) return { start: set, set: true };
  return { start: monthOfDay(localDay(await repos.goals.teamCreatedAt(team.id), team.timezone)), set: false };
}

function teamOverrides(overrides: readonly GoalOverride[]): Map<MonthKey, number> {
  return new Map(overrides.filter((o) => o.groupId === undefined).map((o) => [o.month, o.amount]));
}

function isGoalCarrier(member: MemberView): boolean {
  return member.role === 'agent' || member.role === 'leader';
}

function sumAmounts(totals: ReadonlyMap<number, MetricTotals>, members?: readonly MemberView[]): number {
  if (members === undefined) {
    let sum = 0;
    for (const t of totals.values()) sum += t.amount;
    return sum;
  }
  return members.reduce((sum, m) => sum + (totals.get(m.id)?.amount ?? 0), 0);
}

/**
 * Where the month of `day` stands against its goal, with the 业绩 of the month's first day to
 * `day`; undefined when the month has no goal (before the start month, with no override). A fixed
 * number of queries whatever the team's size.
 */
export async function goalStatus(
  repos: Repositories,
  options: { teamId: number; day: Day; dayOver: boolean; calendar?: CalendarSettings },
): Promise<GoalStatus | undefined> {
  const month = monthOfDay(options.day);
  const from = firstDayOf(month);
  const to = endOfMonth(options.day);
  const team = await repos.roster.team(options.teamId);
  const [{ start }, overrides, calendar, groups, members, sums, leave] = await Promise.all([
    goalStartOf(repos, team),
    repos.goals.overrides(team.id, month, month),
    options.calendar ?? repos.calendar.settings(team.id),
    repos.roster.groups(team.id),
    repos.roster.members(team.id),
    repos.activity.teamMemberTotals(team.id, from, options.day),
    repos.leave.approvedIn(team.id, from, to),
  ]);
  // Approved leave is time off duty: a group does not carry the share of a member who is away.
  const leaveIndex = indexLeave(leave);
  const goal = teamGoalFor(month, { start, overrides: teamOverrides(overrides) });
  if (goal === undefined) return undefined;
  const remaining = remainingWorkingDays(options.day, options.dayOver, calendar);
  // Most members share a start and an end in the month: walk the calendar once per pair.
  const daysOf = new Map<string, number>();
  const dutyOf = (m: MemberView): number => {
    const key = `${m.hiredOn}|${m.leftOn ?? ''}`;
    let days = daysOf.get(key);
    if (days === undefined) {
      days = memberDays(m, from, to, calendar);
      daysOf.set(key, days);
    }
    return leaveIndex.has(m.id)
      ? Math.max(0, days - leaveWorkingDays(leaveIndex, m.id, from, to, calendar))
      : days;
  };
  const byGroup = new Map<number, MemberView[]>();
  for (const m of members) {
    if (m.groupId === null) continue;
    const list = byGroup.get(m.groupId) ?? [];
    list.push(m);
    byGroup.set(m.groupId, list);
  }
  const groupOverride = new Map(
    overrides.flatMap((o) => (o.groupId === undefined ? [] : [[o.groupId, o.amount] as const])),
  );
  const shares = groupGoals(
    goal.amount,
    groups.map((g) => {
      const days = (byGroup.get(g.id) ?? []).filter(isGoalCarrier).reduce((sum, m) => sum + dutyOf(m), 0);
      const override = groupOverride.get(g.id);
      return override === undefined
        ? { groupId: g.id, memberDays: days }
        : { groupId: g.id, memberDays: days, override };
    }),
  );
  return {
    month,
    day: options.day,
    source: goal.source,
    team: goalProgress(goal.amount, sumAmounts(sums), remaining),
    groups: groups.map((g, index) => {
      const share = shares[index];
      return {
        groupId: g.id,
        name: g.name,
        source: share?.source ?? 'share',
        progress: goalProgress(share?.amount ?? 0, sumAmounts(sums, byGroup.get(g.id) ?? []), remaining),
      };
    }),
  };
}

/** Whether the team's day is over for goals: its daily PK board is due (18:00 by default). */
async function dayIsOver(deps: UseCaseDeps, repos: Repositories, team: TeamView): Promise<boolean> {
  const [hours = 18, minutes = 0] = jobTimes(await repos.settings.teamSettings(team.id))
    ['daily-pk'].split(':')
    .map(Number);
  return localMinuteOfDay(deps.clock.now(), team.timezone) >= hours * 60 + minutes;
}

/**
 * `/stats team`: this month against the team goal, for the team and each group. Anyone on the
 * team may look (the 18:00 board shows the same to the team channel).
 */
export async function getTeamGoalStats(
  deps: UseCaseDeps,
  options: { actorId: string },
): Promise<{ today: Day; status: GoalStatus | undefined; start: MonthKey }> {
  const acting = await identifyActor(deps.store, deps, options.actorId);
  if (acting.member === undefined && !acting.actor.bootstrapAdmin) throw new DomainError('not-on-roster');
  const today = todayFor(deps, acting.team);
  const [status, { start }] = await Promise.all([
    teamGoalStatusToday(deps, acting.team),
    goalStartOf(deps.store, acting.team),
  ]);
  return { today, status, start };
}

/** This month against the team goal, as of now (what `/stats team` and the wallboard show). */
export async function teamGoalStatusToday(
  deps: UseCaseDeps,
  team: TeamView,
): Promise<GoalStatus | undefined> {
  const dayOver = await dayIsOver(deps, deps.store, team);
  return goalStatus(deps.store, { teamId: team.id, day: todayFor(deps, team), dayOver });
}

export type GoalMonth = {
  month: MonthKey;
  goal: TeamGoal | undefined;
  /** Groups with a goal of their own this month. */
  groupGoals: Array<{ name: string; amount: number }>;
  /** 业绩 of the month so far: past months and the running one; undefined for months ahead. */
  actual: number | undefined;
  state: 'met' | 'missed' | 'running' | 'ahead' | 'none';
};

export type GoalYear = { year: number; today: Day; start: MonthKey; startSet: boolean; months: GoalMonth[] };

/** `/team goal [YYYY]`: the year's twelve months, goal and source, 业绩 and met or missed. */
export async function showGoalYear(
  deps: UseCaseDeps,
  options: { actorId: string; year?: number },
): Promise<GoalYear> {
  const acting = await identifyActor(deps.store, deps, options.actorId);
  requireRosterAdmin(acting);
  const today = todayFor(deps, acting.team);
  const year = options.year ?? Number(today.slice(0, 4));
  const months = monthsOfYear(year);
  const first = months[0];
  const last = months[11];
  if (first === undefined || last === undefined) throw new Error('a year has twelve months');
  const [{ start, set }, overrides, groups] = await Promise.all([
    goalStartOf(deps.store, acting.team),
    deps.store.goals.overrides(acting.team.id, first, last),
    deps.store.roster.groups(acting.team.id),
  ]);
  const byTeam = teamOverrides(overrides);
  const names = new Map(groups.map((g) => [g.id, g.name]));
  const current = monthOfDay(today);
  const rows = await Promise.all(
    months.map(async (month): Promise<GoalMonth> => {
      const goal = teamGoalFor(month, { start, overrides: byTeam });
      const groupRows = overrides.flatMap((o) =>
        o.month === month && o.groupId !== undefined
          ? [{ name: names.get(o.groupId) ?? String(o.groupId), amount: o.amount }]
          : [],
      );
      if (month > current) return { month, goal, groupGoals: groupRows, actual: undefined, state: 'ahead' };
      const from = firstDayOf(month);
      const actual = sumAmounts(
        await deps.store.activity.teamMemberTotals(acting.team.id, from, earlierDay(endOfMonth(from), today)),
      );
      const state =
        goal === undefined
          ? 'none'
          : actual >= goal.amount
            ? 'met'
            : month === current
              ? 'running'
              : 'missed';
      return { month, goal, groupGoals: groupRows, actual, state };
    }),
  );
  return { year, today, start, startSet: set, months: rows };
}

function requireMonth(text: string): MonthKey {
  const month = parseMonth(text);
  if (month === undefined) throw new DomainError('bad-month', { month: text });
  return month;
}

/** `/team goal start 2026-10`: the month the ramp starts from (month 1: ¥1,000,000). */
export async function setGoalStart(
  deps: UseCaseDeps,
  options: { actorId: string; month: string },
): Promise<{ start: MonthKey }> {
  const start = requireMonth(options.month);
  return deps.store.transaction(async (repos) => {
    const acting = await identifyActor(repos, deps, options.actorId);
    requireRosterAdmin(acting);
    const settings = await repos.settings.teamSettings(acting.team.id);
    await repos.settings.saveTeamSettings(acting.team.id, { ...settings, goalStartMonth: start });
    await repos.audit.append({
      teamId: acting.team.id,
      actor: options.actorId,
      action: 'goal.start',
      detail: { month: start, previous: settings.goalStartMonth ?? null },
    });
    return { start };
  });
}

/** The largest goal a row holds (a 32-bit integer on PostgreSQL): ¥2,000,000,000. */
export const MAX_GOAL_YUAN = 2_000_000_000;

/**
 * `/team goal 2027-01 300万` or `/team goal 2027-01 一组 50万`: a month's goal, replacing any before.
 * `previous` is the team's goal in force before (override or ramp), or the group's own goal.
 */
export async function setGoal(
  deps: UseCaseDeps,
  options: { actorId: string; month: string; groupName: string | undefined; amount: number },
): Promise<{ month: MonthKey; groupName: string | undefined; amount: number; previous: number | undefined }> {
  const month = requireMonth(options.month);
  if (!Number.isSafeInteger(options.amount) || options.amount <= 0 || options.amount > MAX_GOAL_YUAN)
    throw new DomainError('bad-goal-amount', { amount: String(options.amount) });
  return deps.store.transaction(async (repos) => {
    const acting = await identifyActor(repos, deps, options.actorId);
    requireRosterAdmin(acting);
    const group =
      options.groupName === undefined
        ? undefined
        : await requireGroup(repos, acting.team.id, options.groupName);
    const before = await repos.goals.overrides(acting.team.id, month, month);
    const previous = before.find((o) => o.groupId === group?.id)?.amount;
    // What the team had for the month before this change (its override, else the ramp), to say so.
    const inForce =
      group === undefined
        ? teamGoalFor(month, {
            start: (await goalStartOf(repos, acting.team)).start,
            overrides: teamOverrides(before),
          })?.amount
        : previous;
    await repos.goals.setOverride(
      acting.team.id,
      { month, groupId: group?.id, amount: options.amount },
      options.actorId,
    );
    await repos.audit.append({
      teamId: acting.team.id,
      actor: options.actorId,
      action: 'goal.set',
      detail: { month, group: group?.name ?? null, amount: options.amount, previous: previous ?? null },
    });
    return { month, groupName: group?.name, amount: options.amount, previous: inForce };
  });
}

/**
 * `/team goal 2027-01 clear` (or `… 一组 clear`): removes a month's override; the team goes back to
 * the ramp, a group to its share. Says what applies now.
 */
export async function clearGoal(
  deps: UseCaseDeps,
  options: { actorId: string; month: string; groupName: string | undefined },
): Promise<{ month: MonthKey; groupName: string | undefined; removed: boolean; now: TeamGoal | undefined }> {
  const month = requireMonth(options.month);
  return deps.store.transaction(async (repos) => {
    const acting = await identifyActor(repos, deps, options.actorId);
    requireRosterAdmin(acting);
    const group =
      options.groupName === undefined
        ? undefined
        : await requireGroup(repos, acting.team.id, options.groupName);
    const removed = await repos.goals.removeOverride(acting.team.id, month, group?.id);
    if (removed) {
      await repos.audit.append({
        teamId: acting.team.id,
        actor: options.actorId,
        action: 'goal.clear',
        detail: { month, group: group?.name ?? null },
      });
    }
    const { start } = await goalStartOf(repos, acting.team);
    const now = teamGoalFor(month, {
      start,
      overrides: teamOverrides(await repos.goals.overrides(acting.team.id, month, month)),
    });
    return { month, groupName: group?.name, removed, now };
  });
}
