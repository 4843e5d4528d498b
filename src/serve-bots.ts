import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveHttp } from './http.ts';
import { type Logger, serializeError } from './logger.ts';
import type { MessengerName } from './store/messengers.ts';
import type { WallServer } from './wall/wall-http.ts';

/** A bot's HTTP paths: resolves false for a request that is not for them (nothing answered). */
export type HttpRoute = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * One messenger's bot as the process runs it, beside the others (each adapter's create*App
 * builds one): its callback paths on the process's one HTTP server, and what it runs besides.
 */
export type Bot = {
  messenger: MessengerName;
  /** Its callback endpoints; absent when its messenger connects out (DingTalk Stream, Slack Socket Mode). */
  route?: HttpRoute;
  /** The office wallboard on this bot's core; the first bot's serves every team's links. */
  wall: WallServer;
  /** Once the port is bound: makes its first team, opens its connections, starts its scheduler. */
  start(): Promise<void>;
  /** Stops its scheduler and its connections: nothing new is taken. */
  stop(): Promise<void>;
  /** Resolves once the work it acknowledged is done (the store may close after). */
  idle(): Promise<void>;
};

export type RunningBots = { port: number | undefined; stop(): Promise<void> };

/**
 * Serves the bots on one port (0: a free one): the wallboard's `/wall/…` first, then each bot's
 * own paths (`/slack/events`, `/dingtalk/events`, `/wecom/events`), anything else 404; then
 * starts each bot. Stopping stops every bot, closes the server and waits for acknowledged work.
 */
export async function serveBots(port: number, bots: readonly Bot[], logger: Logger): Promise<RunningBots> {
  const [first] = bots;
  if (first === undefined) throw new Error('serveBots: no bot to serve');
  const server = await serveHttp(
    port,
    async (req, res) => {
      if (await first.wall.handle(req, res)) return;
      for (const bot of bots) if (bot.route !== undefined && (await bot.route(req, res))) return;
      res.writeHead(404).end();
    },
    (error) => logger.event('error', 'http.failed', serializeError(error)),
  );
  const stop = async (started: readonly Bot[]) => {
    for (const bot of started) await bot.stop();
    // Open event streams of the wallboard would hold the server open.
    for (const bot of bots) bot.wall.close();
    await server.close();
    for (const bot of started) await bot.idle();
  };
  const started: Bot[] = [];
  try {
    for (const bot of bots) {
      await bot.start();
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
