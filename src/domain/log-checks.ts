/**
 * Sanity rules for a day's logged figures: errors refuse the change, warnings ask the member to
 * confirm before it is saved. Pure: the day's totals, the member's history and the limits come in
 * as arguments.
 */
import { METRICS, type Metric, type MetricTotals } from './metrics.ts';

export type LogLimits = {
  /**
   * Per metric, a day total above this (strictly) asks for confirmation. A ceiling of 0 or less
   * means no ceiling for that metric. Counts are whole numbers, `amount` is yuan.
   */
  dailyCeiling: MetricTotals;
  /**
   * A day total above factor × the member's own 30-day median (strictly) asks for confirmation,
   * when that median is above 0 and there are at least `MEDIAN_MIN_HISTORY_DAYS` logged days.
   * A factor of 0 or less turns the rule off.
   */
  medianFactor: number;
  /**
   * A logged amount above 0 and below this many yuan looks like 万 was meant (`业绩 20` → 20万?).
   * 0 turns the rule off.
   */
  amountUnitSuspectBelow: number;
};

export const DEFAULT_LOG_LIMITS: LogLimits = {
  dailyCeiling: {
    calls: 1500,
    effective: 1000,
    intents: 200,
    followUps: 300,
    appointments: 100,
    visits: 100,
    amount: 5_000_000,
  },
  medianFactor: 3,
  amountUnitSuspectBelow: 1000,
};

/** Fewer logged days than this and the median says too little about the member to judge by. */
export const MEDIAN_MIN_HISTORY_DAYS = 5;

/** Refuse: nothing is saved. */
export type LogError =
  | { code: 'negative-total'; metric: Metric; value: number }
  | { code: 'effective-above-calls'; effective: number; calls: number };

/** Ask the member to confirm, then save. */
export type LogWarning =
  | { code: 'above-ceiling'; metric: Metric; value: number; ceiling: number }
  | { code: 'above-median'; metric: Metric; value: number; median: number }
  | { code: 'amount-unit'; amount: number; suggested: number }
  | { code: 'intents-above-effective'; intents: number; effective: number }
  | { code: 'appointments-above-pipeline'; appointments: number; pipeline: number }
  | { code: 'visits-above-appointments'; visits: number; booked: number };

export type LogCheck = LogError | LogWarning;

export type CheckDayInput = {
  /** The day's totals before this change. */
  before: MetricTotals;
  /** The day's totals after it. */
  after: MetricTotals;
  /**
   * The figures as the member typed them (amounts added by a log, new values by a set, the reverted
   * amounts of an undo). A metric is "touched" when its key holds a number, 0 included.
   */
  change: Partial<MetricTotals>;
  /** Per metric, the median of the member's last 30 logged days (see `medianTotals`). */
  median30: MetricTotals;
  /** How many logged days `median30` was taken from. */
  historyDays: number;
  limits: LogLimits;
  /**
   * The 次日约见 (appointments) total of the day before: the customers booked to come on this day.
   * Absent counts as 0.
   */
  appointmentsDayBefore?: number;
};

/**
 * The checks of one change to a day. Callers refuse the change when `errors` is not empty (the
 * warnings are still listed, for information) and otherwise ask for confirmation of `warnings`.
 *
 * Errors, on the whole day after the change:
 * - `negative-total`: any total below 0 (a `set` or `undo` can get there), one per metric;
 * - `effective-above-calls`: effective > calls, when calls were logged that day (calls after > 0)
 *   or the change touched calls. A member who logs 有效 before 呼出, or a team that does not log
 *   呼出 at all, is not blocked while the day's calls are 0.
 *
 * Warnings, in this order:
 * - `above-ceiling` then `above-median`, per metric in METRICS order, only for metrics the change
 *   touched and whose total went up (a correction downwards never asks again): total > ceiling;
 *   total > medianFactor × median30 when median30 > 0 and historyDays ≥ 5. Exactly at the limit
 *   is fine. Both may fire for the same metric.
 * - `amount-unit`: the typed amount is > 0 and < amountUnitSuspectBelow; suggests amount × 10,000.
 * - funnel, on the day's totals after the change, only when the change touched a metric of the
 *   relation (so a confirmed oddity is not asked about again when 业绩 is logged):
 *   `intents-above-effective` when effective > 0 and intents > effective (touched intents or
 *   effective); `appointments-above-pipeline` when pipeline = intents + followUps > 0 and
 *   appointments > pipeline (touched any of the three). A 0 upstream figure means "not logged".
 * - `visits-above-appointments` (到访): visits > booked, where booked = the day before's
 *   appointments (次日约见, booked for this day) + this day's appointments (约见 who came the same
 *   day), when the change touched visits or appointments. Unlike the rules above, booked = 0 is
 *   not "not logged": a visit nobody booked is exactly what the rule asks about, and the morning
 *   question only exists for booked appointments. Equal is fine. A later correction of the day
 *   before's appointments does not ask again about this day (it is a change to another day).
 */
