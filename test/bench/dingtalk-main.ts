/**
 * The DingTalk process under load in the DingTalk logging benchmark, started like `npm start`
 * (src/start.js test/bench/dingtalk-main.ts) so that its memory and start are the bot's own.
 *
 * BENCH_MODE=bot: the real DingTalk robot in HTTP mode (createDingTalkApp on DATABASE_URL, the
 * scheduler off, the team's clock fixed at BENCH_NOW so that the seeded roster's "today" is the
 * day logged; signatures and session expiry on the real time), the OpenAPI at DINGTALK_API_URL.
 * BENCH_MODE=ack-only: the floor, dingtalk-ack-only.ts.
 *
 * Writes the `ready` log line (with the port) on stderr; stops on SIGTERM. Both modes time each
 * request inside the process (request-times.ts).
 */
import { workConcurrencyFor } from '../../src/app.ts';
import { fixedClock } from '../../src/clock.ts';
import { createDingTalkApp } from '../../src/dingtalk/dingtalk-app.ts';
import { createLogger } from '../../src/logger.ts';
import { openDatabase } from '../../src/store/client.ts';
import { createStore } from '../../src/store/store.ts';
import { startDingTalkAckOnly } from './dingtalk-ack-only.ts';
import { answerRequestTimes } from './request-times.ts';

const env = process.env;
const mode = env.BENCH_MODE === 'ack-only' ? 'ack-only' : 'bot';
const logger = createLogger({ level: 'info', name: `bench-dingtalk-${mode}` });
const secret = env.DINGTALK_CLIENT_SECRET ?? '';

async function startBot(): Promise<{ port: number; stop(): Promise<void> }> {
  const database = await openDatabase(env.DATABASE_URL ?? '', { migrate: false });
  const apiUrl = env.DINGTALK_API_URL ?? '';
  const bot = createDingTalkApp({
    dingtalk: {
      clientId: env.DINGTALK_CLIENT_ID ?? '',
      clientSecret: secret,
      robotCode: env.DINGTALK_CLIENT_ID ?? '',
      mode: 'http',
      apiUrl,
      oapiUrl: apiUrl,
    },
    store: createStore(database.prisma, 'dingtalk'),
    clock: fixedClock(env.BENCH_NOW ?? new Date().toISOString()),
    logger,
    admins: [],
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
    schedule: false,
    workConcurrency: workConcurrencyFor(database.provider),
  });
  const running = await bot.start(0);
  if (running.port === undefined) throw new Error('DingTalk bot has no port');
  return {
    port: running.port,
    async stop() {
      await running.stop();
      await database.close();
    },
  };
}

answerRequestTimes();

const running = await (mode === 'ack-only' ? startDingTalkAckOnly(secret) : startBot());
logger.event('info', 'ready', { mode, port: running.port });
process.on('SIGTERM', () => {
  void running.stop().then(() => process.exit(0));
});
