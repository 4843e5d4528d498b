import type { DingTalkConfig } from '../config.ts';
import { type CoreOptions, createCore } from '../core.ts';
import type { Locale } from '../i18n/index.ts';
import { type Logger, serializeError } from '../logger.ts';
import { type Bot, routeAt, serveAlone } from '../serve-bots.ts';
import type { Store } from '../store/store.ts';
import { createDingTalkApi } from './api.ts';
import { createCardClickHandler } from './card-clicks.ts';
import { createDingTalkDirectory } from './directory.ts';
import { createDingTalkHttpReceiver, EVENTS_PATH } from './http-receiver.ts';
import { createDingTalkMessenger, type DingTalkCards } from './messenger.ts';
import { createRobotMessageHandler } from './receive.ts';
import { createDingTalkStream } from './stream.ts';

export type DingTalkAppDeps = CoreOptions & {
  dingtalk: DingTalkConfig;
  /** Run the scheduled jobs in this process (default true; tests drive the jobs themselves). */
  schedule?: boolean;
  /** Stream mode's gateway; default `${apiUrl}/v1.0/gateway/connections/open`. Tests point it at a fake. */
  gatewayUrl?: string;
  /** Stream reconnect delays (tests use small ones). */
  backoff?: { initialMs: number; maxMs: number };
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

/**
 * What sends to DingTalk, for the bot and for the CLI (`zhanbao job run` posts to the bound
 * groups through it): the OpenAPI client, the directory of names and the jobs' messenger.
 */
export function createDingTalkSending(options: {
  config: DingTalkConfig;
  store: Store;
  logger: Logger;
  locale: Locale;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}) {
  const { config } = options;
  const now = options.now ?? Date.now;
  const api = createDingTalkApi({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    robotCode: config.robotCode,
    apiUrl: config.apiUrl,
    oapiUrl: config.oapiUrl,
    logger: options.logger,
    now,
    ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
  });
  const directory = createDingTalkDirectory(api, options.store);
  const cards = cardsOf(config);
  const messenger = createDingTalkMessenger(api, {
    directory,
    store: options.store,
    defaultLocale: options.locale,
    now,
    cards,
  });
  return { api, directory, messenger, cards };
}

/**
 * Interactive cards need a template and Stream mode: their clicks come on the Stream card topic,
 * and HTTP mode has no card callback route here (it would need one registered per template), so
 * HTTP mode keeps the links.
 */
function cardsOf(config: DingTalkConfig): DingTalkCards | undefined {
  if (config.cardTemplateId === undefined || config.mode !== 'stream') return undefined;
  return { templateId: config.cardTemplateId };
}

export type RunningDingTalkApp = { port: number | undefined; stop(): Promise<void> };

/**
 * The bot as a DingTalk enterprise internal app robot: the neutral core with DingTalk plugged in.
 * Stream mode (the default) needs no public address; HTTP mode listens on `port` at
 * POST /dingtalk/events. Either way a message is acknowledged first and worked on the lane.
 * Messages re-delivered within 24 hours (DingTalk re-pushes an unacked one after about a minute,
 * a replayed HTTP callback within the hour) are recognised by their msgId and run once.
 */
export function createDingTalkApp(deps: DingTalkAppDeps) {
  const now = deps.now ?? Date.now;
  const config = deps.dingtalk;
  const { api, directory, messenger, cards } = createDingTalkSending({
    config,
    store: deps.store,
    logger: deps.logger,
    locale: deps.locale,
    now,
    ...(deps.sleep === undefined ? {} : { sleep: deps.sleep }),
  });
  const core = createCore(deps, messenger, 'dingtalk');
  const { lane, scheduler, deliveries, chatDeps } = core;
  const receive = createRobotMessageHandler({
    ...chatDeps(directory),
    directory,
    api,
    now,
    deliveries,
    cards,
  });
  const onCardCallback =
    cards === undefined
      ? undefined
      : createCardClickHandler({ ...chatDeps(directory), directory, api, deliveries, cards });

  function handleFrame(data: string): Promise<void> {
    try {
      receive(JSON.parse(data));
    } catch (error) {
      deps.logger.event('warn', 'dingtalk.stream.bad_data', serializeError(error));
    }
    return Promise.resolve();
  }

  const httpReceiver =
    config.mode === 'http'
      ? createDingTalkHttpReceiver({
          appSecret: config.clientSecret,
          logger: deps.logger,
          now,
          onMessage: receive,
        })
      : undefined;
  let stream: ReturnType<typeof createDingTalkStream> | undefined;
  const bot: Bot = {
    messenger: 'dingtalk',
    core,
    schedule: deps.schedule !== false,
    ...(httpReceiver === undefined
      ? {
          // Stream mode needs no address of its own (the office wallboard still does).
          async connect() {
            stream = createDingTalkStream({
              clientId: config.clientId,
              clientSecret: config.clientSecret,
              gatewayUrl: deps.gatewayUrl ?? `${config.apiUrl}/v1.0/gateway/connections/open`,
              logger: deps.logger,
              onRobotMessage: handleFrame,
              ...(onCardCallback === undefined ? {} : { onCardCallback }),
              ...(deps.backoff === undefined ? {} : { backoff: deps.backoff }),
            });
            await stream.start();
          },
          disconnect: async () => stream?.stop(),
        }
      : { route: routeAt(EVENTS_PATH, httpReceiver) }),
  };

  return {
    api,
    messenger,
    scheduler,
    lane,
    /** One robot message as either path delivers it (parsed JSON); for the playground and tests. */
    receive,
    bot,
    start: (port: number): Promise<RunningDingTalkApp> =>
      serveAlone(port, bot, deps.logger, { mode: config.mode }),
  };
}
