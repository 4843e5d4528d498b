/**
 * The printed table: one row per figure, and per store the bot's value, its floor measured in the
 * same run, and their ratio; then each goal, met or missed.
 */
import type { SendingFigure } from './jobs.ts';
import type { PosterFigure } from './poster.ts';
import type { DingTalkFigures, SlackFigures, StoreResult, WeComFigures } from './run.ts';

export type Goal = { store: string; goal: string; value: number; limit: number; unit: string; met: boolean };

type Measured = Exclude<StoreResult, { skipped: string }>;
type Cell = { bot: number | string; floor?: number; ratio?: boolean; ratioOf?: number };
/** A row's cell for one store, or undefined when that store did not run the row's suite. */
type Row = { name: string; cell: (r: Measured) => Cell | undefined };

/** The Slack suite's rows read its figures (and the ranking) as `r.logging`, `r.startup`, `r.jobs`. */
type SlackView = Measured & SlackFigures;
function slackRows(rows: Array<{ name: string; cell: (r: SlackView) => Cell }>): Row[] {
  return rows.map((row) => ({
    name: row.name,
    cell: (r) => (r.slack === undefined ? undefined : row.cell({ ...r, ...r.slack })),
  }));
}
function dingtalkRows(
  rows: Array<{ name: string; cell: (r: Measured & { dingtalk: DingTalkFigures }) => Cell }>,
) {
  return rows.map(
    (row): Row => ({
      name: row.name,
      cell: (r) => (r.dingtalk === undefined ? undefined : row.cell({ ...r, dingtalk: r.dingtalk })),
    }),
  );
}
function wecomRows(rows: Array<{ name: string; cell: (w: WeComFigures) => Cell }>) {
  return rows.map(
    (row): Row => ({ name: row.name, cell: (r) => (r.wecom === undefined ? undefined : row.cell(r.wecom)) }),
  );
}

