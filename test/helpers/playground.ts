import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../src/clock.ts';
import { createLogger } from '../../src/logger.ts';
import { startPlayground } from '../../src/playground/start-playground.ts';
import { openDatabase } from '../../src/store/client.ts';

/** Friday 27 November 2026, 12:00 in Shanghai: a working day, in a year the calendar knows. */
export const PLAYGROUND_NOW = '2026-11-27T04:00:00Z';

export type TestPlayground = Awaited<ReturnType<typeof startTestPlayground>>;

/**
 * The bot in playground mode on a free port, with the demo team in temporary SQLite files (the
 * playground's own stores, one per messenger, whatever TEST_DATABASE_URL says), a fixed clock and no scheduler: the
 * tests run the jobs themselves, as the page's "run job now" does.
 */
export async function startTestPlayground(options: { seed?: 'if-empty' | 'never' } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'zb-playground-'));
  const database = await openDatabase(`file:${join(dir, 'playground.db')}`);
  const logLines: string[] = [];
  const logger = createLogger({ level: 'warn', sink: (line) => logLines.push(line) });
  const playground = await startPlayground({
    port: 0,
    database,
    dingtalkDatabaseUrl: `file:${join(dir, 'playground-dingtalk.db')}`,
    wecomDatabaseUrl: `file:${join(dir, 'playground-wecom.db')}`,
    clock: fixedClock(PLAYGROUND_NOW),
    logger,
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
    admins: [],
    seed: options.seed ?? 'if-empty',
    schedule: false,
  });
  return {
    playground,
    database,
    logLines,
    /** Where tests send requests (the page itself is opened at `playground.url`, on localhost). */
    origin: `http://127.0.0.1:${playground.port}`,
    async close() {
      await playground.stop();
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
