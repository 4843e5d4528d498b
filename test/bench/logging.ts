/**
 * Logging at 18:00: bursts of signed `/log` requests, all sent at once, through the real HTTP
 * receiver of a bot process (parse, validate, transaction, audit, ack, Home tab, reply to
 * response_url on the fake Web API), alternated with the same bursts to the floor: a Bolt app on
 * the same receiver whose `/log` only acks. Every member logs once per burst.
 */
import { Worker } from 'node:worker_threads';
import type { FakeSlackApi } from '../helpers/fake-slack-api.ts';
import { signSlackRequest } from '../helpers/slack-requests.ts';
import { memoryOf, percentile, resetPeakMemory } from './measure.ts';
import { type BenchProcess, BOT_MAIN, startProcess } from './processes.ts';

export const SIGNING_SECRET = 'bench-signing-secret';
/** What an agent types at the end of the day; within every check, so each log is recorded. */
export const LOG_TEXT = '呼出80 有效40 意向3 回访4 约见1';

export type Burst = {
  requests: number;
  /** Answered 200. */
  acked: number;
  /** Requests acked per second, from the first sent to the last acked. */
  throughput: number;
  ackP50Ms: number;
  ackP99Ms: number;
  ackMaxMs: number;
  /** Acks that took over a second (under a burst: connections the kernel made wait). */
  acksOverOneSecond: number;
  /**
   * Inside the process: from the request's headers read to its ack written. The time the process
   * itself holds a request, without the wait for the process to accept and read it.
   */
  inProcess: { p50Ms: number; p99Ms: number; maxMs: number; requests: number };
  /** Requests that got no answer at all, by error code. */
  errors: Record<string, number>;
  /** Bot only: every reply reached the fake response_url. */
  replies?: {
    received: number;
    recorded: number;
    completeMs: number;
    p50Ms: number;
    p99Ms: number;
    /** A few of the other replies (a refusal, a question, an error), to tell why. */
    others: string[];
  };
};

export type LoggingResult = {
  /** Every request sent at once, each on its own connection: the 18:00 rush at its worst. */
  burst: { requests: number; floor: Burst; bot: Burst; throughputRatio: number };
  /** Requests arriving at a steady rate, to the floor and the bot at the same time. */
  steady: { requests: number; perSecond: number; floor: Burst; bot: Burst };
  memory: {
    botAtRestMb: number;
    botPeakMb: number;
    /** False when the kernel would not reset the peak: it then includes start-up. */
    peakIsRunOnly: boolean;
    floorAtRestMb: number;
  };
  /** Warnings and errors the bot logged during the runs (first few). */
  problems: string[];
};

type Prepared = { body: string; headers: Record<string, string>; responseUrlId: string };

function prepare(users: readonly string[], tag: string, fake: FakeSlackApi): Prepared[] {
  const timestamp = Math.floor(Date.now() / 1000);
  return users.map((userId, index) => {
    const responseUrlId = `${tag}-${index}`;
    const body = new URLSearchParams({
      token: 'verification-token',
      team_id: 'T1',
      team_domain: 'fake-team',
      channel_id: `D${userId}`,
      channel_name: 'directmessage',
      user_id: userId,
      user_name: userId.toLowerCase(),
      command: '/log',
      text: LOG_TEXT,
      api_app_id: 'A1',
      is_enterprise_install: 'false',
      response_url: fake.responseUrl(responseUrlId),
      trigger_id: `trigger-${tag}-${index}`,
    }).toString();
    return {
      body,
      responseUrlId,
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': String(Buffer.byteLength(body)),
        ...signSlackRequest({ signingSecret: SIGNING_SECRET, body, timestamp }),
      },
    };
  });
}

/** What the load generator (load-worker.mjs) is given and gives back. */
type LoadJob = {
  id: number;
  port: number;
  /** The receiver's path; default /slack/events. */
  path?: string;
  /** `path` (with its query) replaces the job's, for receivers signed in the query (WeCom). */
  requests: ReadonlyArray<{ body: string; headers: Record<string, string>; path?: string }>;
  /** Undefined: all at once. */
  perSecond?: number;
};

export type LoadResult = {
  id: number;
  /** Per request, milliseconds from sending it to its ack (or to its failure). */
  acks: number[];
  /** Per request: answered 200. */
  ok: boolean[];
  /** Requests that got no HTTP answer, by error code (ECONNRESET: the accept queue overflowed). */
  errors: Record<string, number>;
  wallMs: number;
  /** Date.now() at the start, and per request when it was sent (to match the fake's timestamps). */
  startedAt: number;
  sentAt: number[];
};

