/**
 * The process under load in the logging benchmark, run as its own process so that its memory is
 * its own: started like `npm start` (src/start.js test/bench/bot-main.ts).
 *
 * BENCH_MODE=bot: the real bot (createApp on DATABASE_URL, the scheduler off, the clock fixed at
 * BENCH_NOW so that the seeded roster's "today" is the day logged).
 * BENCH_MODE=ack-only: the floor: a Bolt App built the way createApp builds it, on the same
 * HTTPReceiver, whose only listener acks `/log`.
 *
 * BENCH_MODE=replica: the real bot with its scheduler on, on a clock that runs from BENCH_CLOCK_FROM
 * (an instant) at the real time BENCH_CLOCK_AT (epoch ms), so that the scheduler's minute tick at
 * that real moment is the local 18:00 of the several-teams benchmark (branches.ts).
 *
 * Writes the `ready` log line (with the port) on stderr, like src/main.ts; stops on SIGTERM.
 *
 * Both modes time each request inside the process (request-times.ts).
 */
import { App, LogLevel } from '@slack/bolt';
import { createApp, workConcurrencyFor } from '../../src/app.ts';
import { fixedClock } from '../../src/clock.ts';
import { createLogger } from '../../src/logger.ts';
import { openDatabase } from '../../src/store/client.ts';
import { createStore } from '../../src/store/store.ts';
import { answerRequestTimes } from './request-times.ts';

const env = process.env;
const mode = env.BENCH_MODE === 'ack-only' ? 'ack-only' : env.BENCH_MODE === 'replica' ? 'replica' : 'bot';

/** BENCH_CLOCK_FROM at the real moment BENCH_CLOCK_AT, moving on with real time. */
function runningClock(from: string, at: number) {
  const offset = new Date(from).getTime() - at;
  return { now: () => new Date(Date.now() + offset) };
}
const logger = createLogger({ level: 'info', name: `bench-${mode}` });
const slack = {
  botToken: 'xoxb-bench',
  signingSecret: env.SLACK_SIGNING_SECRET ?? '',
  appToken: undefined,
  apiUrl: env.SLACK_API_URL,
};

async function startAckOnly(): Promise<{ port: number; stop(): Promise<void> }> {
  const app = new App({
    token: slack.botToken,
    signingSecret: slack.signingSecret,
    logger,
    logLevel: LogLevel.INFO,
    clientOptions: slack.apiUrl === undefined ? {} : { slackApiUrl: slack.apiUrl },
  });
  app.command('/log', async ({ ack }) => {
    await ack();
  });
  const server = await app.start(0);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('ack-only app has no port');
  return { port: address.port, stop: () => app.stop().then(() => undefined) };
}

async function startBot(): Promise<{ port: number; stop(): Promise<void> }> {
  const database = await openDatabase(env.DATABASE_URL ?? '', { migrate: false });
  const bot = createApp({
    slack,
    store: createStore(database.prisma, 'slack'),
    clock:
      mode === 'replica'
        ? runningClock(env.BENCH_CLOCK_FROM ?? '', Number(env.BENCH_CLOCK_AT))
        : fixedClock(env.BENCH_NOW ?? new Date().toISOString()),
    logger,
    admins: [],
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
    schedule: mode === 'replica',
    workConcurrency: workConcurrencyFor(database.provider),
  });
  const running = await bot.start(0);
  if (running.port === undefined) throw new Error('bot has no port');
  return {
    port: running.port,
    async stop() {
      await running.stop();
      await database.close();
    },
  };
}

answerRequestTimes();

const running = await (mode === 'ack-only' ? startAckOnly() : startBot());
logger.event('info', 'ready', { mode, port: running.port });
process.on('SIGTERM', () => {
  void running.stop().then(() => process.exit(0));
});
