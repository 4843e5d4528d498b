/**
 * Start-up: `npm start` (src/start.js bundles src/main.ts and runs it) on an empty store
 * and the fake Web API, timed from spawn to its `ready` line, with its memory at rest. The first
 * start applies the migrations; the restarts after it are what a deployment sees every day. The
 * floor is the ack-only Bolt app of the logging benchmark, started the same way.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeSlackApi } from '../helpers/fake-slack-api.ts';
import { SIGNING_SECRET } from './logging.ts';
import { median, memoryOf } from './measure.ts';
import { BOT_MAIN, SRC_MAIN, startProcess } from './processes.ts';

export type StartupResult = {
  /** First start on the empty store, migrations included. */
  firstStartMs: number;
  /** Median of the restarts (runs + 1: the idle measurement's start counts too). */
  readyMs: number;
  floorReadyMs: number;
  ratio: number;
  /** RSS of src/main.ts one second after ready (median). */
  atRestMb: number;
  floorAtRestMb: number;
  /** RSS after 15 s idle, once V8 has shrunk its heaps (one more start of each). */
  idleMb: number;
  floorIdleMb: number;
  runs: number;
};

/** Long enough for V8's memory reducer to shrink the heaps of an idle process (it waits ~10 s). */
const IDLE_MS = 15_000;

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchStartup(options: {
  databaseUrl: string;
  fake: FakeSlackApi;
  runs: number;
}): Promise<StartupResult> {
  // An empty working folder: no .env of a developer, and ./data is not touched.
  const cwd = await mkdtemp(join(tmpdir(), 'zb-bench-start-'));
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: options.fake.url,
    DATABASE_URL: options.databaseUrl,
    PORT: '0',
    LOG_LEVEL: 'info',
  };
  const measure = async (entry: string, extra: Record<string, string>) => {
    const started = await startProcess(entry, { env: { ...env, ...extra }, cwd });
    try {
      await settle(1000);
      return { readyMs: started.readyMs, rssMb: (await memoryOf(started.pid)).rssMb };
    } finally {
      await started.stop();
    }
  };
  try {
    const first = await measure(SRC_MAIN, {});
    const bot: Array<{ readyMs: number; rssMb: number }> = [];
    const floor: Array<{ readyMs: number; rssMb: number }> = [];
    for (let i = 0; i < options.runs; i += 1) {
      bot.push(await measure(SRC_MAIN, {}));
      floor.push(await measure(BOT_MAIN, { BENCH_MODE: 'ack-only' }));
    }
    // Idle: both started one after the other, then left alone together, so both wait once.
    const idleBot = await startProcess(SRC_MAIN, { env, cwd });
    const idleFloor = await startProcess(BOT_MAIN, { env: { ...env, BENCH_MODE: 'ack-only' }, cwd }).catch(
      async (error: unknown) => {
        await idleBot.stop();
        throw error;
      },
    );
    let idle: { bot: number; floor: number };
    try {
      await settle(IDLE_MS);
      idle = { bot: (await memoryOf(idleBot.pid)).rssMb, floor: (await memoryOf(idleFloor.pid)).rssMb };
    } finally {
      await idleFloor.stop();
      await idleBot.stop();
    }
    const readyMs = median([...bot.map((r) => r.readyMs), idleBot.readyMs]);
    const floorReadyMs = median([...floor.map((r) => r.readyMs), idleFloor.readyMs]);
    return {
      firstStartMs: first.readyMs,
      readyMs,
      floorReadyMs,
      ratio: readyMs / floorReadyMs,
      atRestMb: median(bot.map((r) => r.rssMb)),
      floorAtRestMb: median(floor.map((r) => r.rssMb)),
      idleMb: idle.bot,
      floorIdleMb: idle.floor,
      runs: options.runs,
    };
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}