/** The load generator's thread; `send` hands it a batch and resolves with the timings. */
export function startLoad(options: { path?: string } = {}) {
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url));
  const pending = new Map<number, (result: LoadResult) => void>();
  let nextId = 0;
  worker.on('message', (result: LoadResult) => {
    pending.get(result.id)?.(result);
    pending.delete(result.id);
  });
  return {
    /** Sends the requests, all at once or `perSecond` apart; resolves when every one is answered. */
    send(
      port: number,
      requests: ReadonlyArray<{ body: string; headers: Record<string, string>; path?: string }>,
      perSecond?: number,
    ): Promise<LoadResult> {
      nextId += 1;
      const id = nextId;
      const job: LoadJob = {
        id,
        port,
        ...(options.path === undefined ? {} : { path: options.path }),
        requests: requests.map((r) => ({
          body: r.body,
          headers: r.headers,
          ...(r.path === undefined ? {} : { path: r.path }),
        })),
        ...(perSecond === undefined ? {} : { perSecond }),
      };
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage(job);
      });
    },
    stop: () => worker.terminate(),
  };
}

/** Waits until every request's reply reached the fake response_url (or the timeout). */
async function replies(
  fake: FakeSlackApi,
  requests: readonly Prepared[],
  sent: LoadResult,
  timeoutMs: number,
): Promise<NonNullable<Burst['replies']>> {
  // A request that was never acked never reached the bot: no reply is owed.
  const wanted = new Map(
    requests.flatMap((r, index) => (sent.ok[index] === true ? [[r.responseUrlId, index] as const] : [])),
  );
  const seen = new Map<string, { at: number; text: string }>();
  let scanned = 0;
  const deadline = Date.now() + timeoutMs;
  while (seen.size < wanted.size && Date.now() < deadline) {
    for (; scanned < fake.calls.length; scanned += 1) {
      const call = fake.calls[scanned];
      if (call?.method !== 'response_url' || call.responseUrlId === undefined) continue;
      if (wanted.has(call.responseUrlId) && !seen.has(call.responseUrlId))
        seen.set(call.responseUrlId, { at: call.at, text: String(call.body.text ?? '') });
    }
    if (seen.size < wanted.size) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const latencies: number[] = [];
  let last = sent.startedAt;
  let recorded = 0;
  const others = new Set<string>();
  for (const [id, reply] of seen) {
    const index = wanted.get(id) ?? 0;
    latencies.push(reply.at - (sent.sentAt[index] ?? sent.startedAt));
    last = Math.max(last, reply.at);
    if (reply.text.startsWith('已记录')) recorded += 1;
    else if (others.size < 3) others.add(reply.text.slice(0, 200));
  }
  return {
    received: seen.size,
    recorded,
    completeMs: last - sent.startedAt,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    others: [...others],
  };
}

export function summary(result: LoadResult, requests: number, requestTimes: readonly number[]): Burst {
  return {
    requests,
    acked: result.ok.filter(Boolean).length,
    throughput: result.ok.filter(Boolean).length / (result.wallMs / 1000),
    ackP50Ms: percentile(result.acks, 50),
    ackP99Ms: percentile(result.acks, 99),
    ackMaxMs: Math.max(...result.acks),
    acksOverOneSecond: result.acks.filter((ms) => ms > 1000).length,
    inProcess: {
      p50Ms: percentile(requestTimes, 50),
      p99Ms: percentile(requestTimes, 99),
      maxMs: requestTimes.length === 0 ? Number.NaN : Math.max(...requestTimes),
      requests: requestTimes.length,
    },
    errors: result.errors,
  };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchLogging(options: {
  databaseUrl: string;
  fake: FakeSlackApi;
  /** Members who log, each once: warmup + burst + steady of them. */
  users: readonly string[];
  warmup: number;
  burst: number;
  steady: { requests: number; perSecond: number };
  now: string;
  log: (line: string) => void;
  /** Extra node flags for the bot process (e.g. --cpu-prof to profile it under load). */
  botNodeArgs?: string[];
}): Promise<LoggingResult> {
  const { fake } = options;
  const needed = options.warmup + options.burst + options.steady.requests;
  if (options.users.length < needed)
    throw new Error(`logging needs ${needed} members on the roster, the store has ${options.users.length}`);
  const env = { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.url };
  let floor: BenchProcess | undefined;
  let bot: BenchProcess | undefined;
  const load = startLoad();
  const send = load.send;
  try {
    floor = await startProcess(BOT_MAIN, { ipc: true, env: { ...env, BENCH_MODE: 'ack-only' } });
    bot = await startProcess(BOT_MAIN, {
      ipc: true,
      nodeArgs: options.botNodeArgs ?? [],
      env: { ...env, BENCH_MODE: 'bot', DATABASE_URL: options.databaseUrl, BENCH_NOW: options.now },
    });
    // At rest: started, connected, nothing asked yet.
    await settle(1000);
    const botAtRest = await memoryOf(bot.pid);
    const floorAtRest = await memoryOf(floor.pid);

    let next = 0;
    const take = (n: number) => {
      const users = options.users.slice(next, next + n);
      next += n;
      return users;
    };
    // Warm-up: JIT, prepared statements, connection pools.
    const warm = take(options.warmup);
    await send(floor.port, prepare(warm, 'warm-floor', fake), 100);
    const warmRequests = prepare(warm, 'warm-bot', fake);
    await replies(fake, warmRequests, await send(bot.port, warmRequests, 100), 60_000);
    fake.reset();
    const peakIsRunOnly = await resetPeakMemory(bot.pid);
    // The warm-up's request times are not the runs'.
    await Promise.all([floor.requestTimes(), bot.requestTimes()]);

    // The burst: the floor first, then the bot, each alone on the machine.
    const burstUsers = take(options.burst);
    const floorSent = await send(floor.port, prepare(burstUsers, 'burst-floor', fake));
    const floorBurst = summary(floorSent, options.burst, await floor.requestTimes());
    const botRequests = prepare(burstUsers, 'burst-bot', fake);
    const sent = await send(bot.port, botRequests);
    const botBurst: Burst = {
      ...summary(sent, options.burst, await bot.requestTimes()),
      replies: await replies(fake, botRequests, sent, 240_000),
    };
    options.log(
      `logging burst of ${options.burst}: floor ${floorBurst.throughput.toFixed(0)}/s, ` +
        `bot ${botBurst.throughput.toFixed(0)}/s, bot p99 ack ${botBurst.ackP99Ms.toFixed(0)} ms ` +
        `(in the process ${botBurst.inProcess.p99Ms.toFixed(0)} ms), ` +
        `all replies in ${botBurst.replies?.completeMs.toFixed(0)} ms`,
    );
    fake.reset();

    // Steady arrivals, to both at once: the same machine for both.
    const { requests, perSecond } = options.steady;
    const steadyUsers = take(requests);
    const steadyBotRequests = prepare(steadyUsers, 'steady-bot', fake);
    const [floorSteady, botSteady] = await Promise.all([
      send(floor.port, prepare(steadyUsers, 'steady-floor', fake), perSecond),
      send(bot.port, steadyBotRequests, perSecond),
    ]);
    const botSteadyBurst: Burst = {
      ...summary(botSteady, requests, await bot.requestTimes()),
      replies: await replies(fake, steadyBotRequests, botSteady, 120_000),
    };
    const floorSteadyBurst = summary(floorSteady, requests, await floor.requestTimes());
    options.log(
      `logging steady ${perSecond}/s: floor p99 ack ${floorSteadyBurst.ackP99Ms.toFixed(0)} ms, ` +
        `bot p99 ack ${botSteadyBurst.ackP99Ms.toFixed(0)} ms, reply p99 ${botSteadyBurst.replies?.p99Ms.toFixed(0)} ms`,
    );
    fake.reset();
    const botPeak = await memoryOf(bot.pid);

    return {
      burst: {
        requests: options.burst,
        floor: floorBurst,
        bot: botBurst,
        throughputRatio: botBurst.throughput / floorBurst.throughput,
      },
      steady: { requests, perSecond, floor: floorSteadyBurst, bot: botSteadyBurst },
      memory: {
        botAtRestMb: botAtRest.rssMb,
        botPeakMb: botPeak.peakMb,
        peakIsRunOnly,
        floorAtRestMb: floorAtRest.rssMb,
      },
      problems: bot.problems().slice(0, 5),
    };
  } finally {
    await load.stop();
    await bot?.stop();
    await floor?.stop();
  }
}
