import { type ChildProcess, fork } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_OPTIONS, writeBundleFile } from '../bundling.js';
import type { Day } from '../domain/days.ts';
import type { OutboundImage } from '../usecases/messenger.ts';
import { type Poster, posterAlt, posterFilename } from '../views/poster-view.ts';

/**
 * A poster as the PNG a messenger posts, drawn in a process of its own that ends after IDLE_MS
 * without work. The renderer (satori's WebAssembly, resvg, the parsed fonts) takes about 130 MB
 * once loaded; in the bot's process it would stay for the rest of its life, so that the bot would
 * never be back at its resting size after the first 18:00 board. A worker thread was tried: after
 * it ended, about 85 MB stayed (native memory kept by the allocator); a process gives it all back.
 * The 18:00 board, the weekly and monthly results and a burst of 喜报 are drawn by one warm
 * renderer; the first image after a quiet spell starts a new one (under a second, in the
 * background of a job or of a log's after-work).
 *
 * The renderer's code is bundled with esbuild on first use (the bot runs as a bundle, and plain
 * node cannot run TypeScript), into node_modules/.cache like src/start.js's bundle.
 */
export const IDLE_MS = 60_000;

const WORKER_SOURCE = fileURLToPath(new URL('./render-worker.ts', import.meta.url));
const WORKER_BUNDLE = join(
  dirname(dirname(dirname(WORKER_SOURCE))),
  'node_modules',
  '.cache',
  'zhanbao',
  'render-worker.mjs',
);

type Answer = { id: number; png?: Uint8Array; error?: string };
type Pending = { resolve: (png: Uint8Array) => void; reject: (error: Error) => void };

let bundled: Promise<string> | undefined;
let current: { worker: ChildProcess; pending: Map<number, Pending>; timer?: NodeJS.Timeout } | undefined;
let nextId = 1;

async function bundle(): Promise<string> {
  const esbuild = await import('esbuild');
  const built = await esbuild.build({
    ...BUNDLE_OPTIONS,
    entryPoints: [WORKER_SOURCE],
    write: false,
    logLevel: 'warning',
  });
  await esbuild.stop();
  const code = built.outputFiles[0]?.contents;
  if (code === undefined) throw new Error('esbuild wrote no render worker');
  await mkdir(dirname(WORKER_BUNDLE), { recursive: true });
  await writeBundleFile(WORKER_BUNDLE, code);
  return WORKER_BUNDLE;
}

function start(file: string) {
  // Advanced serialization: the PNG's bytes cross as bytes, not as JSON.
  const worker = fork(file, [], {
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // The renderer never keeps the bot alive: a bot stopping does not wait for its idle timer.
  worker.unref();
  worker.channel?.unref();
  const state: NonNullable<typeof current> = { worker, pending: new Map() };
  const fail = (error: Error) => {
    if (current === state) current = undefined;
    for (const waiting of state.pending.values()) waiting.reject(error);
    state.pending.clear();
  };
  worker.on('message', (answer: Answer) => {
    const waiting = state.pending.get(answer.id);
    if (waiting === undefined) return;
    state.pending.delete(answer.id);
    if (answer.png !== undefined) waiting.resolve(answer.png);
    else waiting.reject(new Error(`poster not drawn: ${answer.error ?? 'unknown error'}`));
    if (state.pending.size === 0) {
      idle(state);
      worker.channel?.unref();
    }
  });
  worker.on('error', fail);
  worker.on('exit', (code, signal) =>
    fail(new Error(`the poster renderer stopped (exit code ${code ?? signal ?? 'unknown'})`)),
  );
  return state;
}

function idle(state: NonNullable<typeof current>): void {
  clearTimeout(state.timer);
  state.timer = setTimeout(() => {
    if (state.pending.size > 0) return;
    if (current === state) current = undefined;
    state.worker.disconnect();
  }, IDLE_MS);
  state.timer.unref();
}

async function draw(poster: Poster): Promise<Uint8Array> {
  bundled ??= bundle().catch((error: unknown) => {
    bundled = undefined;
    throw error;
  });
  const file = await bundled;
  current ??= start(file);
  const state = current;
  clearTimeout(state.timer);
  // While an image is being drawn the channel holds the bot open; idle, it does not.
  state.worker.channel?.ref();
  const id = nextId++;
  return new Promise<Uint8Array>((resolve, reject) => {
    state.pending.set(id, { resolve, reject });
    state.worker.send({ id, poster }, (error) => {
      if (error === null) return;
      state.pending.delete(id);
      reject(error);
    });
  });
}

export async function makePosterImage(poster: Poster, day: Day): Promise<OutboundImage> {
  const png = await draw(poster);
  return { filename: posterFilename(poster, day), png, alt: posterAlt(poster) };
}

/** Ends the renderer's process now (tests, and a bot that stops). */
export async function stopPosterRenderer(): Promise<void> {
  const state = current;
  current = undefined;
  if (state === undefined) return;
  clearTimeout(state.timer);
  const exited = new Promise<void>((resolve) => {
    if (state.worker.exitCode !== null || state.worker.signalCode !== null) resolve();
    else state.worker.once('exit', () => resolve());
  });
  if (state.worker.connected) state.worker.disconnect();
  await exited;
}
