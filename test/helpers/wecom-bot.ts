import type { Clock } from '../../src/clock.ts';
import { createLogger } from '../../src/logger.ts';
import { createStore, type Store } from '../../src/store/store.ts';
import { createWeComApp } from '../../src/wecom/wecom-app.ts';
import { createTestDatabase } from './database.ts';
import { createFakeWeCom, type WeComSent } from './fake-wecom.ts';
import { wecomRequests } from './wecom-requests.ts';

export const CORP_ID = 'wwtestcorp0001';
export const AGENT_ID = 1000002;
export const SECRET = 'test-wecom-secret';
export const TOKEN = 'QDG6eK';
export const AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
export const WC_ADMIN = 'BossAdmin';

export type WeComTestBot = Awaited<ReturnType<typeof startWeComBot>>;

/**
 * The whole bot as WeCom sees it: the real WeCom app on a free port, a fresh database, a fake
 * WeCom API (app messages, cards, group robots, contacts) that records what the bot sends, and
 * `wecom`, which encrypts and signs callbacks the way WeCom does. `send` posts a member's text
 * and waits until the bot has answered; it returns what the bot sent meanwhile.
 */
export async function startWeComBot(options: { now?: string; admins?: string[]; publicUrl?: string } = {}) {
  // Time stands still except when the bot waits: its pacing under WeCom's per-minute limits then
  // moves the clock on by the wait, as real time would, without a test ever sleeping.
  const start = new Date(options.now ?? '2026-11-27T03:00:00Z').getTime();
  let waited = 0;
  const clock: Clock = { now: () => new Date(start + waited) };
  const now = () => clock.now().getTime();
  const sleep = (ms: number) => {
    waited += ms;
    return Promise.resolve();
  };
  const fake = await createFakeWeCom({ corpId: CORP_ID, secret: SECRET, agentId: AGENT_ID, now });
  const database = await createTestDatabase();
  const store: Store = createStore(database.prisma, 'wecom');
  const logLines: string[] = [];
  const logger = createLogger({ level: 'warn', sink: (line) => logLines.push(line) });
  const bot = createWeComApp({
    wecom: {
      corpId: CORP_ID,
      agentId: AGENT_ID,
      secret: SECRET,
      token: TOKEN,
      encodingAesKey: AES_KEY,
      apiUrl: fake.url,
    },
    store,
    clock,
    logger,
    admins: options.admins ?? [WC_ADMIN],
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
    schedule: false,
    now,
    sleep,
    ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
  });
  const running = await bot.start(0);
  const baseUrl = `http://127.0.0.1:${running.port ?? 0}`;
  const wecom = wecomRequests({
    baseUrl,
    token: TOKEN,
    aesKey: AES_KEY,
    corpId: CORP_ID,
    agentId: String(AGENT_ID),
    now,
  });
  let sequence = 0;

  async function delivered(xml: string): Promise<WeComSent[]> {
    const before = fake.sent().length;
    const response = await wecom.post(xml);
    await response.text();
    if (response.status !== 200) throw new Error(`callback answered ${response.status}`);
    await bot.lane.idle();
    return fake.sent().slice(before);
  }

  return {
    fake,
    wecom,
    store,
    prisma: database.prisma,
    clock,
    /** How long the bot has waited to keep under WeCom's limits, in ms. */
    waited: () => waited,
    logLines,
    baseUrl,
    messenger: bot.messenger,
    settled: () => bot.lane.idle(),
    delivered,
    /** A member types `content` in their chat with the app. */
    send(content: string, from: string): Promise<WeComSent[]> {
      sequence += 1;
      return delivered(wecom.textXml({ from, content, msgId: `${7000000000000000000n + BigInt(sequence)}` }));
    },
    async close() {
      await running.stop();
      await fake.close();
      await database.close();
    },
  };
}

/** The text a message shows: markdown or text content, or a card's titles. */
export function shown(sent: WeComSent): string {
  const body = sent.body;
  const part = body[sent.msgtype];
  if (typeof part === 'object' && part !== null && 'content' in part) return String(part.content);
  return JSON.stringify(part ?? body);
}