export function checkDay(input: CheckDayInput): { errors: LogError[]; warnings: LogWarning[] } {
  const { before, after, change, median30, historyDays, limits } = input;
  const touched = (metric: Metric): boolean => change[metric] !== undefined;

  const errors: LogError[] = [];
  for (const metric of METRICS) {
    if (after[metric] < 0) errors.push({ code: 'negative-total', metric, value: after[metric] });
  }
  if ((after.calls > 0 || touched('calls')) && after.effective > after.calls) {
    errors.push({ code: 'effective-above-calls', effective: after.effective, calls: after.calls });
  }

  const warnings: LogWarning[] = [];
  const raised = METRICS.filter((metric) => touched(metric) && after[metric] > before[metric]);
  for (const metric of raised) {
    const ceiling = limits.dailyCeiling[metric];
    if (ceiling > 0 && after[metric] > ceiling) {
      warnings.push({ code: 'above-ceiling', metric, value: after[metric], ceiling });
    }
  }
  if (limits.medianFactor > 0 && historyDays >= MEDIAN_MIN_HISTORY_DAYS) {
    for (const metric of raised) {
      const median = median30[metric];
      if (median > 0 && after[metric] > limits.medianFactor * median) {
        warnings.push({ code: 'above-median', metric, value: after[metric], median });
      }
    }
  }
  const amount = change.amount;
  if (amount !== undefined && amount > 0 && amount < limits.amountUnitSuspectBelow) {
    warnings.push({ code: 'amount-unit', amount, suggested: amount * 10_000 });
  }
  if (
    (touched('intents') || touched('effective')) &&
    after.effective > 0 &&
    after.intents > after.effective
  ) {
    warnings.push({ code: 'intents-above-effective', intents: after.intents, effective: after.effective });
  }
  const pipeline = after.intents + after.followUps;
  if (
    (touched('appointments') || touched('intents') || touched('followUps')) &&
    pipeline > 0 &&
    after.appointments > pipeline
  ) {
    warnings.push({ code: 'appointments-above-pipeline', appointments: after.appointments, pipeline });
  }
  const booked = visitsBound(input.appointmentsDayBefore ?? 0, after.appointments);
  if ((touched('visits') || touched('appointments')) && after.visits > booked) {
    warnings.push({ code: 'visits-above-appointments', visits: after.visits, booked });
  }
  return { errors, warnings };
}

/**
 * 到访 funnel bound: the most visits a day can have without asking, the customers booked for it
 * the day before (次日约见 of D-1) plus the appointments made on the day itself (约见 of D). Counts
 * are whole numbers; a negative figure (a day corrected below 0 is refused elsewhere) counts as 0.
 */
export function visitsBound(appointmentsDayBefore: number, appointmentsSameDay: number): number {
  return Math.max(0, appointmentsDayBefore) + Math.max(0, appointmentsSameDay);
}

/**
 * The median of whole numbers: the middle value once sorted; for an even count the lower of the
 * two middle values (so the result stays a logged figure and an integer, and leans low, which makes
 * the "far above the median" rule ask a little sooner); 0 for no values.
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/** Per metric, the `median` of the given days' totals (e.g. the member's last 30 logged days). */
export function medianTotals(days: readonly MetricTotals[]): MetricTotals {
  const of = (metric: Metric): number => median(days.map((day) => day[metric]));
  return {
    calls: of('calls'),
    effective: of('effective'),
    intents: of('intents'),
    followUps: of('followUps'),
    appointments: of('appointments'),
    visits: of('visits'),
    amount: of('amount'),
  };
}
