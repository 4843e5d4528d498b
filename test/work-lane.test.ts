import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { createWorkLane } from '../src/work-lane.ts';

/** A promise to resolve from outside: tasks that finish when the test says so. */
function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function lane(concurrency = 1) {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', sink: (line) => lines.push(line) });
  return { lane: createWorkLane({ concurrency, logger, name: 'test' }), lines };
}

describe('work lane', () => {
  it('runs tasks one at a time in the order given', async () => {
    const { lane: work } = lane(1);
    const order: string[] = [];
    let inFlight = 0;
    let most = 0;
    for (const name of ['a', 'b', 'c', 'd']) {
      work.run(async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await Promise.resolve();
        order.push(name);
        inFlight -= 1;
      });
    }
    await work.idle();
    expect(order).toEqual(['a', 'b', 'c', 'd']);
    expect(most).toBe(1);
  });

  it('runs at most `concurrency` tasks at once', async () => {
    const { lane: work } = lane(3);
    const gates = Array.from({ length: 7 }, () => deferred());
    const threeStarted = deferred();
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    gates.forEach((gate, index) => {
      work.run(async () => {
        started.push(index);
        inFlight += 1;
        most = Math.max(most, inFlight);
        if (started.length === 3) threeStarted.resolve();
        await gate.promise;
        inFlight -= 1;
      });
    });
    await threeStarted.promise;
    expect(started).toEqual([0, 1, 2]);
    const done = work.idle();
    for (const gate of gates) gate.resolve();
    await done;
    expect(most).toBe(3);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('lets replies go before background work queued earlier', async () => {
    const { lane: work } = lane(1);
    const order: string[] = [];
    const first = deferred();
    work.run(async () => {
      await first.promise;
      order.push('reply 1');
    });
    work.run(async () => void order.push('home'), { background: true });
    work.run(async () => void order.push('reply 2'));
    first.resolve();
    await work.idle();
    expect(order).toEqual(['reply 1', 'reply 2', 'home']);
  });

  it('queues one task per key while it waits, and a new one once it has started', async () => {
    const { lane: work } = lane(1);
    const gate = deferred();
    const runs: string[] = [];
    work.run(() => gate.promise);
    for (const n of [1, 2, 3])
      work.run(async () => void runs.push(`home U1 #${n}`), { key: 'home:U1', background: true });
    work.run(async () => void runs.push('home U2'), { key: 'home:U2', background: true });
    expect(work.waiting).toBe(3);
    gate.resolve();
    await work.idle();
    expect(runs).toEqual(['home U1 #1', 'home U2']);

    work.run(async () => void runs.push('home U1 again'), { key: 'home:U1', background: true });
    await work.idle();
    expect(runs).toEqual(['home U1 #1', 'home U2', 'home U1 again']);
  });

  it('logs a failed task and goes on with the next', async () => {
    const { lane: work, lines } = lane(1);
    const done: string[] = [];
    work.run(async () => {
      throw new Error('store unavailable');
    });
    work.run(async () => void done.push('next'));
    await work.idle();
    expect(done).toEqual(['next']);
    const failure = lines.map((line) => JSON.parse(line)).find((entry) => entry.event === 'work.failed');
    expect(failure).toMatchObject({ level: 'error', lane: 'test' });
    expect(JSON.stringify(failure)).toContain('store unavailable');
  });

  it('is idle at once when nothing was queued', async () => {
    const { lane: work } = lane(2);
    await expect(work.idle()).resolves.toBeUndefined();
    expect(work.waiting).toBe(0);
  });

  it('refuses a concurrency that is not a whole number of at least one', () => {
    const logger = createLogger({ level: 'info', sink: () => {} });
    expect(() => createWorkLane({ concurrency: 0, logger })).toThrow(RangeError);
    expect(() => createWorkLane({ concurrency: 1.5, logger })).toThrow(RangeError);
  });
});

describe('work lane while requests keep arriving', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

  function quietLane(quietMs: number, maxWaitMs: number) {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const logger = createLogger({ level: 'info', sink: () => {} });
    return createWorkLane({ concurrency: 1, logger, quietMs, maxWaitMs });
  }

  it('starts the next task once no request has come for quietMs', async () => {
    const work = quietLane(20, 1000);
    let ran = false;
    work.noteArrival();
    work.run(async () => {
      ran = true;
    });
    await tick();
    await vi.advanceTimersByTimeAsync(10);
    expect(ran).toBe(false);
    work.noteArrival(); // another request, 10 ms in
    await vi.advanceTimersByTimeAsync(15);
    expect(ran).toBe(false); // 15 ms since it
    await vi.advanceTimersByTimeAsync(10);
    expect(ran).toBe(true); // 25 ms since it
  });

  it('holds a task back no longer than maxWaitMs under a steady stream of requests', async () => {
    const work = quietLane(20, 100);
    let ranAt: number | undefined;
    const start = Date.now();
    work.run(async () => {
      ranAt = Date.now() - start;
    });
    for (let t = 0; t < 200 && ranAt === undefined; t += 10) {
      work.noteArrival();
      await tick();
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(ranAt).toBeGreaterThanOrEqual(100);
    expect(ranAt).toBeLessThan(120);
  });
});
