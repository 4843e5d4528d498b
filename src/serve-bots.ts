import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from './core.ts';
import { serveHttp } from './http.ts';
import { type Logger, serializeError } from './logger.ts';
import type { MessengerName } from './store/messengers.ts';
import { ensureTeam } from './usecases/context.ts';
import { createWallServer } from './wall/wall-http.ts';

/** A bot's HTTP paths: resolves false for a request that is not for them (nothing answered). */
export type HttpRoute = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * One messenger's bot as the process runs it, beside the others (each adapter's create*App
 * builds one): its core, its callback paths on the process's one HTTP server, and the
 * connections it opens itself.
 */
export type Bot = {
  messenger: MessengerName;
  core: Core;
  /** Whether its scheduler runs in this process (tests drive the jobs themselves). */
  schedule: boolean;
  /** Its callback endpoints; absent when its messenger connects out (DingTalk Stream, Slack Socket Mode). */
  route?: HttpRoute;
  /** Opens what connects out (DingTalk Stream, Slack Socket Mode), once the port is bound. */
  connect?(): Promise<unknown>;
  disconnect?(): Promise<unknown>;
};

export type RunningBots = { port: number | undefined; stop(): Promise<void> };

/**
 * Serves the bots on one port (0: a free one): the office wallboard's `/wall/…` first (one for
 * every team: its links are found by token), then each bot's own paths (`/slack/events`,
 * `/dingtalk/events`, `/wecom/events`), anything else 404. Then starts each bot: its first team,
 * its connections, its scheduler (whose first tick is the catch-up of missed jobs). Stopping stops
 * the schedulers and connections, closes the server and waits for acknowledged work.
 */
export async function serveBots(port: number, bots: readonly Bot[], logger: Logger): Promise<RunningBots> {
  const [first] = bots;
  if (first === undefined) throw new Error('serveBots: no bot to serve');
  const wall = createWallServer({ deps: first.core.useCaseDeps, events: first.core.events, logger });
  const server = await serveHttp(
    port,
    async (req, res) => {
      if (await wall.handle(req, res)) return;
      for (const bot of bots) if (bot.route !== undefined && (await bot.route(req, res))) return;
      res.writeHead(404).end();
    },
    (error) => logger.event('error', 'http.failed', serializeError(error)),
  );
  const stop = async (started: readonly Bot[]) => {
    for (const bot of started) {
      await bot.core.scheduler.stop();
      await bot.disconnect?.();
    }
    // Open event streams of the wallboard would hold the server open.
    wall.close();
    await server.close();
    for (const bot of started) await bot.core.lane.idle();
  };
  const started: Bot[] = [];
  try {
    for (const bot of bots) {
      await ensureTeam(bot.core.useCaseDeps.store, bot.core.useCaseDeps);
      await bot.connect?.();
      if (bot.schedule) await bot.core.scheduler.start();
      started.push(bot);
    }
  } catch (error) {
    await stop(started);
    throw error;
  }
  return { port: server.port, stop: () => stop(bots) };
}

/** The route of one callback path (its query aside) to the handler that answers it. */
export function routeAt(
  path: string,
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): HttpRoute {
  return async (req, res) => {
    if ((req.url ?? '').split('?')[0] !== path) return false;
    await handle(req, res);
    return true;
  };
}

/** One bot by itself on `port` (a process of one messenger, the tests): logged once started. */
export async function serveAlone(
  port: number,
  bot: Bot,
  logger: Logger,
  details: Record<string, unknown> = {},
): Promise<RunningBots> {
  const running = await serveBots(port, [bot], logger);
  logger.event('info', 'app.started', { messenger: bot.messenger, ...details, port: running.port });
  return running;
}
