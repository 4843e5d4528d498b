import { createApp } from '../../src/app.ts';
import { type Clock, fixedClock } from '../../src/clock.ts';
import { createLogger } from '../../src/logger.ts';
import { createStore, type Store } from '../../src/store/store.ts';
import { createTestDatabase } from './database.ts';
import { startFakeSlackApi } from './fake-slack-api.ts';
import { createSlackClient } from './slack-requests.ts';

export type { SlackApiCall } from './fake-slack-api.ts';

import type { SlackApiCall } from './fake-slack-api.ts';

export const SIGNING_SECRET = 'test-signing-secret';

/** The buttons (action id and value) of a message the bot posted, in order. */
export function buttonsOf(call: SlackApiCall | undefined): Array<{ action_id: string; value: string }> {
  return (
    (call?.body.blocks ?? []) as Array<{
      type: string;
      elements?: Array<{ action_id: string; value: string }>;
    }>
  )
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);
}
export const ADMIN = 'UADMIN';

export type TestBot = Awaited<ReturnType<typeof startTestBot>>;

/**
 * The whole bot as Slack sees it: the real Bolt app in HTTP mode on a free port, a fresh
 * database, and a fake Slack Web API that records what the bot sends. `slack` sends signed
 * requests; `fake` holds what came out; `store` reads what was saved.
 */
export async function startTestBot(
  options: { now?: string; admins?: string[]; clock?: Clock; schedule?: boolean; publicUrl?: string } = {},
) {
  const fake = await startFakeSlackApi();
  const database = await createTestDatabase();
  const store: Store = createStore(database.prisma, 'slack');
  const logLines: string[] = [];
  const logger = createLogger({ level: 'warn', sink: (line) => logLines.push(line) });
  const clock = options.clock ?? fixedClock(options.now ?? '2026-11-27T03:00:00Z');
  const bot = createApp({
    slack: {
      botToken: 'xoxb-test-token',
      signingSecret: SIGNING_SECRET,
      appToken: undefined,
      apiUrl: fake.url,
    },
    store,
    clock,
    logger,
    admins: options.admins ?? [ADMIN],
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
    schedule: options.schedule ?? false,
    ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
  });
  const running = await bot.start(0);
  const slack = createSlackClient({
    baseUrl: `http://127.0.0.1:${running.port}`,
    signingSecret: SIGNING_SECRET,
    responseUrlBase: fake.responseUrlBase,
  });
  return {
    fake,
    slack,
    /** The bot's own address (its HTTP receiver, which also serves the wallboard). */
    baseUrl: `http://127.0.0.1:${running.port}`,
    store,
    prisma: database.prisma,
    database,
    clock,
    logger,
    messenger: bot.messenger,
    scheduler: bot.scheduler,
    logLines,
    /** Resolves once the bot has worked off all it acknowledged: replies and their follow-ups. */
    settled: () => bot.lane.idle(),
    /** Sends a slash command and waits for the reply the bot posts to its response_url. */
    async command(
      command: string,
      text: string,
      userId: string,
      extra: { triggerId?: string; channelId?: string } = {},
    ) {
      const from = fake.calls.length;
      const ack = await slack.slashCommand({ command, text, userId, ...extra });
      const reply = await fake.waitFor((c) => c.method === 'response_url', { fromIndex: from });
      return { ack, reply: reply.body, text: String(reply.body.text ?? '') };
    },
    /** Clicks a button under a message the bot sent, and waits for the bot's answer to it. */
    async click(userId: string, actionId: string, value: string) {
      const from = fake.calls.length;
      const ack = await slack.blockAction({ userId, actionId, value, messageTs: '1700000000.000100' });
      const reply = await fake.waitFor((c) => c.method === 'response_url', { fromIndex: from });
      return { ack, reply: reply.body, text: String(reply.body.text ?? '') };
    },
    async close() {
      await running.stop();
      await fake.close();
      await database.close();
    },
  };
}
