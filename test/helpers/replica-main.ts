/**
 * One bot replica for the multi-replica test: the real createApp with the real scheduler on the
 * database of DATABASE_URL, but a fixed clock (TEST_NOW) so that the test knows which jobs are due.
 * Run as its own process: `node --import tsx test/helpers/replica-main.ts`.
 */
import { createApp, workConcurrencyFor } from '../../src/app.ts';
import { fixedClock } from '../../src/clock.ts';
import { createLogger } from '../../src/logger.ts';
import { openDatabase } from '../../src/store/client.ts';
import { createStore } from '../../src/store/store.ts';

const env = process.env;
const logger = createLogger({ level: 'info', name: env.REPLICA_NAME ?? 'replica' });
const database = await openDatabase(env.DATABASE_URL ?? '', { migrate: false });
const bot = createApp({
  slack: {
    botToken: 'xoxb-replica',
    signingSecret: env.SLACK_SIGNING_SECRET ?? '',
    appToken: undefined,
    apiUrl: env.SLACK_API_URL,
  },
  store: createStore(database.prisma, 'slack'),
  clock: fixedClock(env.TEST_NOW ?? new Date().toISOString()),
  logger,
  admins: [],
  timezone: 'Asia/Shanghai',
  locale: 'zh-CN',
  workConcurrency: workConcurrencyFor(database.provider),
});
const running = await bot.start(0);
logger.event('info', 'ready', { port: running.port });
process.on('SIGTERM', () => {
  void running
    .stop()
    .then(() => database.close())
    .then(() => process.exit(0));
});
