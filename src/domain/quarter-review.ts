/**
 * The quarterly review (季度考核) of the team's plan: each quarter a member who meets the quarter
 * target goes one step up the ladder, one who misses it one step down. Pure: the quarter, the
 * members' figures, the targets and the calendar come in; decisions come out for the use case to
 * save and announce.
 */
import { addDays, type Day, endOfQuarter, laterDay, quarterOf, startOfQuarter } from './days.ts';
import { type LevelCode, levelAbove, levelBelow } from './levels.ts';
import { type MetricTotals, ZERO_TOTALS } from './metrics.ts';
import { isProtected } from './probation.ts';
import { proRata } from './targets.ts';
import { type CalendarSettings, countWorkingDays } from './working-days.ts';

/** A calendar quarter: first and last day (both included) and its key, e.g. '2026Q4'. */
export type Quarter = { from: Day; to: Day; key: string };

/** The key of the calendar quarter containing `day`: `${year}Q${1..4}`, e.g. 2026-11-30 → '2026Q4'. */
export function quarterKey(day: Day): string {
  const { year, quarter } = quarterOf(day);
  return `${year}Q${quarter}`;
}

/** The calendar quarter containing `day`. */
export function quarterContaining(day: Day): Quarter {
  return { from: startOfQuarter(day), to: endOfQuarter(day), key: quarterKey(day) };
}

/**
 * The calendar quarter before the one containing `day` (the one to review when a new quarter
 * starts): 2027-01-01 → 2026Q4 (2026-10-01..2026-12-31); 2026-12-31 → 2026Q3.
 */
export function previousQuarter(day: Day): Quarter {
  return quarterContaining(addDays(startOfQuarter(day), -1));
}

/**
 * Whether a quarter's figures meet its target. The plan assesses the quarter on 业绩 alone:
 * met ⇔ actual.amount ≥ target.amount (whole yuan; exactly the target is met). The activity
 * counts are shown beside it but do not decide. A target amount of 0 or less is always met, as
 * in isTargetMet. The single place to change if the team's rule changes.
 */
export function quarterTargetMet(actual: MetricTotals, target: MetricTotals): boolean {
  return actual.amount >= target.amount;
}

export type ReviewOutcome =
  | 'promoted'
  | 'demoted'
  | 'met-at-top'
  | 'flag-for-review'
  | 'protected'
  | 'held'
  | 'skipped';

/**
 * Why a member was not judged:
 * - `on-probation`: no 入司 day yet;
 * - `joined-after-quarter`: 入司 after the quarter's last day;
 * - `no-working-days`: joined during the quarter, but no working day from 入司 to the quarter's
 *   end (e.g. joined on its last day, a holiday): a target of 0 would promote for nothing.
 */
export type SkipReason = 'on-probation' | 'joined-after-quarter' | 'no-working-days';

export type ReviewMember = {
  memberId: number;
  /** The level held at the quarter's end. */
  level: LevelCode;
  /** 入司; null while on probation. */
  joinedOn: Day | null;
  /** First day without protection (exclusive end, see probation.ts); null for none. */
  protectionEndsOn: Day | null;
  /** The quarter's totals. */
  actual: MetricTotals;
  /** A manager's hold: the level stays whatever the figures (e.g. long sick leave). */
  hold?: { reason: string };
  /**
   * Working days of approved leave (请假) in the quarter from 入司 on: time not worked, taken off
   * the days the target counts, as for a member who joined mid-quarter. 0 when absent.
   */
  leaveDays?: number;
};

export type ReviewInput = {
  quarter: Quarter;
  members: readonly ReviewMember[];
  /** The full quarter target of a level, as in force on the quarter's last day. */
  targetFor: (level: LevelCode) => MetricTotals;
  calendar: CalendarSettings;
};

export type ReviewResult = {
  memberId: number;
  from: LevelCode;
  to: LevelCode;
  outcome: ReviewOutcome;
  /** quarterTargetMet(actual, target); false when skipped. Honest for held members too. */
  met: boolean;
  /** The target judged against (pro rata for a mid-quarter joiner); all zero when skipped. */
  target: MetricTotals;
  actual: MetricTotals;
  /** Present when 入司 fell after the quarter's first day: the working days behind the pro rata. */
  proRataDays?: { counted: number; inQuarter: number };
  /** Present when outcome is 'skipped'. */
  skipped?: SkipReason;
  /** Present when outcome is 'held'. */
  holdReason?: string;
};

