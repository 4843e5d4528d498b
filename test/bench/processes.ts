/**
 * Bot processes for the benchmark: spawned the way `npm start` runs the bot (node with its flags
 * and src/start.js, which bundles the entry point and runs it), ready when they write the `ready`
 * log line (its time from spawn, bundling included, is the start-up time), stopped with SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Node's flags from package.json's `start` script (`node <flags> src/start.js`; see the README's
 * Performance section for why), read from there so that the bench never runs other ones.
 */
export const START_FLAGS: readonly string[] = z
  .object({ scripts: z.object({ start: z.string() }) })
  .parse(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')))
  .scripts.start.split(' ')
  .filter((word) => word.startsWith('--'));
const START = fileURLToPath(new URL('../../src/start.js', import.meta.url));

export const BOT_MAIN = fileURLToPath(new URL('./bot-main.ts', import.meta.url));
export const SRC_MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

export type BenchProcess = {
  child: ChildProcess;
  pid: number;
  port: number;
  /** Milliseconds from spawn to the `ready` line. */
  readyMs: number;
  /** Log lines at warn or error so far (a run should have none). */
  problems(): string[];
  /**
   * Entries that time their requests (bot-main.ts, started with `ipc`): milliseconds from each
   * request read to its answer written, since last asked.
   */
  requestTimes(): Promise<number[]>;
  stop(): Promise<void>;
};

export async function startProcess(
  entry: string,
  options: {
    env: Record<string, string>;
    cwd?: string;
    timeoutMs?: number;
    nodeArgs?: string[];
    /** An IPC channel to the process (for requestTimes). */
    ipc?: boolean;
  },
): Promise<BenchProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, [...START_FLAGS, ...(options.nodeArgs ?? []), START, entry], {
    cwd: options.cwd,
    // Only what the process needs: a developer's own environment must not change the figures.
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: options.ipc === true ? ['ignore', 'ignore', 'pipe', 'ipc'] : ['ignore', 'ignore', 'pipe'],
  });
  const problems: string[] = [];
  let buffer = '';
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<{ port: number; readyMs: number }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${entry} not ready after ${options.timeoutMs ?? 60_000} ms: ${output}`)),
      options.timeoutMs ?? 60_000,
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (output.length < 20_000) output += `${line}\n`;
        if (line.includes('"level":"warn"') || line.includes('"level":"error"')) problems.push(line);
        if (line.includes('"event":"ready"')) {
          clearTimeout(timer);
          resolve({ port: Number(JSON.parse(line).port), readyMs: performance.now() - started });
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code} before ready: ${output}${buffer}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    const { port, readyMs } = await ready;
    const pid = child.pid;
    if (pid === undefined) throw new Error(`${entry} has no pid`);
    const requestTimes = () =>
      new Promise<number[]>((resolve, reject) => {
        if (child.send === undefined) return reject(new Error(`${entry} has no IPC channel`));
        child.once('message', (message: { requestTimes: number[] }) => resolve(message.requestTimes));
        child.send('request-times');
      });
    return { child, pid, port, readyMs, problems: () => problems, requestTimes, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
