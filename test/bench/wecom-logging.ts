/**
 * The 18:00 rush through WeCom's callback URL: encrypted, signed POSTs to /wecom/events (`/log`
 * typed in each member's chat with the app, sealed by the official @wecom/crypto the way WeCom
 * does), all sent at once, to a WeCom bot process (wecom-main.ts: signature check, decryption,
 * CorpID check, XML parse, lane, transaction, audit, reply through message/send on the fake
 * WeCom), after the same burst to the floor: a bare node:http server that parses, verifies and
 * decrypts the same way and answers an empty 200. Every member logs once per burst; every
 * message must be answered exactly once, in the member's chat, and none dropped by WeCom's 30 a
 * minute.
 */
import { fileURLToPath } from 'node:url';
import { sealEnvelope } from '../../src/wecom/crypto.ts';
import { EVENTS_PATH } from '../../src/wecom/http-receiver.ts';
import { createFakeWeCom, type FakeWeCom } from '../helpers/fake-wecom.ts';
import { envelopeXml } from '../helpers/wecom-requests.ts';
import { type Burst, LOG_TEXT, type LoadResult, startLoad, summary } from './logging.ts';
import { type BenchProcess, startProcess } from './processes.ts';

const CORP_ID = 'wwbenchcorp0001';
const AGENT_ID = 1000002;
const SECRET = 'bench-wecom-secret';
const TOKEN = 'QDG6eK';
const AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
export const WECOM_MAIN = fileURLToPath(new URL('./wecom-main.ts', import.meta.url));

export type WeComReplies = {
  /** Messages acked by the bot. */
  acked: number;
  /** Of those, members answered in their chat exactly once / more than once. */
  exactlyOnce: number;
  moreThanOnce: number;
  /** Replies saying the log was recorded. */
  recorded: number;
  completeMs: number;
  /** App messages WeCom would have dropped (a member over 30 a minute). */
  dropped: number;
  others: string[];
};

export type WeComLoggingResult = {
  requests: number;
  floor: Burst;
  bot: Omit<Burst, 'replies'> & { replies: WeComReplies };
  throughputRatio: number;
  problems: string[];
};

type Prepared = { body: string; headers: Record<string, string>; path: string; userId: string };

let msgIds = 7_100_000_000_000_000_000n;

function prepare(users: readonly string[]): Prepared[] {
  const seconds = Math.floor(Date.now() / 1000);
  return users.map((userId) => {
    msgIds += 1n;
    const plain =
      `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><FromUserName><![CDATA[${userId}]]></FromUserName>` +
      `<CreateTime>${seconds}</CreateTime><MsgType><![CDATA[text]]></MsgType>` +
      `<Content><![CDATA[/log ${LOG_TEXT}]]></Content><MsgId>${msgIds}</MsgId><AgentID>${AGENT_ID}</AgentID></xml>`;
    const envelope = sealEnvelope({ token: TOKEN, aesKey: AES_KEY, corpId: CORP_ID }, plain, {
      timestamp: String(seconds),
    });
    const body = envelopeXml(CORP_ID, String(AGENT_ID), envelope.encrypt);
    const query = new URLSearchParams({
      msg_signature: envelope.signature,
      timestamp: envelope.timestamp,
      nonce: envelope.nonce,
    });
    return {
      body,
      userId,
      path: `${EVENTS_PATH}?${query}`,
      headers: { 'content-type': 'text/xml', 'content-length': String(Buffer.byteLength(body)) },
    };
  });
}

/** Waits until every acked message was answered in its member's chat (or the timeout), then counts. */
async function replies(
  fake: FakeWeCom,
  requests: readonly Prepared[],
  sent: LoadResult,
  options: { since: number; droppedBefore: number; timeoutMs: number },
): Promise<WeComReplies> {
  const wanted = new Set(requests.flatMap((r, i) => (sent.ok[i] === true ? [r.userId] : [])));
  const calls = () =>
    fake.calls.slice(options.since).filter((c) => c.name === 'messageSend' && c.response.errcode === 0);
  const answered = () =>
    calls().flatMap((c) =>
      String(c.body.touser ?? '')
        .split('|')
        .filter((id) => wanted.has(id))
        .map((id) => ({ id, c })),
    );
  const deadline = Date.now() + options.timeoutMs;
  while (new Set(answered().map((a) => a.id)).size < wanted.size && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  // A moment more, so that a second reply to the same message would be seen.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const counts = new Map<string, number>();
  let last = sent.startedAt;
  let recorded = 0;
  const others = new Set<string>();
  for (const { id, c } of answered()) {
    counts.set(id, (counts.get(id) ?? 0) + 1);
    last = Math.max(last, c.at);
    const text = JSON.stringify(c.body.markdown ?? c.body.text ?? c.body);
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
    dropped: fake.dropped().length - options.droppedBefore,
    others: [...others],
  };
}

export async function benchWeComLogging(options: {
  databaseUrl: string;
  /** Members who log, each once: warmup + burst of them. */
  users: readonly string[];
  warmup: number;
  burst: number;
  now: string;
  log: (line: string) => void;
}): Promise<WeComLoggingResult> {
  const needed = options.warmup + options.burst;
  if (options.users.length < needed)
    throw new Error(`WeCom logging needs ${needed} members, ${options.users.length} are left`);
  const fake = await createFakeWeCom({ corpId: CORP_ID, secret: SECRET, agentId: AGENT_ID });
  for (const userId of options.users.slice(0, needed)) fake.addUser(userId, userId);
  const env = {
    WECOM_CORP_ID: CORP_ID,
    WECOM_AGENT_ID: String(AGENT_ID),
    WECOM_SECRET: SECRET,
    WECOM_TOKEN: TOKEN,
    WECOM_ENCODING_AES_KEY: AES_KEY,
    WECOM_API_URL: fake.url,
  };
  const load = startLoad();
  let floor: BenchProcess | undefined;
  let bot: BenchProcess | undefined;
  try {
    floor = await startProcess(WECOM_MAIN, { ipc: true, env: { ...env, BENCH_MODE: 'ack-only' } });
    bot = await startProcess(WECOM_MAIN, {
      ipc: true,
      env: { ...env, BENCH_MODE: 'bot', DATABASE_URL: options.databaseUrl, BENCH_NOW: options.now },
    });
    // Warm-up: JIT, prepared statements, connection pools, the access token.
    const warm = options.users.slice(0, options.warmup);
    await load.send(floor.port, prepare(warm), 100);
    const warmRequests = prepare(warm);
    await replies(fake, warmRequests, await load.send(bot.port, warmRequests, 100), {
      since: 0,
      droppedBefore: 0,
      timeoutMs: 60_000,
    });
    await Promise.all([floor.requestTimes(), bot.requestTimes()]);

    // The burst: the floor first, then the bot, each alone on the machine.
    const users = options.users.slice(options.warmup, needed);
    const floorBurst = summary(
      await load.send(floor.port, prepare(users)),
      options.burst,
      await floor.requestTimes(),
    );
    const botRequests = prepare(users);
    const since = fake.calls.length;
    const droppedBefore = fake.dropped().length;
    const sent = await load.send(bot.port, botRequests);
    const botBurst = {
      ...summary(sent, options.burst, await bot.requestTimes()),
      replies: await replies(fake, botRequests, sent, { since, droppedBefore, timeoutMs: 240_000 }),
    };
    options.log(
      `WeCom burst of ${options.burst}: floor ${floorBurst.throughput.toFixed(0)}/s, ` +
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