const ROWS: Row[] = slackRows([
  {
    name: 'seed: rows written per second',
    cell: (r) => ({ bot: r.ranking.seed.rowsPerSecond }),
  },
  { name: 'seed: seconds', cell: (r) => ({ bot: r.ranking.seed.ms / 1000 }) },
  {
    name: 'log burst: acked requests/s',
    cell: (r) => ({
      bot: r.logging.burst.bot.throughput,
      floor: r.logging.burst.floor.throughput,
      ratio: true,
    }),
  },
  {
    name: 'log burst: ack p50 ms',
    cell: (r) => ({ bot: r.logging.burst.bot.ackP50Ms, floor: r.logging.burst.floor.ackP50Ms, ratio: true }),
  },
  {
    name: 'log burst: ack p99 ms',
    cell: (r) => ({ bot: r.logging.burst.bot.ackP99Ms, floor: r.logging.burst.floor.ackP99Ms, ratio: true }),
  },
  {
    name: 'log burst: ack p50 ms in the process',
    cell: (r) => ({
      bot: r.logging.burst.bot.inProcess.p50Ms,
      floor: r.logging.burst.floor.inProcess.p50Ms,
      ratio: true,
    }),
  },
  {
    name: 'log burst: ack p99 ms in the process',
    cell: (r) => ({
      bot: r.logging.burst.bot.inProcess.p99Ms,
      floor: r.logging.burst.floor.inProcess.p99Ms,
      ratio: true,
    }),
  },
  {
    name: 'log burst: acks over 1 s',
    cell: (r) => ({
      bot: r.logging.burst.bot.acksOverOneSecond,
      floor: r.logging.burst.floor.acksOverOneSecond,
    }),
  },
  {
    name: 'log burst: all replies in ms',
    cell: (r) => ({ bot: r.logging.burst.bot.replies?.completeMs ?? Number.NaN }),
  },
  {
    name: 'log burst: no answer (connection lost)',
    cell: (r) => ({
      bot: Object.values(r.logging.burst.bot.errors).reduce((a, b) => a + b, 0),
      floor: Object.values(r.logging.burst.floor.errors).reduce((a, b) => a + b, 0),
    }),
  },
  {
    name: 'log burst: recorded / sent',
    cell: (r) => ({ bot: `${r.logging.burst.bot.replies?.recorded ?? 0}/${r.logging.burst.requests}` }),
  },
  {
    name: 'steady logs: ack p50 ms',
    cell: (r) => ({
      bot: r.logging.steady.bot.ackP50Ms,
      floor: r.logging.steady.floor.ackP50Ms,
      ratio: true,
    }),
  },
  {
    name: 'steady logs: ack p99 ms',
    cell: (r) => ({
      bot: r.logging.steady.bot.ackP99Ms,
      floor: r.logging.steady.floor.ackP99Ms,
      ratio: true,
    }),
  },
  {
    name: 'steady logs: ack p99 ms in the process',
    cell: (r) => ({
      bot: r.logging.steady.bot.inProcess.p99Ms,
      floor: r.logging.steady.floor.inProcess.p99Ms,
      ratio: true,
    }),
  },
  {
    name: 'steady logs: reply p99 ms',
    cell: (r) => ({ bot: r.logging.steady.bot.replies?.p99Ms ?? Number.NaN }),
  },
  {
    name: 'daily PK ms',
    cell: (r) => ({ bot: r.ranking.day.botMs, floor: r.ranking.day.floorMs, ratio: true }),
  },
  {
    name: 'monthly PK ms',
    cell: (r) => ({ bot: r.ranking.month.botMs, floor: r.ranking.month.floorMs, ratio: true }),
  },
  {
    name: 'quarterly PK ms',
    cell: (r) => ({ bot: r.ranking.quarter.botMs, floor: r.ranking.quarter.floorMs, ratio: true }),
  },
  {
    name: 'quarter review ms',
    cell: (r) => ({ bot: r.ranking.review.botMs, floor: r.ranking.review.floorMs, ratio: true }),
  },
  {
    name: 'daily ranking = SQL ranking',
    cell: (r) => ({
      bot:
        r.ranking.check.sameOrder && r.ranking.check.samePerCapita
          ? `yes (${r.ranking.check.groups}, ${r.ranking.check.tied} tied)`
          : 'NO',
    }),
  },
  {
    name: 'RSS at rest, big roster MB',
    cell: (r) => ({ bot: r.logging.memory.botAtRestMb, floor: r.logging.memory.floorAtRestMb, ratio: true }),
  },
  { name: 'RSS peak, log bursts MB', cell: (r) => ({ bot: r.logging.memory.botPeakMb }) },
  {
    name: 'src/main.ts RSS at rest MB',
    cell: (r) => ({ bot: r.startup.atRestMb, floor: r.startup.floorAtRestMb, ratio: true }),
  },
  {
    name: 'src/main.ts RSS after 15 s idle MB',
    cell: (r) => ({ bot: r.startup.idleMb, floor: r.startup.floorIdleMb, ratio: true }),
  },
  {
    name: 'src/main.ts ready ms',
    cell: (r) => ({ bot: r.startup.readyMs, floor: r.startup.floorReadyMs, ratio: true }),
  },
  { name: 'first start (migrates) ms', cell: (r) => ({ bot: r.startup.firstStartMs }) },
]);

/** DingTalk: the HTTP-mode burst, the 10,000-member warnings and a small team's month. */
const DINGTALK_ROWS: Row[] = dingtalkRows([
  {
    name: 'DingTalk log burst: acked requests/s',
    cell: (r) => ({
      bot: r.dingtalk.logging.bot.throughput,
      floor: r.dingtalk.logging.floor.throughput,
      ratio: true,
    }),
  },
  {
    name: 'DingTalk log burst: ack p99 ms',
    cell: (r) => ({
      bot: r.dingtalk.logging.bot.ackP99Ms,
      floor: r.dingtalk.logging.floor.ackP99Ms,
      ratio: true,
    }),
  },
  {
    name: 'DingTalk log burst: ack p99 ms in the process',
    cell: (r) => ({
      bot: r.dingtalk.logging.bot.inProcess.p99Ms,
      floor: r.dingtalk.logging.floor.inProcess.p99Ms,
      ratio: true,
    }),
  },
  {
    name: 'DingTalk log burst: all replies in ms',
    cell: (r) => ({ bot: r.dingtalk.logging.bot.replies.completeMs }),
  },
  {
    name: 'DingTalk log burst: answered once / recorded / sent',
    cell: (r) => {
      const { replies } = r.dingtalk.logging.bot;
      return { bot: `${replies.exactlyOnce}/${replies.recorded}/${r.dingtalk.logging.requests}` };
    },
  },
  {
    name: 'DingTalk log burst: metered API calls',
    cell: (r) => ({ bot: r.dingtalk.logging.bot.replies.meteredCalls }),
  },
  {
    name: 'DingTalk job daily-warnings ms (posts)',
    cell: (r) => {
      const w = r.dingtalk.warnings;
      const failed = w.failures > 0 ? `, ${w.failures} failed` : '';
      return { bot: `${format(w.ms)} (${w.posts}${failed})`, floor: w.floorMs, ratio: true, ratioOf: w.ms };
    },
  },
  {
    name: 'DingTalk daily-warnings: metered calls',
    cell: (r) => ({ bot: r.dingtalk.warnings.meteredCalls }),
  },
  {
    name: 'DingTalk month, 30 people: metered calls',
    cell: (r) => ({ bot: r.dingtalk.month.meteredCalls }),
  },
  {
    name: 'DingTalk month: session replies (free)',
    cell: (r) => ({ bot: r.dingtalk.month.sessionReplies }),
  },
]);

