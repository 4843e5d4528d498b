import { type Clock, fixedClock } from '../../src/clock.ts';
import { createDingTalkApp } from '../../src/dingtalk/dingtalk-app.ts';
import { EVENTS_PATH, signFor } from '../../src/dingtalk/http-receiver.ts';
import { createLogger } from '../../src/logger.ts';
import { createStore, type Store } from '../../src/store/store.ts';
import { createTestDatabase } from './database.ts';
import { createFakeDingTalk, type SentMessage } from './fake-dingtalk.ts';
import { createFakeDingTalkGateway } from './fake-dingtalk-gateway.ts';

export const CLIENT_ID = 'dingtestclient01';
export const CLIENT_SECRET = 'test-dingtalk-secret';
export const ROBOT_USER = '$:LWCP_v1:$robot';
export const DT_ADMIN = 'admin001';

export type DingTalkTestBot = Awaited<ReturnType<typeof startDingTalkBot>>;

export type Sender = { userId: string; nick?: string };
export type Where = { group?: { id: string; title?: string }; at?: Sender[] };

/**
 * The whole bot as DingTalk sees it: the real DingTalk app in HTTP or Stream mode, a fresh
 * database, a fake DingTalk (OpenAPI, oapi, session webhooks) that records what the bot sends,
 * and, in Stream mode, a fake gateway. `send` delivers a robot message the way DingTalk would:
 * a signed POST to /dingtalk/events, or a CALLBACK frame on the socket. A message mentioning
 * people carries them only in atUsers (with the robot itself) and not in its text, like DingTalk.
 */
export async function startDingTalkBot(
  options: {
    mode?: 'http' | 'stream';
    now?: string;
    admins?: string[];
    clock?: Clock;
    publicUrl?: string;
    /** DINGTALK_CARD_TEMPLATE_ID: buttons go as interactive cards (Stream mode). */
    cardTemplateId?: string;
  } = {},
) {
  const mode = options.mode ?? 'http';
  const clock = options.clock ?? fixedClock(options.now ?? '2026-11-27T03:00:00Z');
  const now = () => clock.now().getTime();
  const fake = await createFakeDingTalk({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    robotCode: CLIENT_ID,
    now,
  });
  const gateway =
    mode === 'stream'
      ? await createFakeDingTalkGateway({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET })
      : undefined;
  const database = await createTestDatabase();
  const store: Store = createStore(database.prisma, 'dingtalk');
  const logLines: string[] = [];
  const logger = createLogger({ level: 'warn', sink: (line) => logLines.push(line) });
  const bot = createDingTalkApp({
    dingtalk: {
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      robotCode: CLIENT_ID,
      mode,
      apiUrl: fake.url,
      oapiUrl: fake.url,
      ...(options.cardTemplateId === undefined ? {} : { cardTemplateId: options.cardTemplateId }),
    },
    ...(gateway === undefined ? {} : { gatewayUrl: gateway.openUrl }),
    backoff: { initialMs: 5, maxMs: 50 },
    store,
    clock,
    logger,
    admins: options.admins ?? [DT_ADMIN],
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
    schedule: false,
    now,
    sleep: () => Promise.resolve(),
    ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
  });
  const running = await bot.start(0);
  const baseUrl = `http://127.0.0.1:${running.port ?? 0}`;
  let sequence = 0;

  function robotMessage(text: string, from: Sender, where: Where = {}) {
    sequence += 1;
    const msgId = `msg${sequence}${Math.random().toString(36).slice(2, 8)}==`;
    const session = fake.session(`s-${msgId}`, { expiresAt: now() + 90 * 60_000 });
    const group = where.group;
    const body: Record<string, unknown> = {
      conversationId: group?.id ?? `cid-dm-${from.userId}`,
      chatbotCorpId: 'dingcorp',
      chatbotUserId: ROBOT_USER,
      msgId,
      senderNick: from.nick ?? from.userId,
      isAdmin: false,
      senderStaffId: from.userId,
      senderId: `$:LWCP_v1:$${from.userId}`,
      senderCorpId: 'dingcorp',
      conversationType: group === undefined ? '1' : '2',
      createAt: now(),
      robotCode: CLIENT_ID,
      sessionWebhook: session,
      sessionWebhookExpiredTime: now() + 90 * 60_000,
      msgtype: 'text',
      text: { content: text },
    };
    if (group !== undefined) {
      body.conversationTitle = group.title ?? '销售一组';
      body.isInAtList = true;
      body.atUsers = [
        { dingtalkId: ROBOT_USER },
        ...(where.at ?? []).map((p) => ({ dingtalkId: `$:LWCP_v1:$${p.userId}`, staffId: p.userId })),
      ];
    }
    return { msgId, body };
  }

  async function deliver(body: Record<string, unknown>): Promise<number> {
    if (gateway !== undefined) {
      const messageId = gateway.pushRobotMessage(body);
      await gateway.waitForAck(messageId);
      return 200;
    }
    const timestamp = String(now());
    const response = await fetch(`${baseUrl}${EVENTS_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        timestamp,
        sign: signFor(CLIENT_SECRET, timestamp),
      },
      body: JSON.stringify(body),
    });
    await response.text();
    return response.status;
  }

  return {
    mode,
    fake,
    gateway,
    store,
    prisma: database.prisma,
    clock,
    logLines,
    baseUrl,
    messenger: bot.messenger,
    scheduler: bot.scheduler,
    api: bot.api,
    robotMessage,
    deliver,
    /** Resolves once the bot has worked off all it acknowledged. */
    settled: () => bot.lane.idle(),
    /**
     * Sends `text` as `from` (in their 1:1 chat, or in `where.group`) and waits until the bot has
     * answered; returns what it sent for this message, in order.
     */
    async send(text: string, from: Sender, where: Where = {}): Promise<SentMessage[]> {
      const before = fake.sent().length;
      const { body } = robotMessage(text, from, where);
      await deliver(body);
      await bot.lane.idle();
      return fake.sent().slice(before);
    },
    async close() {
      await running.stop();
      await gateway?.close();
      await fake.close();
      await database.close();
    },
  };
}

/** The markdown text of a sent message (or its text content). */
export function textOf(sent: SentMessage): string {
  const param = sent.msgParam;
  return String(param.text ?? param.content ?? '');
}
