import { groupBy } from '../collections.ts';
import {
  type Day,
  earlierDay,
  endOfMonth,
  endOfQuarter,
  endOfWeek,
  laterDay,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
} from '../domain/days.ts';
import { indexLeave, isOnLeave, type LeaveIndex, leaveWorkingDays } from '../domain/leave.ts';
import type { LevelCode } from '../domain/levels.ts';
import { type MetricTotals, ZERO_TOTALS } from '../domain/metrics.ts';
import {
  type GroupStanding,
  type MemberStanding,
  type NameOrder,
  nameOrderOf,
  type PkGroupInput,
  type PkWeights,
  rankGroups,
  rankMembers,
} from '../domain/pk.ts';
import { isTargetMet, missingOf, targetFor, targetsOn } from '../domain/targets.ts';
import { type CalendarSettings, countWorkingDays } from '../domain/working-days.ts';
import type { GroupView, MemberView, TeamView } from '../store/roster-repository.ts';
import { pkWeightsFrom } from '../store/settings-repository.ts';
import type { Repositories } from '../store/store.ts';

export type PkPeriod = 'day' | 'week' | 'month' | 'quarter';

export type BehindMember = {
  member: MemberView;
  totals: MetricTotals;
  missing: MetricTotals;
  logged: boolean;
};

/** A PK board: the group ranking, every competitor ranked, and (by day) who is behind target. */
export type PkBoard = {
  team: TeamView;
  period: PkPeriod;
  /** The day the board is "as of" (its last counted day). */
  day: Day;
  from: Day;
  to: Day;
  key: string;
  weights: PkWeights;
  groups: GroupStanding[];
  groupViews: readonly GroupView[];
  /** Every competitor ranked (worked out when first read: a late log's revision may not need it). */
  readonly members: MemberStanding[];
  memberViews: ReadonlyMap<number, MemberView>;
  /** Members with at least one entry in the period. */
  readonly logged: ReadonlySet<number>;
  /** Each competitor's input to the ranking (duty and totals), for rankings across teams. */
  competitors: ReadonlyArray<PkGroupInput['members'][number]>;
  /** Approved leave in the period up to the board's day, by member. */
  leave: LeaveIndex;
  /** Competitors on approved leave on the board's day, by group id, in roster order. */
  readonly onLeave: ReadonlyMap<number, readonly MemberView[]>;
  /** Daily boards: competitors behind their daily target, by group id (worked out when first read). */
  readonly behind: Map<number, BehindMember[]>;
  /**
   * Competitors who logged nothing in the period, by group id, in roster order (worked out when
   * first read: jobs ask for every group in turn, and the roster is walked once per board).
   */
  readonly notLogged: ReadonlyMap<number, readonly MemberView[]>;
  calendar: CalendarSettings;
};

/** Agents and leaders compete in the PK; managers, the director and admins do not. */
export function isCompetitor(member: MemberView, day: Day): boolean {
  return (
    (member.role === 'agent' || member.role === 'leader') && member.status !== 'left' && member.hiredOn <= day
  );
}

export function pkRange(period: PkPeriod, day: Day): { from: Day; to: Day; key: string } {
  switch (period) {
    case 'day':
      return { from: day, to: day, key: day };
    case 'week':
      return { from: startOfWeek(day), to: endOfWeek(day), key: startOfWeek(day) };
    case 'month':
      return { from: startOfMonth(day), to: endOfMonth(day), key: day.slice(0, 7) };
    case 'quarter': {
      const from = startOfQuarter(day);
      return {
        from,
        to: endOfQuarter(day),
        key: `${from.slice(0, 4)}Q${Math.ceil(Number(from.slice(5, 7)) / 3)}`,
      };
    }
  }
}

/**
 * Computes the PK of a period as of `day` with a fixed number of queries whatever the team's size
 * (roster, groups, one SUM … GROUP BY, settings, calendar): no query per group or member.
 *
 * Per-capita: a daily PK counts every competitor on duty that day as one person. A longer period
 * counts each competitor by the working days they were on duty so far (hired mid-week: 3 of 5), so
 * a group that hires is not punished for it; members who left are out of the PK. Approved leave
 * (src/domain/leave.ts) is time off duty: a member on leave today is not a person in today's PK
 * (unless they logged anyway), nor behind or not-logged; a longer PK takes their leave days off
 * their duty days (what they logged on a leave day still counts in the group's total).
 */
