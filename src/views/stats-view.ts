import { METRICS, type Metric, type MetricTotals } from '../domain/metrics.ts';
import type { Messages } from '../i18n/index.ts';
import type { GroupStats, MemberStats, PeriodProgress } from '../usecases/get-stats.ts';
import { mention } from './markup.ts';
import { type Block, divider, heading, type Message, note, textBlock } from './message.ts';
import { conversionLine, formatDay, formatMetric, progressLines } from './progress.ts';

/**
 * One period's progress: its name and dates, then a line per metric; weeks and months end with
 * the conversion line (a single day is too small a sample to read rates from, and the quarter's
 * is its three months').
 */
export function periodBlocks(m: Messages, p: PeriodProgress): Block[] {
  const dates = p.from === p.to ? formatDay(m, p.from) : `${formatDay(m, p.from)} – ${formatDay(m, p.to)}`;
  const conversion = p.period === 'week' || p.period === 'month' ? [conversionLine(m, p.totals)] : [];
  return [
    textBlock(
      [`**${m.periods[p.period]}**　${dates}`, ...progressLines(m, p.totals, p.target), ...conversion].join(
        '\n',
      ),
    ),
  ];
}

/** `/stats` for a member: each asked period against the targets of their level. */
export function buildMemberStatsReply(m: Messages, stats: MemberStats): Message {
  const title = m.stats.title(mention(stats.subject.messengerUserId));
  const blocks: Block[] = [textBlock(`**${title}**`)];
  stats.periods.forEach((p, i) => {
    if (i > 0) blocks.push(divider);
    blocks.push(...periodBlocks(m, p));
  });
  return { text: title, blocks };
}

/** `/stats group`: totals, per-capita figures and each member's figures. */
export function buildGroupStatsReply(m: Messages, stats: GroupStats | undefined): Message {
  if (stats === undefined) return { text: m.stats.noGroup, blocks: [textBlock(m.stats.noGroup)] };
  const title = m.stats.groupTitle(stats.group.name, m.periods[stats.period], stats.headcount);
  // Per-capita counts keep one decimal for reading; money is floored to whole yuan.
  const perCapita = (metric: Metric, value: number) => {
    if (stats.headcount === 0) return 0;
    return metric === 'amount'
      ? Math.floor(value / stats.headcount)
      : Math.round((value * 10) / stats.headcount) / 10;
  };
  const line = (totals: MetricTotals, scale: (metric: Metric, v: number) => number) =>
    METRICS.map(
      (metric) => `${m.metrics[metric]} ${formatMetric(metric, scale(metric, totals[metric]))}`,
    ).join('　');
  const members = stats.members.map(
    (row) => `${mention(row.member.messengerUserId)}　${line(row.totals, (_, v) => v)}`,
  );
  return {
    text: title,
    blocks: [
      heading(title),
      textBlock(
        [
          m.stats.groupTotals,
          line(stats.totals, (_, v) => v),
          ...(stats.period === 'day' ? [] : [conversionLine(m, stats.totals)]),
        ].join('\n'),
      ),
      textBlock(`${m.stats.groupPerCapita}\n${line(stats.totals, perCapita)}`),
      divider,
      ...(members.length === 0 ? [] : [textBlock([m.stats.groupMembers, ...members].join('\n'))]),
      note(`${formatDay(m, stats.from)} – ${formatDay(m, stats.to)}`),
    ],
  };
}
