import type { Logger } from './logger.ts';
import { serializeError } from './logger.ts';

/**
 * Where a messenger adapter puts the work of a request once it has acknowledged it: the replies
 * to commands first, then background follow-ups (the Home tab, milestones, a revised board).
 *
 * Why: a messenger wants its acknowledgement within seconds (Slack: 3 s, or the user sees an
 * error), and at 18:00 a whole sales floor logs at once. Run side by side, 2,000 logs would each
 * hold the single SQLite writer or a PostgreSQL pool connection in turn, and every new request's
 * acknowledgement would wait behind all that work. The lane runs at most `concurrency` tasks at
 * a time and yields to pending I/O before each, so new requests are read and acknowledged first,
 * and the work behind them goes through the store at the store's pace, none of it dropped.
 *
 * While requests keep arriving (`noteArrival`, called for every request), the lane holds its
 * next task until none has come for `quietMs`, so that a burst is acknowledged at the pace of the
 * receiver alone (Slack fails a command whose acknowledgement takes over 3 s); a task is held at
 * most `maxWaitMs`, so a steady overload still gets its work done.
 *
 * Background tasks run only when no reply is waiting. A background task given a `key` is
 * coalesced: while one with that key waits to start, another is not queued, because the waiting
 * one reads the state when it runs and so does the work of both (ten logs in a minute refresh
 * the member's Home tab once).
 */
export type WorkLane = {
  /** Queues `task`; returns at once. A task's failure is logged, never thrown at the caller. */
  run(task: () => Promise<void>, options?: { background?: boolean; key?: string }): void;
  /** Resolves once nothing is queued or running (at shutdown, before the store closes). */
  idle(): Promise<void>;
  /** A request has just arrived: the next task waits for a quiet moment (see `quietMs`). */
  noteArrival(): void;
  /** Tasks queued and not started yet. */
  readonly waiting: number;
};

type Task = { run: () => Promise<void>; key: string | undefined; queuedAt: number };

export function createWorkLane(options: {
  concurrency: number;
  logger: Logger;
  name?: string;
  /** How long without a new request before the next task starts (0: at once, the default). */
  quietMs?: number;
  /** The longest a task is held back by arriving requests (default 10 s). */
  maxWaitMs?: number;
}): WorkLane {
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1)
    throw new RangeError(`work lane concurrency must be a whole number ≥ 1, got ${options.concurrency}`);
  const replies: Task[] = [];
  const background: Task[] = [];
  const waitingKeys = new Set<string>();
  let running = 0;
  let idleWaiters: Array<() => void> = [];
  let lastArrival = Number.NEGATIVE_INFINITY;
  const quietMs = options.quietMs ?? 0;
  const maxWaitMs = options.maxWaitMs ?? 10_000;

  /** Resolves when no request has arrived for quietMs, or the oldest task has waited maxWaitMs. */
  const quiet = async (): Promise<void> => {
    for (;;) {
      const now = Date.now();
      const oldest = replies[0] ?? background[0];
      const sinceArrival = now - lastArrival;
      if (oldest === undefined || sinceArrival >= quietMs || now - oldest.queuedAt >= maxWaitMs) return;
      const wait = Math.min(quietMs - sinceArrival, maxWaitMs - (now - oldest.queuedAt));
      await new Promise<void>((resolve) => setTimeout(resolve, Math.max(1, wait)));
    }
  };

  const next = (): Task | undefined => {
    const task = replies.shift() ?? background.shift();
    if (task?.key !== undefined) waitingKeys.delete(task.key);
    return task;
  };

  const settleIdle = () => {
    if (running > 0 || replies.length > 0 || background.length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const worker = async (): Promise<void> => {
    running += 1;
    try {
      for (;;) {
        // Pending I/O (new requests and their acknowledgements) goes before the next task.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (quietMs > 0) await quiet();
        const task = next();
        if (task === undefined) return;
        try {
          await task.run();
        } catch (error) {
          options.logger.event('error', 'work.failed', {
            lane: options.name ?? 'work',
            ...(task.key === undefined ? {} : { key: task.key }),
            ...serializeError(error),
          });
        }
      }
    } finally {
      running -= 1;
      settleIdle();
    }
  };

  return {
    run(run, taskOptions = {}) {
      const { key } = taskOptions;
      if (key !== undefined) {
        if (waitingKeys.has(key)) return;
        waitingKeys.add(key);
      }
      (taskOptions.background === true ? background : replies).push({ run, key, queuedAt: Date.now() });
      if (running < options.concurrency) void worker();
    },
    idle() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
    noteArrival() {
      lastArrival = Date.now();
    },
    get waiting() {
      return replies.length + background.length;
    },
  };
}
