/**
 * Targets per level and period, how they change over time, and progress against them. Pure: the
 * day, the overrides and the figures come in as arguments; nothing here reads a clock or a store.
 */
import type { Day } from './days.ts';
import { type LevelCode, levelInfo, type Tier } from './levels.ts';
import { METRICS, type Metric, type MetricTotals } from './metrics.ts';

export const PERIODS = ['day', 'week', 'month', 'quarter'] as const;
export type Period = (typeof PERIODS)[number];

export type TargetTable = Record<LevelCode, Record<Period, MetricTotals>>;

export function isPeriod(text: string): text is Period {
  return PERIODS.some((period) => period === text);
}

/**
 * Nominal working days per period behind the default count targets: a 5-day week, a 22-day month,
 * a 66-day quarter. Real calendars (holidays, a member who joined mid-month) go through `proRata`.
 */
export const NOMINAL_WORKING_DAYS: Record<Period, number> = { day: 1, week: 5, month: 22, quarter: 66 };

/** The five activity counts of the plan's 日常考核, without 业绩 and 到访 (which follow from them). */
export type DailyActivity = Omit<MetricTotals, 'amount' | 'visits'>;

/**
 * The share of appointments expected to show (到访), as numerator / denominator: one in two. The
 * plan names 次日约见 but no figure for visits, so the default target is half the period's
 * 约见 target. Managers change it per level with `/team target`.
 */
export const VISIT_SHOW_RATE = { numerator: 1, denominator: 2 } as const;

/**
 * The default targets of one tier: the daily activity counts and the monthly 业绩 in yuan.
 *
 * 业绩: 客户经理 200,000 yuan a month, as in the plan (客户经理每月业绩20万); 见习 half of it
 * (×0.5 = 100,000), 高级 ×1.5 (300,000), 资深 ×2 (400,000). The three steps MO1-MO3 of a tier share
 * the tier's targets: a step is earned by meeting the same quarter target again.
 *
 * Activity: trainees dial as much as anyone but convert less; seniors and principals dial less and
 * spend their day on follow-ups and meetings. Each tier keeps its funnel consistent
 * (intents ≤ effective ≤ calls, appointments ≤ intents + follow-ups).
 */
export const TIER_TARGETS: Record<Tier, { daily: DailyActivity; monthlyAmount: number }> = {
  trainee: {
    daily: { calls: 150, effective: 50, intents: 4, followUps: 6, appointments: 1 },
    monthlyAmount: 100_000,
  },
  account: {
    daily: { calls: 150, effective: 60, intents: 6, followUps: 10, appointments: 2 },
    monthlyAmount: 200_000,
  },
  senior: {
    daily: { calls: 120, effective: 60, intents: 8, followUps: 15, appointments: 3 },
    monthlyAmount: 300_000,
  },
  principal: {
    daily: { calls: 100, effective: 50, intents: 8, followUps: 20, appointments: 4 },
    monthlyAmount: 400_000,
  },
};

/**
 * The four period targets from daily activity counts and a monthly 业绩 (yuan):
 * - counts: day × 1, week × 5, month × 22, quarter × 66 (the nominal working days);
 * - 业绩: day 0 (loans close in lumps, so 业绩 is judged by week, month and quarter, never by day),
 *   week = monthly ÷ 4 rounded up to the yuan (four good weeks make the month), month = monthly,
 *   quarter = 3 × monthly.
 * - 到访 (visits): day 0 (whether a booked customer comes is theirs to decide, and the 17:00
 *   warnings should not chase it), week/month/quarter = floor(period's appointments ×
 *   VISIT_SHOW_RATE): 客户经理 5 a week, 22 a month, 66 a quarter; 见习 2, 11, 33.
 */
export function periodTargets(daily: DailyActivity, monthlyAmount: number): Record<Period, MetricTotals> {
  const counts = (days: number, amount: number): MetricTotals => ({
    calls: daily.calls * days,
    effective: daily.effective * days,
    intents: daily.intents * days,
    followUps: daily.followUps * days,
    appointments: daily.appointments * days,
    visits: Math.floor((daily.appointments * days * VISIT_SHOW_RATE.numerator) / VISIT_SHOW_RATE.denominator),
    amount,
  });
  return {
    day: { ...counts(NOMINAL_WORKING_DAYS.day, 0), visits: 0 },
    week: counts(NOMINAL_WORKING_DAYS.week, Math.ceil(monthlyAmount / 4)),
    month: counts(NOMINAL_WORKING_DAYS.month, monthlyAmount),
    quarter: counts(NOMINAL_WORKING_DAYS.quarter, monthlyAmount * 3),
  };
}

/** Builds a record with one entry per level; listing the codes lets the compiler check completeness. */
function byLevel<T>(make: (code: LevelCode) => T): Record<LevelCode, T> {
  return {
    P1: make('P1'),
    P2: make('P2'),
    P3: make('P3'),
    A1: make('A1'),
    A2: make('A2'),
    A3: make('A3'),
    S1: make('S1'),
    S2: make('S2'),
    S3: make('S3'),
    E1: make('E1'),
    E2: make('E2'),
    E3: make('E3'),
  };
}

function copyPeriods(periods: Record<Period, MetricTotals>): Record<Period, MetricTotals> {
  return {
    day: { ...periods.day },
    week: { ...periods.week },
    month: { ...periods.month },
    quarter: { ...periods.quarter },
  };
}

