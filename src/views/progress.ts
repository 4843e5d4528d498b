import { conversionSteps, formatTenthsOfPercent } from '../domain/conversion.ts';
import type { Day } from '../domain/days.ts';
import { METRICS, type Metric, type MetricTotals } from '../domain/metrics.ts';
import { progress, progressBar } from '../domain/targets.ts';
import type { Messages } from '../i18n/index.ts';
import { formatCount, formatYuan } from '../i18n/numbers.ts';

/** A metric's value as people read it: counts plain, 业绩 in yuan. */
export function formatMetric(metric: Metric, value: number): string {
  return metric === 'amount' ? formatYuan(value) : formatCount(value);
}

/**
 * One line per metric against its target: `呼出 120/150 ▓▓▓▓▓▓▓▓░░ 80%`. A metric without a
 * target for the period (e.g. daily 业绩) shows its figure only, and is left out when it is zero.
 */
export function progressLines(m: Messages, totals: MetricTotals, target: MetricTotals): string[] {
  return progress(totals, target).flatMap((p) => {
    const label = m.metrics[p.metric];
    if (p.percent === undefined) {
      return p.actual === 0 ? [] : [`${label} ${formatMetric(p.metric, p.actual)}（${m.stats.noTarget}）`];
    }
    const figures = `${formatMetric(p.metric, p.actual)}/${formatMetric(p.metric, p.target)}`;
    return [`${label} ${figures} \`${progressBar(p.percent)}\` ${p.percent}%`];
  });
}

/** The figures of one change, as a short list: `呼出 +120，意向 +8`. */
export function changeLine(m: Messages, change: MetricTotals): string {
  const parts = METRICS.filter((metric) => change[metric] !== 0).map((metric) => {
    const value = change[metric];
    const sign = value > 0 ? '+' : '-';
    return `${m.metrics[metric]} ${sign}${formatMetric(metric, Math.abs(value))}`;
  });
  return parts.join(m.locale === 'en' ? ', ' : '，');
}

export function formatDay(m: Messages, day: Day): string {
  return m.date(Number(day.slice(5, 7)), Number(day.slice(8, 10)));
}

/**
 * The conversion line of a period's totals: `转化：呼出→有效 40.0%　…　每位到访业绩 ¥25,000`,
 * "—" where a stage is empty (see domain/conversion.ts).
 */
export function conversionLine(m: Messages, totals: MetricTotals): string {
  const parts = conversionSteps(totals).map((step) =>
    step.kind === 'rate'
      ? `${m.metrics[step.from]}→${m.metrics[step.to]} ${formatTenthsOfPercent(step.tenthsOfPercent)}`
      : m.conversion.perVisit(step.yuan === undefined ? '—' : formatYuan(step.yuan)),
  );
  return m.conversion.line(parts.join(m.locale === 'en' ? ' · ' : '　'));
}
