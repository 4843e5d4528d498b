/**
 * The 18:00 rush through DingTalk's HTTP mode: signed robot callbacks (`/log` typed in each
 * member's 1:1 chat with the robot), all sent at once, to a DingTalk bot process (dingtalk-main.ts:
 * sign check, parse, lane, transaction, audit, reply through the message's session webhook on the
 * fake DingTalk), after the same burst to the floor: a bare node:http server that checks the same
 * sign and answers `{"msgtype":"empty"}`. Every member logs once per burst; every message must get
 * exactly one reply, through its session webhook (free), and no metered call.
 */
import { fileURLToPath } from 'node:url';
import { signFor } from '../../src/dingtalk/http-receiver.ts';
import { createFakeDingTalk, type FakeDingTalk } from '../helpers/fake-dingtalk.ts';
import { type Burst, LOG_TEXT, type LoadResult, startLoad, summary } from './logging.ts';
import { type BenchProcess, startProcess } from './processes.ts';

const CLIENT_ID = 'dingbenchclient';
const CLIENT_SECRET = 'bench-dingtalk-secret';
const SESSION_MS = 90 * 60 * 1000;
export const DINGTALK_MAIN = fileURLToPath(new URL('./dingtalk-main.ts', import.meta.url));

export type DingTalkReplies = {
  /** Messages acked by the bot. */
  acked: number;
  /** Of those, messages answered through their session webhook exactly once / more than once. */
  exactlyOnce: number;
  moreThanOnce: number;
  /** Replies saying the log was recorded. */
  recorded: number;
  completeMs: number;
  /** Calls to the metered OpenAPI during the burst (a reply that missed its session costs one). */
  meteredCalls: number;
  others: string[];
};

export type DingTalkLoggingResult = {
  requests: number;
  floor: Burst;
  bot: Omit<Burst, 'replies'> & { replies: DingTalkReplies };
  throughputRatio: number;
  problems: string[];
};

type Prepared = { body: string; headers: Record<string, string>; session: string };

function prepare(users: readonly string[], tag: string, fake: FakeDingTalk): Prepared[] {
  const now = Date.now();
  const timestamp = String(now);
  const sign = signFor(CLIENT_SECRET, timestamp);
  return users.map((userId, index) => {
    const session = `${tag}-${index}`;
    const body = JSON.stringify({
      conversationId: `cid-dm-${userId}`,
      chatbotCorpId: 'dingcorp',
      chatbotUserId: '$:LWCP_v1:$robot',
      msgId: `msg-${session}`,
      senderNick: userId,
      isAdmin: false,
      senderStaffId: userId,
      senderId: `$:LWCP_v1:$${userId}`,
      senderCorpId: 'dingcorp',
      conversationType: '1',
      createAt: now,
      robotCode: CLIENT_ID,
      sessionWebhook: fake.session(session, { expiresAt: now + SESSION_MS }),
      sessionWebhookExpiredTime: now + SESSION_MS,
      msgtype: 'text',
      text: { content: `/log ${LOG_TEXT}` },
    });
    return {
      body,
      session,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(body)),
        timestamp,
        sign,
      },
    };
  });
}