/**
 * Where a member lands for a met or missed quarter:
 * - met → one step up (`promoted`), protected or not; 资深MO3 (E3) stays, `met-at-top`;
 * - missed while protected → level unchanged, `protected` (the plan's 保护期: no automatic
 *   demotion; the managers assess overall). Protection wins over `flag-for-review` for 见习MO1;
 * - missed otherwise → one step down (`demoted`); 见习MO1 (P1) cannot go lower and stays,
 *   `flag-for-review`: the managers decide what happens next.
 */
export function quarterOutcome(
  level: LevelCode,
  met: boolean,
  protectedAtQuarterEnd: boolean,
): { to: LevelCode; outcome: 'promoted' | 'demoted' | 'met-at-top' | 'flag-for-review' | 'protected' } {
  if (met)
    return level === 'E3'
      ? { to: level, outcome: 'met-at-top' }
      : { to: levelAbove(level), outcome: 'promoted' };
  if (protectedAtQuarterEnd) return { to: level, outcome: 'protected' };
  return level === 'P1'
    ? { to: level, outcome: 'flag-for-review' }
    : { to: levelBelow(level), outcome: 'demoted' };
}

/**
 * Reviews every member for one quarter, in input order. For each member, first rule that applies:
 * 1. not judged (`skipped`, level unchanged, met false, target all zero): no 入司 yet
 *    (`on-probation`), 入司 after the quarter (`joined-after-quarter`), or no working day in the
 *    quarter since 入司 (`no-working-days`);
 * 2. a hold → `held`, level unchanged whatever the figures (target and met still reported);
 * 3. otherwise judged by quarterTargetMet against the level's quarter target, landing as
 *    quarterOutcome says.
 *
 * The target: the level's full quarter target (`targetFor`) when 入司 is on or before the
 * quarter's first day. For a member who joined during the quarter it is pro rata on working days:
 * proRata(target, counted, inQuarter) with counted = working days from 入司 to the quarter's last
 * day and inQuarter = working days of the whole quarter (both ends included, by `calendar`), i.e.
 * ceil(target × counted ÷ inQuarter) per metric, rounded up to the yuan. Holidays count for
 * neither, so joining in the 国庆 week costs no target. Approved leave (`leaveDays`) is taken off
 * `counted` the same way: the quarter is judged on the days worked, and a leave is approved by the
 * member's leader, which is what keeps it from being a way round the target.
 *
 * Protection is read on the quarter's last day (isProtected(quarter.to, protectionEndsOn)): the
 * day the quarter's result is fixed. With the exclusive end of protection, every joiner has
 * exactly one quarter end inside their three months, so protection spares exactly one review.
 */
export function evaluateQuarter(input: ReviewInput): ReviewResult[] {
  const { quarter, calendar } = input;
  const inQuarter = countWorkingDays(quarter.from, quarter.to, calendar);
  // Working days from a start to the quarter's end, counted once per start: members on leave all
  // start on the quarter's first day, and walking the quarter for each of 10,000 was 58 % of it.
  const fromStart = new Map<Day, number>();
  const workingDaysFrom = (start: Day): number => {
    let days = fromStart.get(start);
    if (days === undefined) {
      days = countWorkingDays(start, quarter.to, calendar);
      fromStart.set(start, days);
    }
    return days;
  };
  return input.members.map((member): ReviewResult => {
    const { memberId, level, joinedOn, actual } = member;
    const skip = (skipped: SkipReason): ReviewResult => ({
      memberId,
      from: level,
      to: level,
      outcome: 'skipped',
      met: false,
      target: { ...ZERO_TOTALS },
      actual,
      skipped,
    });
    if (joinedOn === null) return skip('on-probation');
    if (joinedOn > quarter.to) return skip('joined-after-quarter');

    const fullTarget = input.targetFor(level);
    let target = { ...fullTarget };
    let proRataDays: { counted: number; inQuarter: number } | undefined;
    const leaveDays = member.leaveDays ?? 0;
    if (joinedOn > quarter.from || leaveDays > 0) {
      const start = laterDay(joinedOn, quarter.from);
      const counted = Math.max(0, workingDaysFrom(start) - leaveDays);
      if (counted === 0) return skip('no-working-days');
      target = proRata(fullTarget, counted, inQuarter);
      proRataDays = { counted, inQuarter };
    }
    const met = quarterTargetMet(actual, target);
    const base = { memberId, from: level, met, target, actual, ...(proRataDays ? { proRataDays } : {}) };
    if (member.hold) return { ...base, to: level, outcome: 'held', holdReason: member.hold.reason };
    return { ...base, ...quarterOutcome(level, met, isProtected(quarter.to, member.protectionEndsOn)) };
  });
}

