/**
 * Several teams in one deployment (issue 16): N branches of 31 people (the plan's team: a director,
 * two managers, three groups) in one PostgreSQL database, every team's 18:00 board due at once, two
 * replicas with their schedulers on. Measured: the time from the local 18:00 minute tick to the
 * last board at the fake Slack, and that each team's board was posted once (the job claim).
 *
 * The replicas run on a clock that reaches 18:00:00 at a real minute boundary (bot-main.ts,
 * BENCH_MODE=replica), so the scheduler's own cron tick starts the work, as in production; the jobs
 * due earlier in the day (the warnings, the morning digest) run at start-up, before 18:00.
 */

import { seedDemo } from '../../src/demo/seed.ts';
import type { Day } from '../../src/domain/days.ts';
import { openDatabase } from '../../src/store/client.ts';
import { startFakeSlackApi } from '../helpers/fake-slack-api.ts';
import { type BenchProcess, BOT_MAIN, startProcess } from './processes.ts';
import { postgresStore } from './stores.ts';

export type BranchesFigure = {
  teams: number;
  people: number;
  replicas: number;
  /** Milliseconds from the 18:00 tick to the first and to the last daily board. */
  firstBoardMs: number;
  lastBoardMs: number;
  /** Teams whose board was posted exactly once / more than once / not at all. */
  once: number;
  twice: number;
  missing: number;
};

/** The local 18:00 of the benchmark's day (Friday 27 November 2026 in Shanghai). */
const SIX_PM = '2026-11-27T10:00:00Z';
const SECRET = 'bench-branches-secret';

export async function benchBranches(options: {
  adminUrl: string;
  teams: number;
  today: Day;
  log: (line: string) => void;
}): Promise<BranchesFigure> {
  const store = await postgresStore(options.adminUrl, 'PostgreSQL');
  const fake = await startFakeSlackApi({ defaultLocale: 'zh-CN' });
  const replicas: BenchProcess[] = [];
  try {
    const database = await openDatabase(store.url);
    const channels: string[] = [];
    try {
      options.log(`branches: seeding ${options.teams} teams of 31`);
      for (let i = 0; i < options.teams; i += 1) {
        const summary = await seedDemo(database.prisma, {
          messenger: 'slack',
          today: options.today,
          months: 1,
          recordWinners: false,
          team: { name: i === 0 ? '一部' : `分部${i + 1}`, timezone: 'Asia/Shanghai', locale: 'zh-CN' },
          branch: i > 0,
        });
        channels.push(summary.teamChannelId);
      }
    } finally {
      await database.close();
    }
    // 18:00 at the first real minute boundary that leaves the replicas time to start.
    const sixPmAt = Math.ceil((Date.now() + 20_000) / 60_000) * 60_000;
    const env = {
      BENCH_MODE: 'replica',
      DATABASE_URL: store.url,
      SLACK_API_URL: fake.url,
      SLACK_SIGNING_SECRET: SECRET,
      BENCH_CLOCK_FROM: SIX_PM,
      BENCH_CLOCK_AT: String(sixPmAt),
    };
    options.log(`branches: two replicas, 18:00 in ${Math.round((sixPmAt - Date.now()) / 1000)} s`);
    replicas.push(...(await Promise.all([startProcess(BOT_MAIN, { env }), startProcess(BOT_MAIN, { env })])));
    const title = '小组PK榜 · 11月27日';
    const boards = () =>
      fake.calls.filter(
        (c) =>
          c.method === 'chat.postMessage' &&
          c.body.text === title &&
          channels.includes(String(c.body.channel)),
      );
    const posted = () => new Set(boards().map((c) => String(c.body.channel))).size;
    // Every board, or the minute after 18:00 is over (what is missing then is reported).
    await fake
      .waitFor(() => posted() === channels.length, { timeoutMs: sixPmAt - Date.now() + 60_000 })
      .catch(() => undefined);
    const all = boards();
    const perChannel = channels.map((channel) => all.filter((c) => c.body.channel === channel).length);
    const times = all.map((c) => c.at - sixPmAt);
    return {
      teams: options.teams,
      people: options.teams * 31,
      replicas: replicas.length,
      firstBoardMs: Math.min(...times),
      lastBoardMs: Math.max(...times),
      once: perChannel.filter((n) => n === 1).length,
      twice: perChannel.filter((n) => n > 1).length,
      missing: perChannel.filter((n) => n === 0).length,
    };
  } finally {
    await Promise.all(replicas.map((r) => r.stop()));
    await fake.close();
    await store.drop();
  }
}