/** Waits until every acked message was answered at its session webhook (or the timeout), then counts. */
async function replies(
  fake: FakeDingTalk,
  requests: readonly Prepared[],
  sent: LoadResult,
  options: { since: number; timeoutMs: number },
): Promise<DingTalkReplies> {
  const wanted = new Set(requests.flatMap((r, i) => (sent.ok[i] === true ? [r.session] : [])));
  const calls = () => fake.calls.slice(options.since);
  const answered = () => calls().filter((c) => c.session !== undefined && wanted.has(c.session));
  const deadline = Date.now() + options.timeoutMs;
  while (new Set(answered().map((c) => c.session)).size < wanted.size && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  // A moment more, so that a second reply to the same message would be seen.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const counts = new Map<string, number>();
  let last = sent.startedAt;
  let recorded = 0;
  const others = new Set<string>();
  for (const call of answered()) {
    const session = call.session ?? '';
    counts.set(session, (counts.get(session) ?? 0) + 1);
    last = Math.max(last, call.at);
    const text = JSON.stringify(call.body);
    if (text.includes('已记录')) recorded += 1;
    else if (others.size < 3) others.add(text.slice(0, 200));
  }
  const values = [...counts.values()];
  return {
    acked: wanted.size,
    exactlyOnce: values.filter((n) => n === 1).length,
    moreThanOnce: values.filter((n) => n > 1).length,
    recorded,
    completeMs: last - sent.startedAt,
    meteredCalls: calls().filter((c) => c.name !== 'sessionReply').length,
    others: [...others],
  };
}

export async function benchDingTalkLogging(options: {
  databaseUrl: string;
  /** Members who log, each once: warmup + burst of them. */
  users: readonly string[];
  warmup: number;
  burst: number;
  now: string;
  log: (line: string) => void;
}): Promise<DingTalkLoggingResult> {
  const needed = options.warmup + options.burst;
  if (options.users.length < needed)
    throw new Error(`DingTalk logging needs ${needed} members, ${options.users.length} are left`);
  const fake = await createFakeDingTalk({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    robotCode: CLIENT_ID,
  });
  const env = {
    DINGTALK_CLIENT_ID: CLIENT_ID,
    DINGTALK_CLIENT_SECRET: CLIENT_SECRET,
    DINGTALK_API_URL: fake.url,
  };
  const load = startLoad({ path: '/dingtalk/events' });
  let floor: BenchProcess | undefined;
  let bot: BenchProcess | undefined;
  try {
    floor = await startProcess(DINGTALK_MAIN, { ipc: true, env: { ...env, BENCH_MODE: 'ack-only' } });
    bot = await startProcess(DINGTALK_MAIN, {
      ipc: true,
      env: { ...env, BENCH_MODE: 'bot', DATABASE_URL: options.databaseUrl, BENCH_NOW: options.now },
    });
    // Warm-up: JIT, prepared statements, connection pools.
    const warm = options.users.slice(0, options.warmup);
    await load.send(floor.port, prepare(warm, 'warm-floor', fake), 100);
    const warmRequests = prepare(warm, 'warm-bot', fake);
    await replies(fake, warmRequests, await load.send(bot.port, warmRequests, 100), {
      since: 0,
      timeoutMs: 60_000,
    });
    await Promise.all([floor.requestTimes(), bot.requestTimes()]);

    // The burst: the floor first, then the bot, each alone on the machine.
    const users = options.users.slice(options.warmup, needed);
    const floorBurst = summary(
      await load.send(floor.port, prepare(users, 'burst-floor', fake)),
      options.burst,
      await floor.requestTimes(),
    );
    const botRequests = prepare(users, 'burst-bot', fake);
    const since = fake.calls.length;
    const sent = await load.send(bot.port, botRequests);
    const botBurst = {
      ...summary(sent, options.burst, await bot.requestTimes()),
      replies: await replies(fake, botRequests, sent, { since, timeoutMs: 240_000 }),
    };
    options.log(
      `DingTalk burst of ${options.burst}: floor ${floorBurst.throughput.toFixed(0)}/s, ` +
        `bot ${botBurst.throughput.toFixed(0)}/s, ${botBurst.replies.exactlyOnce} answered once, ` +
        `all replies in ${botBurst.replies.completeMs.toFixed(0)} ms`,
    );
    return {
      requests: options.burst,
      floor: floorBurst,
      bot: botBurst,
      throughputRatio: botBurst.throughput / floorBurst.throughput,
      problems: bot.problems().slice(0, 5),
    };
  } finally {
    await load.stop();
    await bot?.stop();
    await floor?.stop();
    await fake.close();
  }
}
