/**
 * Team goals (团队目标): the team's monthly 业绩 goal, each group's share of it, and what is needed
 * per remaining working day to make it. Pure: months, days, the calendar and the figures come in.
 *
 * Money is integer yuan throughout. A month is "YYYY-MM" (a MonthKey); the team's own calendar
 * (working-days.ts) decides which days count.
 */
import { addDays, type Day, earlierDay, endOfMonth, laterDay, parseDay } from './days.ts';
import { type CalendarSettings, countWorkingDays } from './working-days.ts';

/** "YYYY-MM", as parsed by parseMonth. */
export type MonthKey = string & { readonly __month: unique symbol };

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A valid "YYYY-MM" (month 01-12), else undefined. */
export function parseMonth(text: string): MonthKey | undefined {
  // The only cast: a string that matched the pattern is a MonthKey.
  return MONTH_PATTERN.test(text) ? (text as MonthKey) : undefined;
}

/** The month a day falls in. */
export function monthOfDay(day: Day): MonthKey {
  return day.slice(0, 7) as MonthKey;
}

/** The first day of a month. */
export function firstDayOf(month: MonthKey): Day {
  const day = parseDay(`${month}-01`);
  if (day === undefined) throw new RangeError(`not a month: ${month}`);
  return day;
}

/** The month `count` months after `month` (negative: before). */
export function addMonths(month: MonthKey, count: number): MonthKey {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}` as MonthKey;
}

/** Whole months from `from` to `to` (0 for the same month, negative when `to` is earlier). */
export function monthsBetween(from: MonthKey, to: MonthKey): number {
  const index = (m: MonthKey) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return index(to) - index(from);
}

/** The twelve months of a calendar year, January first. */
export function monthsOfYear(year: number): MonthKey[] {
  const january = parseMonth(`${String(year).padStart(4, '0')}-01`);
  if (january === undefined) throw new RangeError(`not a year: ${year}`);
  return Array.from({ length: 12 }, (_, i) => addMonths(january, i));
}

/**
 * The plan's ramp (初期产能 / 目标业绩): "第一个月完成贷款100万，第二个月完成贷款300万，第三个月完成
 * 贷款600万。团队成熟后的目标每月3000万。" The plan names no step between month 3 and maturity, so
 * month 4 on is mature (¥30,000,000).
 */
export const GOAL_RAMP_YUAN: readonly number[] = [1_000_000, 3_000_000, 6_000_000];
export const MATURE_GOAL_YUAN = 30_000_000;

/**
 * The ramp's goal for `month` of a team that started in `start` (the start month is month 1);
 * undefined for months before the start.
 */
export function rampGoal(start: MonthKey, month: MonthKey): number | undefined {
  const index = monthsBetween(start, month);
  if (index < 0) return undefined;
  return GOAL_RAMP_YUAN[index] ?? MATURE_GOAL_YUAN;
}

export type GoalSource = 'ramp' | 'override';

export type TeamGoal = { amount: number; source: GoalSource };

/**
 * The team's goal for a month: a manager's override for that month wins (even before the start
 * month: a manager who sets a goal means it); else the ramp from the start month; else none.
 */
export function teamGoalFor(
  month: MonthKey,
  settings: { start: MonthKey; overrides: ReadonlyMap<MonthKey, number> },
): TeamGoal | undefined {
  const override = settings.overrides.get(month);
  if (override !== undefined) return { amount: override, source: 'override' };
  const ramp = rampGoal(settings.start, month);
  return ramp === undefined ? undefined : { amount: ramp, source: 'ramp' };
}

/**
 * Member-days of one member in [from, to] on the team's calendar: the working days from their
 * hiring day (or `from`) to the day they left (leftOn is their last day, as in pay) or `to`.
 * This is pk.ts's dutyDays over a whole period; 0 when they were not on the team in it.
 */
export function memberDays(
  member: { hiredOn: Day; leftOn: Day | null },
  from: Day,
  to: Day,
  calendar: CalendarSettings,
): number {
  const start = laterDay(member.hiredOn, from);
  const end = member.leftOn === null ? to : earlierDay(member.leftOn, to);
  return countWorkingDays(start, end, calendar);
}

export type GroupShareInput = {
  groupId: number;
  /** Member-days of the group's competitors (agents and leaders) over the month (memberDays). */
  memberDays: number;
  /** A manager's goal for this group and month, yuan; wins over the share. */
  override?: number;
};

export type GroupGoal = { groupId: number; amount: number; source: 'share' | 'override' };

/**
 * Each group's goal for a month. A group with an override has it. The rest of the team goal
 * (team goal − Σ overrides, at least 0) is shared by the other groups in proportion to their
 * member-days, in whole yuan by largest remainder (ties to the earlier group in the input), so
 * the shares add up to exactly that rest. Groups with no member-days get 0; if no group without
 * an override has member-days, nobody carries the rest (the team goal still stands).
 */
export function groupGoals(teamGoal: number, groups: readonly GroupShareInput[]): GroupGoal[] {
  const overridden = groups.reduce((sum, g) => sum + (g.override ?? 0), 0);
  const rest = BigInt(Math.max(0, teamGoal - overridden));
  const sharing = groups.filter((g) => g.override === undefined);
  const days = BigInt(sharing.reduce((sum, g) => sum + g.memberDays, 0));
  const shares = new Map<number, bigint>();
  if (days > 0n) {
    const exact = sharing.map((g, index) => {
      const numerator = rest * BigInt(g.memberDays);
      return { groupId: g.groupId, index, floor: numerator / days, remainder: numerator % days };
    });
    let left = rest - exact.reduce((sum, e) => sum + e.floor, 0n);
    const byRemainder = [...exact].sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
    for (const entry of byRemainder) {
      const extra = left > 0n && entry.remainder > 0n ? 1n : 0n;
      left -= extra;
      shares.set(entry.groupId, entry.floor + extra);
    }
  }
  return groups.map((g) =>
    g.override !== undefined
      ? { groupId: g.groupId, amount: g.override, source: 'override' }
      : { groupId: g.groupId, amount: Number(shares.get(g.groupId) ?? 0n), source: 'share' },
  );
}

/**
 * The working days still ahead in `day`'s month, counting `day` itself unless it is over. A day is
 * over once its results are in: the caller decides (the 18:00 board counts its own day as done;
 * `/stats team` during the day counts today). A day off is never counted.
 */
export function remainingWorkingDays(day: Day, dayOver: boolean, calendar: CalendarSettings): number {
  return countWorkingDays(dayOver ? addDays(day, 1) : day, endOfMonth(day), calendar);
}

export type GoalProgress = {
  goal: number;
  actual: number;
  /** floor(actual × 100 / goal): 99.99% reads 99%, never a premature 100%; 0 for a goal of 0. */
  percent: number;
  met: boolean;
  /** goal − actual when behind, else 0. */
  shortfall: number;
  /** actual − goal when ahead, else 0. */
  surplus: number;
  remainingDays: number;
  /**
   * What is needed per remaining working day: shortfall ÷ remainingDays rounded up to the yuan (so
   * doing it each day makes the goal); 0 when met; undefined when behind with no day left.
   */
  perDay: number | undefined;
};

/** Where a goal stands with `actual` done and `remainingDays` working days left. */
export function goalProgress(goal: number, actual: number, remainingDays: number): GoalProgress {
  const shortfall = Math.max(0, goal - actual);
  return {
    goal,
    actual,
    percent: goal > 0 ? Math.max(0, Math.floor((actual * 100) / goal)) : 0,
    met: actual >= goal,
    shortfall,
    surplus: Math.max(0, actual - goal),
    remainingDays,
    perDay: shortfall === 0 ? 0 : remainingDays > 0 ? Math.ceil(shortfall / remainingDays) : undefined,
  };
}