export async function computePkBoard(
  repos: Repositories,
  options: { teamId: number; period: PkPeriod; day: Day },
): Promise<PkBoard> {
  const { from, to, key } = pkRange(options.period, options.day);
  const [team, groups, members, sums, settings, calendar, overrides, leave] = await Promise.all([
    repos.roster.team(options.teamId),
    repos.roster.groups(options.teamId),
    repos.roster.members(options.teamId),
    repos.activity.teamMemberTotals(options.teamId, from, earlierDay(options.day, to)),
    repos.settings.teamSettings(options.teamId),
    repos.calendar.settings(options.teamId),
    // Daily boards tell who is behind their daily target.
    options.period === 'day' ? repos.settings.targetOverrides(options.teamId) : [],
    repos.leave.approvedIn(options.teamId, from, options.day),
  ]);
  const leaveIndex = indexLeave(leave);
  const awayToday = (m: MemberView) => leaveIndex.size > 0 && isOnLeave(leaveIndex, m.id, options.day);
  const weights = pkWeightsFrom(settings);
  const competitors = members.filter((m) => isCompetitor(m, options.day));
  // Members with no entries share one zero (the board only reads totals).
  const zero: MetricTotals = Object.freeze({ ...ZERO_TOTALS });
  const totalsOf = (m: MemberView) => sums.get(m.id) ?? zero;
  const periodDays =
    options.period === 'day' ? 1 : Math.max(1, countWorkingDays(from, options.day, calendar));
  // Most competitors start the period on its first day: count each distinct start once, not per
  // member (10,000 members would walk the calendar 10,000 times).
  // The same for members with leave: the period's working days from their start, counted once,
  // less their leave's working days (short spans). presentWorkingDays per member walked the whole
  // quarter for each of them: 39 % of a 10,000-member quarterly board.
  const workingDaysFrom = new Map<Day, number>();
  const dutyDays = (m: MemberView): number => {
    if (options.period === 'day') return 1;
    const start = laterDay(m.hiredOn, from);
    if (start > options.day) return 0;
    let days = workingDaysFrom.get(start);
    if (days === undefined) {
      days = countWorkingDays(start, options.day, calendar);
      workingDaysFrom.set(start, days);
    }
    return leaveIndex.has(m.id)
      ? days - leaveWorkingDays(leaveIndex, m.id, start, options.day, calendar)
      : days;
  };
  // One entry per competitor, read by both rankings; grouped in one pass (filtering the whole
  // roster per group is groups × members).
  const entries = competitors.map((m) => ({
    memberId: m.id,
    name: m.displayName,
    groupId: m.groupId,
    // A member on leave today is off duty unless they logged anyway (then they worked).
    onDuty: options.period !== 'day' || !awayToday(m) || sums.has(m.id),
    dutyDays: dutyDays(m),
    totals: totalsOf(m),
  }));
  const byGroup = groupBy(entries, (entry) => entry.groupId);
  const standings = rankGroups({
    weights,
    periodDays,
    groups: groups.map((group) => ({
      groupId: group.id,
      name: group.name,
      members: byGroup.get(group.id) ?? [],
    })),
  });
  const behindTarget = (): Map<number, BehindMember[]> => {
    if (options.period !== 'day') return new Map();
    const table = targetsOn(options.day, overrides);
    // One target per level, not one copy per member.
    const targets = new Map<LevelCode, MetricTotals>();
    const missed: BehindMember[] = [];
    for (const m of competitors) {
      if (awayToday(m)) continue;
      let target = targets.get(m.level);
      if (target === undefined) {
        target = targetFor(table, m.level, 'day');
        targets.set(m.level, target);
      }
      const totals = totalsOf(m);
      if (isTargetMet(totals, target)) continue;
      missed.push({ member: m, totals, missing: missingOf(totals, target), logged: sums.has(m.id) });
    }
    return groupBy(missed, (b) => b.member.groupId);
  };
  // The member ranking, who is behind, who logged and who did not are each worked out when first
  // read: a late log's revision reads none of them unless the standings changed.
  let ranked: MemberStanding[] | undefined;
  let behind: Map<number, BehindMember[]> | undefined;
  let logged: ReadonlySet<number> | undefined;
  let notLogged: Map<number, MemberView[]> | undefined;
  let onLeave: Map<number, MemberView[]> | undefined;
  return {
    team,
    period: options.period,
    day: options.day,
    from,
    to,
    key,
    weights,
    groups: standings,
    groupViews: groups,
    get members() {
      ranked ??= rankMembers(entries, weights, nameOrderOfRoster(members));
      return ranked;
    },
    memberViews: rosterIndex(members).byId,
    competitors: entries,
    leave: leaveIndex,
    get logged() {
      logged ??= new Set(sums.keys());
      return logged;
    },
    get onLeave() {
      onLeave ??= groupBy(competitors.filter(awayToday), (m) => m.groupId);
      return onLeave;
    },
    get behind() {
      behind ??= behindTarget();
      return behind;
    },
    get notLogged() {
      notLogged ??= groupBy(
        competitors.filter((m) => !sums.has(m.id) && !awayToday(m)),
        (m) => m.groupId,
      );
      return notLogged;
    },
    calendar,
  };
}

/**
 * What every board of one roster needs of it: its members by id and (for the member ranking) the
 * collation order of their names. The store hands out the same roster list until the roster
 * changes, so a team's boards (every /rank, every late log's revision) work this out once per
 * roster, not once per board.
 */
type RosterIndex = { byId: ReadonlyMap<number, MemberView>; names?: NameOrder };

const rosterIndexes = new WeakMap<readonly MemberView[], RosterIndex>();

function rosterIndex(members: readonly MemberView[]): RosterIndex {
  let index = rosterIndexes.get(members);
  if (index === undefined) {
    index = { byId: new Map(members.map((m) => [m.id, m])) };
    rosterIndexes.set(members, index);
  }
  return index;
}

function nameOrderOfRoster(members: readonly MemberView[]): NameOrder {
  const index = rosterIndex(members);
  index.names ??= nameOrderOf(members.map((m) => m.displayName));
  return index.names;
}

/** The winning group(s) of a board: first place with someone on duty who scored at all. */
export function pkWinners(board: PkBoard): number[] {
  return board.groups.filter((g) => g.rank === 1 && g.headcount > 0 && g.points > 0).map((g) => g.groupId);
}

/** What a posted board showed, to tell whether a late correction changes it. */
export type PkSnapshot = {
  groups: Array<{ groupId: number; rank: number; perCapita: number; points: number }>;
};

/** Competitors of a group who have logged nothing in the board's period, in roster order. */
export function notLoggedIn(board: PkBoard, groupId: number): MemberView[] {
  return [...(board.notLogged.get(groupId) ?? [])];
}

export function snapshotOf(board: PkBoard): PkSnapshot {
  return {
    groups: board.groups.map((g) => ({
      groupId: g.groupId,
      rank: g.rank,
      perCapita: g.perCapita,
      points: g.points,
    })),
  };
}
