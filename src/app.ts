import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import type { Clock } from './clock.ts';
import type { SlackConfig } from './config.ts';
import { createCore } from './core.ts';
import { serveHttp } from './http.ts';
import type { Locale } from './i18n/index.ts';
import type { Logger } from './logger.ts';
import { serializeError } from './logger.ts';
import { createSlackDirectory } from './slack/directory.ts';
import { publishHome } from './slack/home.ts';
import { registerListeners } from './slack/listeners/index.ts';
import { createSlackMessenger } from './slack/messenger.ts';
import type { SlackDeps } from './slack/slack-deps.ts';
import type { Provider } from './store/migrate.ts';
import type { Store } from './store/store.ts';
import { ensureTeam } from './usecases/context.ts';
import { createWallServer, type WallServer, wallOnly } from './wall/wall-http.ts';

export type AppDeps = {
  slack: SlackConfig;
  store: Store;
  clock: Clock;
  logger: Logger;
  admins: readonly string[];
  timezone: string;
  locale: Locale;
  teamName?: string;
  /** Run the scheduled jobs in this process (default true; tests drive the jobs themselves). */
  schedule?: boolean;
  /**
   * How long a person's name and language from users.info are kept (default an hour). The
   * playground keeps them not at all, so that a language switched in the page applies at once.
   */
  directoryCacheMs?: number;
  /**
   * How many acknowledged requests are worked on at once (default 1: SQLite has one writer).
   * On PostgreSQL a few, below the connection pool's size.
   */
  workConcurrency?: number;
  /** ZHANBAO_PUBLIC_URL: where the office wallboard's links point. */
  publicUrl?: string;
};

export type RunningApp = { port: number | undefined; stop(): Promise<void> };

/**
 * Wires the store, the use cases and the Slack adapter into one Bolt app. No work happens at
 * import time or in this function beyond building objects; `start` binds the port (HTTP mode) or
 * opens the socket (Socket Mode when an app token is configured).
 */
export function createApp(deps: AppDeps) {
  const socketMode = deps.slack.appToken !== undefined;
  // The wallboard is served beside /slack/events in HTTP mode (Bolt's custom routes), and by a
  // server of its own on the same port in Socket Mode. It is built once the core exists.
  let wall: WallServer | undefined;
  const wallRoute = (req: IncomingMessage, res: ServerResponse) => {
    (wall === undefined ? Promise.resolve(false) : wall.handle(req, res)).then(
      (handled) => {
        if (!handled) res.writeHead(404).end();
      },
      (error: unknown) => {
        deps.logger.event('error', 'wall.failed', serializeError(error));
        if (!res.headersSent) res.writeHead(500).end();
        else res.end();
      },
    );
  };
  const app = new App({
    token: deps.slack.botToken,
    ...(socketMode
      ? { socketMode: true, appToken: deps.slack.appToken }
      : { signingSecret: deps.slack.signingSecret ?? '' }),
    logger: deps.logger,
    logLevel: deps.logger.getLevel() ?? LogLevel.INFO,
    clientOptions: deps.slack.apiUrl === undefined ? {} : { slackApiUrl: deps.slack.apiUrl },
    ...(socketMode
      ? {}
      : {
          customRoutes: [
            // Every method, so that the wall itself answers anything but GET with 405.
            { path: '/wall/:first', method: WALL_METHODS, handler: wallRoute },
            { path: '/wall/:first/:second', method: WALL_METHODS, handler: wallRoute },
          ],
        }),
  });

  const directory = createSlackDirectory(
    app.client,
    deps.directoryCacheMs === undefined ? {} : { ttlMs: deps.directoryCacheMs },
  );
  const messenger = createSlackMessenger(app.client, { directory, defaultLocale: deps.locale });
  const { useCaseDeps, lane, scheduler, events, chatDeps } = createCore(deps, messenger, 'slack');
  const wallServer = createWallServer({ deps: useCaseDeps, events, logger: deps.logger });
  wall = wallServer;
  app.use(async ({ next }) => {
    lane.noteArrival();
    await next();
  });
  const slackDeps: SlackDeps = {
    ...chatDeps(directory),
    onActivityRecorded: (userId) => publishHome(slackDeps, app.client, userId),
  };
  registerListeners(app, slackDeps);

  // Listeners turn their own failures into replies (chat/reply-or-error.ts); what reaches this point
  // failed outside a listener's work (ack, middleware) and is logged with its context.
  app.error(async (error) => {
    deps.logger.event('error', 'slack.unhandled', {
      code: error.code,
      ...serializeError(error.original ?? error),
    });
  });

  return {
    app,
    messenger,
    scheduler,
    lane,
    async start(port: number): Promise<RunningApp> {
      await ensureTeam(deps.store, useCaseDeps);
      const server = await app.start(port);
      const wallHttp = socketMode
        ? await serveHttp(port, wallOnly(wallServer), (error) =>
            deps.logger.event('error', 'wall.failed', serializeError(error)),
          )
        : undefined;
      // After the port is bound: the scheduler's first tick is the catch-up of missed jobs.
      if (deps.schedule !== false) await scheduler.start();
      const address =
        !socketMode && server !== null && typeof server === 'object' && 'address' in server
          ? server.address()
          : null;
      const boundPort = isAddressInfo(address) ? address.port : wallHttp?.port;
      deps.logger.event('info', 'app.started', { mode: socketMode ? 'socket' : 'http', port: boundPort });
      return {
        port: boundPort,
        async stop() {
          await scheduler.stop();
          // Open event streams would hold the server open.
          wallServer.close();
          await wallHttp?.close();
          await app.stop();
          // Requests already acknowledged are worked off before the store is closed.
          await lane.idle();
        },
      };
    },
  };
}

const WALL_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The lane's concurrency for a store: SQLite has one writer, so one; PostgreSQL's pool holds ten
 * connections (pg's default), so four, which leaves connections for the jobs and the Home tab.
 */
export function workConcurrencyFor(provider: Provider): number {
  return provider === 'postgresql' ? 4 : 1;
}

function isAddressInfo(value: unknown): value is AddressInfo {
  return typeof value === 'object' && value !== null && 'port' in value;
}
