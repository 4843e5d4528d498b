import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { Clock } from './clock.ts';
import type { SlackConfig } from './config.ts';
import { createCore } from './core.ts';
import type { Locale } from './i18n/index.ts';
import type { Logger } from './logger.ts';
import { serializeError } from './logger.ts';
import { type Bot, serveAlone } from './serve-bots.ts';
import { createSlackDirectory } from './slack/directory.ts';
import { publishHome } from './slack/home.ts';
import { registerListeners } from './slack/listeners/index.ts';
import { createSlackMessenger } from './slack/messenger.ts';
import type { SlackDeps } from './slack/slack-deps.ts';
import type { Provider } from './store/migrate.ts';
import type { Store } from './store/store.ts';

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
  const logLevel = deps.logger.getLevel() ?? LogLevel.INFO;
  // In HTTP mode the receiver is ours, so that /slack/events is served from the process's one
  // HTTP server beside the wallboard and the other messengers' callbacks (serve-bots.ts).
  const receiver = socketMode
    ? undefined
    : new HTTPReceiver({ signingSecret: deps.slack.signingSecret ?? '', logger: deps.logger, logLevel });
  const app = new App({
    token: deps.slack.botToken,
    ...(receiver === undefined ? { socketMode: true, appToken: deps.slack.appToken } : { receiver }),
    logger: deps.logger,
    logLevel,
    clientOptions: deps.slack.apiUrl === undefined ? {} : { slackApiUrl: deps.slack.apiUrl },
  });

  const directory = createSlackDirectory(
    app.client,
    deps.directoryCacheMs === undefined ? {} : { ttlMs: deps.directoryCacheMs },
  );
  const messenger = createSlackMessenger(app.client, { directory, defaultLocale: deps.locale });
  const core = createCore(deps, messenger, 'slack');
  const { lane, scheduler, chatDeps } = core;
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

  const bot: Bot = {
    messenger: 'slack',
    core,
    schedule: deps.schedule !== false,
    ...(receiver === undefined
      ? { connect: () => app.start(), disconnect: () => app.stop() }
      : {
          // Bolt's listener answers every /slack/ path itself (404 for those it does not serve).
          route: async (req, res) => {
            if (!(req.url ?? '').startsWith('/slack/')) return false;
            receiver.requestListener(req, res);
            return true;
          },
        }),
  };

  return {
    app,
    messenger,
    scheduler,
    lane,
    bot,
    start: (port: number): Promise<RunningApp> =>
      serveAlone(port, bot, deps.logger, { mode: socketMode ? 'socket' : 'http' }),
  };
}

/**
 * The lane's concurrency for a store: SQLite has one writer, so one; PostgreSQL's pool holds ten
 * connections (pg's default), so four, which leaves connections for the jobs and the Home tab.
 */
export function workConcurrencyFor(provider: Provider): number {
  return provider === 'postgresql' ? 4 : 1;
}
