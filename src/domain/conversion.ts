/**
 * The conversion funnel (转化率) 呼出 → 有效 → 意向 → 约见 → 到访 → 业绩: how much of each stage
 * reached the next over a period. Pure and integer-exact: rates are computed on bigints from the
 * whole-number totals, so no float division decides a rounding.
 *
 * Rules:
 * - each count step is next ÷ previous, as tenths of a percent rounded half up (1 of 3 = 333 →
 *   33.3%); a period's figures may exceed 100% (visits booked last week that came this week);
 * - the last step is 业绩 per visit: amount (yuan) ÷ visits, rounded half up to the yuan, since
 *   yuan over people is not a percentage;
 * - a step whose denominator is 0 (or below, which the log refuses) has no rate: `undefined`,
 *   shown as "—"; a negative numerator counts as 0.
 */
import type { Metric, MetricTotals } from './metrics.ts';

/** The stages in order; 回访 (follow-ups) is work on existing leads, not a stage of the funnel. */
export const FUNNEL_STAGES = ['calls', 'effective', 'intents', 'appointments', 'visits', 'amount'] as const;

export type ConversionStep =
  | { from: Metric; to: Metric; kind: 'rate'; tenthsOfPercent: number | undefined }
  | { from: 'visits'; to: 'amount'; kind: 'per-visit'; yuan: number | undefined };

/** round(numerator / denominator) half up, for numerator ≥ 0 and denominator > 0, exactly. */
function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

function whole(value: number): bigint {
  return BigInt(Math.max(0, Math.trunc(value)));
}

/** next ÷ previous in tenths of a percent (1000 = 100.0%), or undefined when previous ≤ 0. */
export function rateTenthsOfPercent(next: number, previous: number): number | undefined {
  if (previous <= 0) return undefined;
  return Number(roundHalfUp(whole(next) * 1000n, whole(previous)));
}

/** Yuan of 业绩 per visit, or undefined without visits. */
export function amountPerVisit(amount: number, visits: number): number | undefined {
  if (visits <= 0) return undefined;
  return Number(roundHalfUp(whole(amount), whole(visits)));
}

/** The five steps of the funnel for a period's totals (a member's, a group's or the team's). */
export function conversionSteps(totals: MetricTotals): ConversionStep[] {
  return [
    {
      from: 'calls',
      to: 'effective',
      kind: 'rate',
      tenthsOfPercent: rateTenthsOfPercent(totals.effective, totals.calls),
    },
    {
      from: 'effective',
      to: 'intents',
      kind: 'rate',
      tenthsOfPercent: rateTenthsOfPercent(totals.intents, totals.effective),
    },
    {
      from: 'intents',
      to: 'appointments',
      kind: 'rate',
      tenthsOfPercent: rateTenthsOfPercent(totals.appointments, totals.intents),
    },
    {
      from: 'appointments',
      to: 'visits',
      kind: 'rate',
      tenthsOfPercent: rateTenthsOfPercent(totals.visits, totals.appointments),
    },
    { from: 'visits', to: 'amount', kind: 'per-visit', yuan: amountPerVisit(totals.amount, totals.visits) },
  ];
}

/** Tenths of a percent as people read them: 333 → "33.3%", 1000 → "100.0%", undefined → "—". */
export function formatTenthsOfPercent(tenths: number | undefined): string {
  if (tenths === undefined) return '—';
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}
