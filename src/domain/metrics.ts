/**
 * The daily metrics: the plan's six (日常考核) and 到访 (`visits`, appointments that showed). Counts are whole numbers; `amount` (业绩) is an
 * integer number of yuan. Pure data shared by every rule.
 */
export const METRICS = [
  'calls',
  'effective',
  'intents',
  'followUps',
  'appointments',
  'visits',
  'amount',
] as const;
export type Metric = (typeof METRICS)[number];

/** A complete set of figures (a day's totals, a target, a sum over a period). */
export type MetricTotals = Record<Metric, number>;

export const ZERO_TOTALS: MetricTotals = {
  calls: 0,
  effective: 0,
  intents: 0,
  followUps: 0,
  appointments: 0,
  visits: 0,
  amount: 0,
};

/** addTotals into `sum` itself: summing thousands of members allocates no object per member. */
export function addTotalsInto(sum: MetricTotals, totals: MetricTotals): void {
  sum.calls += totals.calls;
  sum.effective += totals.effective;
  sum.intents += totals.intents;
  sum.followUps += totals.followUps;
  sum.appointments += totals.appointments;
  sum.visits += totals.visits;
  sum.amount += totals.amount;
}

export function addTotals(a: MetricTotals, b: Partial<MetricTotals>): MetricTotals {
  return {
    calls: a.calls + (b.calls ?? 0),
    effective: a.effective + (b.effective ?? 0),
    intents: a.intents + (b.intents ?? 0),
    followUps: a.followUps + (b.followUps ?? 0),
    appointments: a.appointments + (b.appointments ?? 0),
    visits: a.visits + (b.visits ?? 0),
    amount: a.amount + (b.amount ?? 0),
  };
}
