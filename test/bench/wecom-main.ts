/**
 * The WeCom process under load in the WeCom logging benchmark, started like `npm start`
 * (src/start.js test/bench/wecom-main.ts) so that its memory and start are the bot's own.
 *
 * BENCH_MODE=bot: the real WeCom self-built app (createWeComApp on DATABASE_URL, the scheduler
 * off, the team's clock fixed at BENCH_NOW so that the seeded roster's "today" is the day logged;
 * the API client's pacing on the real time), the WeCom API at WECOM_API_URL.
 * BENCH_MODE=ack-only: the floor, wecom-ack-only.ts.
 *
 * Writes the `ready` log line (with the port) on stderr; stops on SIGTERM. Both modes time each
 * request inside the process (request-times.ts).
 */
import { workConcurrencyFor } from '../../src/app.ts';
import { fixedClock } from '../../src/clock.ts';
import { createLogger } from '../../src/logger.ts';
import { openDatabase } from '../../src/store/client.ts';
import { createStore } from '../../src/store/store.ts';
import { createWeComApp } from '../../src/wecom/wecom-app.ts';
import { answerRequestTimes } from './request-times.ts';
import { startWeComAckOnly } from './wecom-ack-only.ts';

const env = process.env;
const mode = env.BENCH_MODE === 'ack-only' ? 'ack-only' : 'bot';
const logger = createLogger({ level: 'info', name: `bench-wecom-${mode}` });
const wecom = {
  corpId: env.WECOM_CORP_ID ?? '',
  agentId: Number(env.WECOM_AGENT_ID ?? '0'),
  secret: env.WECOM_SECRET ?? '',
  token: env.WECOM_TOKEN ?? '',
  encodingAesKey: env.WECOM_ENCODING_AES_KEY ?? '',
  apiUrl: env.WECOM_API_URL ?? '',
};

async function startBot(): Promise<{ port: number; stop(): Promise<void> }> {
  const database = await openDatabase(env.DATABASE_URL ?? '', { migrate: false });
  const bot = createWeComApp({
    wecom,
    store: createStore(database.prisma, 'wecom'),
    clock: fixedClock(env.BENCH_NOW ?? new Date().toISOString()),
    logger,
    admins: [],
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
    schedule: false,
    workConcurrency: workConcurrencyFor(database.provider),
  });
  const running = await bot.start(0);
  if (running.port === undefined) throw new Error('WeCom bot has no port');
  return {
    port: running.port,
    async stop() {
      await running.stop();
      await database.close();
    },
  };
}

answerRequestTimes();

const running = await (mode === 'ack-only'
  ? startWeComAckOnly({ token: wecom.token, aesKey: wecom.encodingAesKey, corpId: wecom.corpId })
  : startBot());
logger.event('info', 'ready', { mode, port: running.port });
process.on('SIGTERM', () => {
  void running.stop().then(() => process.exit(0));
});
