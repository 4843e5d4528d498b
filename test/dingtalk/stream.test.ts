import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createDingTalkStream,
  type DingTalkStream,
  type DingTalkStreamOptions,
} from '../../src/dingtalk/stream.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import {
  createFakeDingTalkGateway,
  type FakeDingTalkGateway,
  TOPIC_CARD,
  TOPIC_ROBOT,
} from '../helpers/fake-dingtalk-gateway.ts';

/**
 * The real dingtalk-stream DWClient (through src/dingtalk/stream.ts) against a fake gateway on
 * 127.0.0.1. Every wait is for an event: an ack at the gateway, a log line, a socket count.
 */
const CLIENT_ID = 'dingfakeclientid';
const EXIT_SCRIPT = fileURLToPath(new URL('../helpers/dingtalk-stream-exit.ts', import.meta.url));
const CLIENT_SECRET = 'fake-secret-do-not-log';

interface LogEntry {
  event: string;
  level: string;
  [key: string]: unknown;
}

/** The app's real logger, writing into an array that tests can wait on. */
function recordingLogger() {
  const entries: LogEntry[] = [];
  const waiters = new Set<() => void>();
  const logger: Logger = createLogger({
    level: 'debug',
    sink: (line) => {
      entries.push(JSON.parse(line) as LogEntry);
      for (const wake of waiters) wake();
    },
  });
  const named = (event: string) => entries.filter((entry) => entry.event === event);
  const waitForEvent = (event: string, count = 1, timeoutMs = 5000) =>
    new Promise<LogEntry[]>((resolve, reject) => {
      const check = () => {
        const found = named(event);
        if (found.length < count) return false;
        waiters.delete(wake);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const wake = () => void check();
      const timer = setTimeout(() => {
        waiters.delete(wake);
        const seen = entries.map((entry) => entry.event).join(', ');
        reject(new Error(`no ${count}× '${event}' log within ${timeoutMs}ms; logged: ${seen}`));
      }, timeoutMs);
      if (!check()) waiters.add(wake);
    });
  return { logger, entries, named, waitForEvent };
}

describe('DingTalk Stream', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  const setup = async (
    overrides: Partial<DingTalkStreamOptions> & { gatewaySecret?: string } = {},
  ): Promise<{
    gateway: FakeDingTalkGateway;
    stream: DingTalkStream;
    log: ReturnType<typeof recordingLogger>;
  }> => {
    const gateway = await createFakeDingTalkGateway({
      clientId: CLIENT_ID,
      clientSecret: overrides.gatewaySecret ?? CLIENT_SECRET,
    });
    cleanups.push(() => gateway.close());
    const log = recordingLogger();
    const stream = createDingTalkStream({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      gatewayUrl: gateway.openUrl,
      logger: log.logger,
      backoff: { initialMs: 5, maxMs: 40 },
      onRobotMessage: async () => {},
      ...overrides,
    });
    cleanups.push(() => stream.stop());
    return { gateway, stream, log };
  };

  /** Records handed-over messages; `next(n)` resolves once n have arrived. */
  const inbox = () => {
    const received: Array<{ data: string; messageId: string }> = [];
    const waiters: Array<{ n: number; resolve: () => void }> = [];
    return {
      received,
      push(data: string, messageId: string) {
        received.push({ data, messageId });
        for (const waiter of waiters.filter((w) => received.length >= w.n)) waiter.resolve();
      },
      count: (n: number) =>
        new Promise<void>((resolve) => {
          if (received.length >= n) resolve();
          else waiters.push({ n, resolve });
        }),
    };
  };

  it('acks a robot message before handing it over, once per push, and drops a re-push', async () => {
    const box = inbox();
    let gatewayRef: FakeDingTalkGateway | undefined;
    const { gateway, stream } = await setup({
      onRobotMessage: async (data, messageId) => {
        // Only finishes once the gateway has the ack: an ack that waited for the handler would time out here.
        await gatewayRef?.waitForAck(messageId);
        box.push(data, messageId);
      },
    });
    gatewayRef = gateway;
    await stream.start();
    expect(stream.isConnected()).toBe(true);
    expect(gateway.openRequests[0]).toEqual({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      ua: '',
      subscriptions: [
        { type: 'EVENT', topic: '*' },
        { type: 'CALLBACK', topic: TOPIC_ROBOT },
      ],
    });

    const message = { msgId: 'm1', conversationType: '1', msgtype: 'text', text: { content: '/log 120 8' } };
    const first = gateway.pushRobotMessage(message);
    const ack = await gateway.waitForAck(first);
    expect(ack.body).toEqual({
      code: 200,
      headers: { contentType: 'application/json', messageId: first },
      message: 'OK',
      data: JSON.stringify({ response: 'OK' }),
    });
    await box.count(1);
    expect(box.received[0]).toEqual({ data: JSON.stringify(message), messageId: first });

    // The same content pushed again is a new delivery (new messageId): handed over again.
    const second = gateway.pushRobotMessage(message);
    await box.count(2);
    expect(box.received[1]?.messageId).toBe(second);

    // A re-push of a delivered messageId is acked again but not handed over; the message after it is.
    gateway.redeliver(first);
    const third = gateway.pushRobotMessage({ ...message, msgId: 'm3' });
    await box.count(3);
    expect(box.received.map((entry) => entry.messageId)).toEqual([first, second, third]);
    expect(gateway.acks.filter((a) => a.messageId === first)).toHaveLength(2);
  });

  it('keeps delivering after a handler throws or rejects', async () => {
    const box = inbox();
    let calls = 0;
    const { gateway, stream, log } = await setup({
      // Not async on purpose: the first call throws synchronously, the second rejects.
      onRobotMessage: (data, messageId) => {
        calls += 1;
        if (calls === 1) throw new Error('handler blew up');
        if (calls === 2) return Promise.reject(new Error('handler rejected'));
        box.push(data, messageId);
        return Promise.resolve();
      },
    });
    await stream.start();
    const ids = [gateway.pushRobotMessage({ n: 1 }), gateway.pushRobotMessage({ n: 2 })];
    const third = gateway.pushRobotMessage({ n: 3 });
    await box.count(1);
    expect(box.received[0]?.messageId).toBe(third);
    for (const id of [...ids, third]) await gateway.waitForAck(id);
    const failures = await log.waitForEvent('dingtalk.stream.handler_failed', 2);
    expect(failures.map((f) => [f.messageId, f.message])).toEqual([
      [ids[0], 'handler blew up'],
      [ids[1], 'handler rejected'],
    ]);
    expect(log.named('dingtalk.stream.bad_frame')).toEqual([]);
  });

  it('survives frames that are not JSON or not the expected shape', async () => {
    const box = inbox();
    const { gateway, stream, log } = await setup({ onRobotMessage: async (d, id) => box.push(d, id) });
    await stream.start();
    gateway.pushRaw('this is not json {');
    gateway.pushRaw('null');
    gateway.pushRaw(JSON.stringify({ specVersion: '1.0', type: 'SYSTEM' })); // no headers
    // A callback whose data is not a string: acked (or it would come back) but not handed over.
    const badShape = JSON.stringify({
      specVersion: '1.0',
      type: 'CALLBACK',
      headers: { messageId: 'bad-shape-1', topic: TOPIC_ROBOT, contentType: 'application/json' },
      data: { not: 'a string' },
    });
    gateway.pushRaw(badShape);
    const good = gateway.pushRobotMessage({ msgId: 'after-garbage' });
    await box.count(1);
    expect(box.received).toEqual([{ data: JSON.stringify({ msgId: 'after-garbage' }), messageId: good }]);
    await gateway.waitForAck('bad-shape-1');
    expect(log.named('dingtalk.stream.bad_frame')).toHaveLength(4);
    expect(stream.isConnected()).toBe(true);
    expect(gateway.opens).toBe(1);
  });

  it('rejects start() on refused credentials, without retrying or logging the secret', async () => {
    const { gateway, stream, log } = await setup({ gatewaySecret: 'the-real-secret' });
    const error = await stream.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'DingTalkStreamError', code: 'auth_failed' });
    expect(String(error)).toMatch(/refused the app credentials \(HTTP 401: authFailed/);
    expect(String(error)).toMatch(/Client Secret/);
    expect(gateway.opens).toBe(1);
    expect(stream.isConnected()).toBe(false);
    expect(log.named('dingtalk.stream.auth_failed')).toHaveLength(1);
    expect(JSON.stringify(log.entries)).not.toContain(CLIENT_SECRET);
  });

  it('after a drop and a refusing gateway, reconnects once per backoff step and ends with one socket', async () => {
    const box = inbox();
    const { gateway, stream, log } = await setup({ onRobotMessage: async (d, id) => box.push(d, id) });
    await stream.start();
    const before = gateway.opens;

    gateway.refuse(true);
    gateway.drop();
    const refusedAttempts = 6;
    await gateway.waitForOpens(before + refusedAttempts);
    gateway.refuse(false);

    await log.waitForEvent('dingtalk.stream.connected', 2);
    await gateway.waitForConnections(1);
    const id = gateway.pushRobotMessage({ msgId: 'after-outage' });
    await box.count(1);
    expect(box.received[0]?.messageId).toBe(id);

    // One attempt per backoff wait: no storm, never two attempts or two sockets at once.
    expect(gateway.opens - before).toBe(refusedAttempts + 1);
    expect(gateway.peakConcurrentOpens).toBe(1);
    expect(gateway.peakConnections).toBe(1);
    expect(gateway.connections()).toBe(1);
    const failed = log.named('dingtalk.stream.connect_failed');
    expect(failed).toHaveLength(refusedAttempts);
    // The wait after the drop is step 0; each refused attempt then doubles it up to maxMs (40), jitter within half.
    const delays = [...log.named('dingtalk.stream.reconnecting'), ...failed].map((entry) =>
      Number(entry.delayMs),
    );
    const caps = [5, 10, 20, 40, 40, 40, 40];
    expect(delays).toHaveLength(caps.length);
    delays.forEach((delay, step) => {
      expect(delay).toBeGreaterThanOrEqual((caps[step] ?? 0) / 2);
      expect(delay).toBeLessThanOrEqual(caps[step] ?? 0);
    });
  });

  it('answers a ping with the same headers and data', async () => {
    const { gateway, stream } = await setup();
    await stream.start();
    const id = gateway.sendSystem('ping', { opaque: 'abc' });
    const ack = await gateway.waitForAck(id);
    expect(ack.body).toMatchObject({
      code: 200,
      message: 'OK',
      headers: { messageId: id, topic: 'ping', contentType: 'application/json' },
      data: JSON.stringify({ opaque: 'abc' }),
    });
  });

  it('reconnects on a disconnect system frame, closing the old socket first', async () => {
    const box = inbox();
    const { gateway, stream, log } = await setup({ onRobotMessage: async (d, id) => box.push(d, id) });
    await stream.start();
    gateway.sendSystem('disconnect', { reason: 'server upgrade' });
    await log.waitForEvent('dingtalk.stream.connected', 2);
    await gateway.waitForConnections(1);
    expect(gateway.peakConnections).toBe(1);
    expect(gateway.opens).toBe(2);
    const id = gateway.pushRobotMessage({ msgId: 'on-new-socket' });
    await box.count(1);
    expect(box.received[0]?.messageId).toBe(id);
  });

  it('acks a card click with the handler result, or empty when the handler is late', async () => {
    let releaseSlow: () => void = () => {};
    const slowDone = new Promise<void>((resolve) => {
      releaseSlow = resolve;
    });
    const { gateway, stream, log } = await setup({
      cardAckWithinMs: 30,
      onCardCallback: async (data) => {
        const click = JSON.parse(data) as { outTrackId: string };
        if (click.outTrackId === 'slow') {
          await slowDone;
          return { cardData: { cardParamMap: { status: 'too late' } } };
        }
        return { cardData: { cardParamMap: { status: 'approved' } } };
      },
    });
    await stream.start();
    expect(gateway.openRequests[0]?.subscriptions).toContainEqual({ type: 'CALLBACK', topic: TOPIC_CARD });

    const fast = gateway.pushCardCallback({ outTrackId: 'fast', type: 'actionCallback', content: '{}' });
    expect((await gateway.waitForAck(fast)).body.data).toBe(
      JSON.stringify({ response: { cardData: { cardParamMap: { status: 'approved' } } } }),
    );

    const slow = gateway.pushCardCallback({ outTrackId: 'slow', type: 'actionCallback', content: '{}' });
    expect((await gateway.waitForAck(slow)).body.data).toBe(JSON.stringify({ response: {} }));
    releaseSlow();
    const [late] = await log.waitForEvent('dingtalk.stream.card_result_late');
    expect(late?.messageId).toBe(slow);
  });

  it('stop() during the backoff wait ends it and rejects the pending start()', async () => {
    const { gateway, stream, log } = await setup({ backoff: { initialMs: 60_000, maxMs: 60_000 } });
    gateway.refuse(true);
    const pending = stream.start();
    await log.waitForEvent('dingtalk.stream.connect_failed');
    await stream.stop();
    await expect(pending).rejects.toMatchObject({ name: 'DingTalkStreamError', code: 'stopped' });
    expect(gateway.opens).toBe(1);
    expect(stream.isConnected()).toBe(false);
    await expect(stream.start()).rejects.toMatchObject({ code: 'stopped' });
  });

  it('stop() leaves no handle open: a process that used two streams exits by itself', async () => {
    const gateway = await createFakeDingTalkGateway({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    cleanups.push(() => gateway.close());
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), EXIT_SCRIPT], {
      env: { ...process.env, GATEWAY_URL: gateway.openUrl, CLIENT_ID, CLIENT_SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // Killed if it hangs, so that a leak fails the test instead of stalling it.
    const guard = setTimeout(() => child.kill('SIGKILL'), 15_000);
    try {
      await gateway.waitForConnections(1, 15_000);
      gateway.pushRobotMessage({ msgId: 'to-child' });
      const code = await exited;
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toContain('READY');
      expect(stdout).toContain('STOPPED');
      expect(gateway.connections()).toBe(0);
    } finally {
      clearTimeout(guard);
      child.kill('SIGKILL');
    }
  });
});
