import type { WeComConfig } from '../config.ts';
import { type CoreOptions, createCore } from '../core.ts';
import { type Locale, messagesFor } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import { type Bot, routeAt, serveAlone } from '../serve-bots.ts';
import type { Store } from '../store/store.ts';
import { createWeComApi } from './api.ts';
import { createWeComDirectory } from './directory.ts';
import { createWeComHttpReceiver, EVENTS_PATH } from './http-receiver.ts';
import { createWeComMessenger } from './messenger.ts';
import { createOutgoing } from './outgoing.ts';
import { createWeComMessageHandler, type MENU_KEYS } from './receive.ts';

export type WeComAppDeps = CoreOptions & {
  wecom: WeComConfig;
  schedule?: boolean;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

export type RunningWeComApp = { port: number | undefined; stop(): Promise<void> };

/** What sends to WeCom, for the bot and the CLI: the API client, names, outgoing and the jobs' messenger. */
export function createWeComSending(options: {
  config: WeComConfig;
  store: Store;
  logger: Logger;
  locale: Locale;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}) {
  const { config } = options;
  const api = createWeComApi({
    corpId: config.corpId,
    agentId: config.agentId,
    secret: config.secret,
    apiUrl: config.apiUrl,
    logger: options.logger,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
  });
  const directory = createWeComDirectory(api, options.store);
  const outgoing = createOutgoing(api, directory);
  const messenger = createWeComMessenger(api, outgoing, {
    store: options.store,
    defaultLocale: options.locale,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  return { api, directory, outgoing, messenger };
}

/**
 * The app menu (自定义菜单): WeCom allows at most 3 top-level buttons (menu/create, doc 90231),
 * so 记录 and 我的战报 are on top and 排行 / 帮助 under 更多. Each is a click button whose key is
 * the command it runs (receive.ts).
 */
export function weComMenu(locale: Locale) {
  const m = messagesFor(locale);
  const click = (key: (typeof MENU_KEYS)[number]) => ({ type: 'click', name: m.chat.menu[key], key });
  return {
    button: [
      click('log'),
      click('stats'),
      { name: m.chat.menu.more, sub_button: [click('rank'), click('help')] },
    ],
  };
}

/**
 * The bot as a WeCom self-built app (自建应用): the neutral core with WeCom plugged in. It
 * listens on `port` at /wecom/events (URL verification and encrypted callbacks), answers each
 * callback with an empty 200 at once (WeCom's 5 s), works on the lane, and counts a delivery
 * WeCom retries once.
 */
export function createWeComApp(deps: WeComAppDeps) {
  const now = deps.now ?? Date.now;
  const { api, directory, outgoing, messenger } = createWeComSending({
    config: deps.wecom,
    store: deps.store,
    logger: deps.logger,
    locale: deps.locale,
    now,
    ...(deps.sleep === undefined ? {} : { sleep: deps.sleep }),
  });
  const core = createCore(deps, messenger, 'wecom');
  const { lane, scheduler, deliveries, chatDeps } = core;
  const receive = createWeComMessageHandler({ ...chatDeps(directory), api, outgoing, deliveries });
  const handle = createWeComHttpReceiver({
    token: deps.wecom.token,
    aesKey: deps.wecom.encodingAesKey,
    corpId: deps.wecom.corpId,
    logger: deps.logger,
    onMessage: receive,
  });

  const bot: Bot = {
    messenger: 'wecom',
    core,
    schedule: deps.schedule !== false,
    route: routeAt(EVENTS_PATH, handle),
  };

  return {
    api,
    messenger,
    scheduler,
    lane,
    bot,
    start: (port: number): Promise<RunningWeComApp> => serveAlone(port, bot, deps.logger),
  };
}