/** WeCom: the encrypted-callback burst and the 10,000-member warnings. */
const WECOM_ROWS: Row[] = wecomRows([
  {
    name: 'WeCom log burst: acked requests/s',
    cell: (w) => ({ bot: w.logging.bot.throughput, floor: w.logging.floor.throughput, ratio: true }),
  },
  {
    name: 'WeCom log burst: ack p99 ms',
    cell: (w) => ({ bot: w.logging.bot.ackP99Ms, floor: w.logging.floor.ackP99Ms, ratio: true }),
  },
  {
    name: 'WeCom log burst: ack p99 ms in the process',
    cell: (w) => ({
      bot: w.logging.bot.inProcess.p99Ms,
      floor: w.logging.floor.inProcess.p99Ms,
      ratio: true,
    }),
  },
  { name: 'WeCom log burst: all replies in ms', cell: (w) => ({ bot: w.logging.bot.replies.completeMs }) },
  {
    name: 'WeCom log burst: answered once / recorded / sent',
    cell: (w) => {
      const { replies } = w.logging.bot;
      return { bot: `${replies.exactlyOnce}/${replies.recorded}/${w.logging.requests}` };
    },
  },
  { name: 'WeCom log burst: dropped by WeCom', cell: (w) => ({ bot: w.logging.bot.replies.dropped }) },
  {
    name: 'WeCom job daily-warnings ms (posts)',
    cell: (w) => {
      const j = w.warnings;
      const failed = j.failures > 0 ? `, ${j.failures} failed` : '';
      return { bot: `${format(j.ms)} (${j.posts}${failed})`, floor: j.floorMs, ratio: true, ratioOf: j.ms };
    },
  },
  {
    name: 'WeCom daily-warnings: message/send calls (people)',
    cell: (w) => ({ bot: `${w.warnings.sends} (${w.warnings.recipients})` }),
  },
  { name: 'WeCom daily-warnings: dropped by WeCom', cell: (w) => ({ bot: w.warnings.dropped }) },
]);

function jobRow(label: string): Row {
  const [row] = slackRows([
    {
      // The PK jobs' floor is their posts plus the ranking SQL of their period (jobs.ts).
      name: /-pk\b/.test(label) ? `job ${label} ms (posts; floor + PK SQL)` : `job ${label} ms (posts)`,
      cell: (r) => {
        const figure = r.jobs.find((j) => j.label === label);
        if (figure === undefined) return { bot: Number.NaN };
        const note = figure.status === 'done' ? `${figure.posts}` : `${figure.status}, ${figure.posts}`;
        return {
          bot: `${format(figure.ms)} (${note}${figure.failures > 0 ? `, ${figure.failures} failed` : ''})`,
          floor: figure.floorMs,
          ratio: figure.posts > 0,
          ratioOf: figure.ms,
        };
      },
    },
  ]);
  if (row === undefined) throw new Error('jobRow: no row');
  return row;
}

function format(value: number | string | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(1);
}