/**
 * At risk of demotion, a warning threshold rather than a prediction: once at least two thirds of
 * the quarter's working days have passed (elapsed × 3 ≥ inQuarter × 2), a member whose 业绩 is
 * below two thirds of the target amount (actual × 3 < target × 2) is at risk. Before that point
 * nobody is (too early to call); a quarter without working days or a target amount of 0 or less
 * puts nobody at risk. Integer arithmetic: exact for amounts below 2^53 ÷ 3.
 */
export function atRiskOfDemotion(input: {
  actual: MetricTotals;
  target: MetricTotals;
  workingDaysElapsed: number;
  workingDaysInQuarter: number;
}): boolean {
  const { actual, target, workingDaysElapsed, workingDaysInQuarter } = input;
  if (workingDaysInQuarter <= 0 || target.amount <= 0) return false;
  if (workingDaysElapsed * 3 < workingDaysInQuarter * 2) return false;
  return actual.amount * 3 < target.amount * 2;
}

export type Forecast = {
  /** Yuan still needed to meet the target: max(0, target − actual); 0 when met. */
  neededAmount: number;
  /** ceil(neededAmount ÷ workingDaysLeft); the whole neededAmount when no working day is left. */
  perWorkingDay: number;
  /** atRiskOfDemotion, and never while protected at the quarter's end (no demotion possible). */
  atRisk: boolean;
  /** Where the member lands if the quarter ends met / missed (quarterOutcome). */
  ifMet: { to: LevelCode; outcome: ReviewOutcome };
  ifMissed: { to: LevelCode; outcome: ReviewOutcome };
};

/**
 * What `/level` shows during a quarter. `target` is the member's quarter target (pro rata if they
 * joined during it), `actual` the quarter's totals so far, `workingDaysLeft` the working days
 * still to sell on (the caller decides whether today counts) and `workingDaysInQuarter` all of
 * the quarter's working days; elapsed = inQuarter − left. `protectedAtQuarterEnd` (default false)
 * is isProtected(quarter's last day, protectionEndsOn).
 */
export function forecast(input: {
  level: LevelCode;
  actual: MetricTotals;
  target: MetricTotals;
  workingDaysLeft: number;
  workingDaysInQuarter: number;
  protectedAtQuarterEnd?: boolean;
}): Forecast {
  const { level, actual, target, workingDaysInQuarter } = input;
  const protectedAtQuarterEnd = input.protectedAtQuarterEnd ?? false;
  const workingDaysLeft = Math.max(0, input.workingDaysLeft);
  const neededAmount = Math.max(0, target.amount - actual.amount);
  return {
    neededAmount,
    perWorkingDay: workingDaysLeft === 0 ? neededAmount : Math.ceil(neededAmount / workingDaysLeft),
    atRisk:
      !protectedAtQuarterEnd &&
      atRiskOfDemotion({
        actual,
        target,
        workingDaysElapsed: workingDaysInQuarter - workingDaysLeft,
        workingDaysInQuarter,
      }),
    ifMet: quarterOutcome(level, true, protectedAtQuarterEnd),
    ifMissed: quarterOutcome(level, false, protectedAtQuarterEnd),
  };
}