/** Every level's targets from its tier's `TIER_TARGETS` through `periodTargets`. */
export const DEFAULT_TARGETS: TargetTable = byLevel((code) => {
  const { daily, monthlyAmount } = TIER_TARGETS[levelInfo(code).tier];
  return periodTargets(daily, monthlyAmount);
});

/** The target of one level for one period (a copy: changing it leaves the table alone). */
export function targetFor(table: TargetTable, level: LevelCode, period: Period): MetricTotals {
  return { ...table[level][period] };
}

/**
 * A target changed by a manager from a day on. It changes only its own cell: a new daily call
 * target does not change the weekly one (the command that sets targets writes each cell it means).
 */
export type TargetOverride = {
  level: LevelCode;
  period: Period;
  metric: Metric;
  value: number;
  effectiveFrom: Day;
};

/**
 * The targets that applied on `day`, so that past days are judged by the targets of their time.
 * Per (level, period, metric) the override with the latest `effectiveFrom` on or before `day` wins
 * (an override effective on `day` itself applies); of two with the same `effectiveFrom` the later
 * in the list wins (callers pass overrides in the order they were recorded). Cells without such an
 * override keep the default. Returns a fresh table; `defaults` is not changed.
 */
export function targetsOn(
  day: Day,
  overrides: readonly TargetOverride[],
  defaults: TargetTable = DEFAULT_TARGETS,
): TargetTable {
  const table = byLevel((code) => copyPeriods(defaults[code]));
  const winners = new Map<string, TargetOverride>();
  for (const override of overrides) {
    if (override.effectiveFrom > day) continue;
    const key = `${override.level}/${override.period}/${override.metric}`;
    const current = winners.get(key);
    if (current === undefined || override.effectiveFrom >= current.effectiveFrom) winners.set(key, override);
  }
  for (const { level, period, metric, value } of winners.values()) table[level][period][metric] = value;
  return table;
}

/**
 * Scales a target to the part of a period that counts, e.g. a member who joined on the 12th
 * working day of a 22-day month is held to 11/22 of it. Each metric becomes
 * ceil(target × counted ÷ inPeriod), in whole units (yuan for 业绩): rounding up means a partial
 * target is never 0 where the full one is not. `workingDaysCounted` is clamped to
 * 0..`workingDaysInPeriod`; a period with no working days (`workingDaysInPeriod` ≤ 0, e.g. a week
 * of national holidays) has an all-zero target. Exact for figures below 2^53 / days, far above any
 * real target.
 */
export function proRata(
  target: MetricTotals,
  workingDaysCounted: number,
  workingDaysInPeriod: number,
): MetricTotals {
  const inPeriod = Math.max(0, Math.floor(workingDaysInPeriod));
  const counted = Math.min(Math.max(0, Math.floor(workingDaysCounted)), inPeriod);
  const scale = (value: number): number => (inPeriod === 0 ? 0 : Math.ceil((value * counted) / inPeriod));
  return {
    calls: scale(target.calls),
    effective: scale(target.effective),
    intents: scale(target.intents),
    followUps: scale(target.followUps),
    appointments: scale(target.appointments),
    visits: scale(target.visits),
    amount: scale(target.amount),
  };
}

export type MetricProgress = {
  metric: Metric;
  actual: number;
  target: number;
  /**
   * floor(actual × 100 ÷ target), an integer that may exceed 100 and is never below 0. Undefined
   * when the target is 0 or less: the metric is not assessed for that period (e.g. 业绩 by day).
   */
  percent: number | undefined;
  /** What is still needed: max(0, target − actual). */
  missing: number;
};

/** Progress of every metric, in METRICS order, including those not assessed (percent undefined). */
export function progress(actual: MetricTotals, target: MetricTotals): MetricProgress[] {
  return METRICS.map((metric) => {
    const a = actual[metric];
    const t = target[metric];
    return {
      metric,
      actual: a,
      target: t,
      percent: t > 0 ? Math.max(0, Math.floor((a * 100) / t)) : undefined,
      missing: Math.max(0, t - a),
    };
  });
}

/** What is left to reach the target, per metric (0 where it is reached or has no target). */
export function missingOf(actual: MetricTotals, target: MetricTotals): MetricTotals {
  return {
    calls: Math.max(0, target.calls - actual.calls),
    effective: Math.max(0, target.effective - actual.effective),
    intents: Math.max(0, target.intents - actual.intents),
    followUps: Math.max(0, target.followUps - actual.followUps),
    appointments: Math.max(0, target.appointments - actual.appointments),
    visits: Math.max(0, target.visits - actual.visits),
    amount: Math.max(0, target.amount - actual.amount),
  };
}

/**
 * Met when every metric with a positive target reached it (actual ≥ target). Metrics with a 0
 * target are not assessed, so an all-zero target is met.
 */
export function isTargetMet(actual: MetricTotals, target: MetricTotals): boolean {
  return METRICS.every((metric) => target[metric] <= 0 || actual[metric] >= target[metric]);
}

/**
 * A text bar of `width` cells, ▓ filled and ░ empty: floor(percent × width ÷ 100) cells filled,
 * with percent clamped to 0..100, so each ▓ is a completed tenth of a 10-cell bar and the bar is
 * full only when the target is met (95% → 9 cells, 150% → 10, 5% → 0). NaN counts as 0; `width`
 * is floored and at least 0.
 */
export function progressBar(percent: number, width = 10): string {
  const cells = Math.max(0, Math.floor(width));
  const clamped = Number.isNaN(percent) ? 0 : Math.min(100, Math.max(0, percent));
  const filled = Math.floor((clamped * cells) / 100);
  return '▓'.repeat(filled) + '░'.repeat(cells - filled);
}