export function printTable(
  results: readonly StoreResult[],
  sending: SendingFigure | undefined,
  goals: readonly Goal[],
  meta: { quick: boolean; seconds: number; poster?: PosterFigure },
): void {
  const header = ['figure'];
  for (const r of results) header.push(`${r.label} bot`, 'floor', '×');
  const lines: string[][] = [header];
  const jobs = [
    ...new Set(results.flatMap((r) => ('skipped' in r ? [] : (r.slack?.jobs ?? []).map((j) => j.label)))),
  ];
  for (const row of [...ROWS, ...jobs.map(jobRow), ...DINGTALK_ROWS, ...WECOM_ROWS]) {
    const line = [row.name];
    // A row of a suite no store ran is left out.
    if (results.every((r) => 'skipped' in r || row.cell(r) === undefined)) continue;
    for (const r of results) {
      if ('skipped' in r) {
        line.push('skipped', '', '');
        continue;
      }
      const cell = row.cell(r);
      if (cell === undefined) {
        line.push('–', '', '');
        continue;
      }
      const value = cell.ratioOf ?? cell.bot;
      const ratio =
        cell.ratio === true && typeof value === 'number' && cell.floor !== undefined
          ? `${(value / cell.floor).toFixed(2)}`
          : '';
      line.push(format(cell.bot), format(cell.floor), ratio);
    }
    lines.push(line);
  }
  const widths = header.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length)));
  const render = (l: string[]) =>
    `| ${l.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const out = [render(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`];
  for (const l of lines.slice(1)) out.push(render(l));
  for (const r of results) if ('skipped' in r) out.push(`${r.label}: skipped (${r.skipped})`);
  const measured = results.find((r): r is Measured => !('skipped' in r) && r.slack !== undefined);
  if (measured?.slack !== undefined) {
    const { burst, steady } = measured.slack.logging;
    out.push(
      `Log burst: ${burst.requests} /log sent at once; steady logs: ${steady.requests} at ${steady.perSecond}/s ` +
        'to the bot and the floor at the same time. × is bot ÷ floor.',
    );
  }
  if (sending !== undefined)
    out.push(
      `Direct messages with a ${sending.latencyMs} ms Slack round trip: ${sending.messages} one by one ` +
        `${format(sending.oneByOneMs)} ms, ${sending.inFlight} in flight ${format(sending.batchedMs)} ms ` +
        `(${(sending.oneByOneMs / sending.batchedMs).toFixed(1)}× faster).`,
    );
  for (const r of results) {
    if ('skipped' in r || r.dingtalk === undefined) continue;
    const { month } = r.dingtalk;
    const list = (counts: Record<string, number>) =>
      Object.entries(counts)
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1])
        .map(([name, n]) => `${name} ${n}`)
        .join(', ');
    out.push(
      `DingTalk month ${month.month} on ${r.label} (${month.people} people, ${month.competitors} logging twice ` +
        `on ${month.workingDays} working days, ${month.logs} logs): metered calls by endpoint: ` +
        `${list(month.byEndpoint)}; by source: ${list(month.bySource)}.`,
    );
  }
  for (const r of results) {
    if ('skipped' in r || r.wecom === undefined) continue;
    const { logging, warnings } = r.wecom;
    out.push(
      `WeCom on ${r.label}: ${logging.requests} encrypted /log callbacks at once (floor: verify, decrypt, empty 200); ` +
        `daily-warnings ${warnings.posts} posts in ${warnings.sends} message/send calls to ` +
        `${warnings.recipients} people.`,
    );
  }
  const { poster } = meta;
  if (poster !== undefined)
    out.push(
      `18:00 战报 image of ${poster.groups} groups (${format(poster.pngBytes)} bytes of PNG): the first ` +
        `${format(poster.coldMs)} ms (starts the renderer's own process, which loads satori, resvg and the fonts; ` +
        `the bot's RSS +${format(poster.rssGrowthMb)} MB), ` +
        `then p50 ${format(poster.warmP50Ms)} ms, max ${format(poster.warmMaxMs)} ms.`,
    );
  out.push('');
  out.push('Goals:');
  for (const g of goals) {
    const value = g.unit === '' ? '' : ` ${format(g.value)} ${g.unit} (limit ${format(g.limit)})`;
    out.push(`  ${g.met ? 'met   ' : 'MISSED'} ${g.store}: ${g.goal}:${value}`);
  }
  out.push('');
  out.push(`${meta.quick ? 'quick run' : 'full run'} in ${meta.seconds.toFixed(0)} s`);
  console.log(out.join('\n'));
}
