import { randomBytes, randomInt } from 'node:crypto';
import type { Clock } from '../../clock.ts';
import type { WeComConfig } from '../../config.ts';
import type { Locale } from '../../i18n/index.ts';
import type { JobDeps } from '../../jobs/runner.ts';
import type { Logger } from '../../logger.ts';
import type { Store } from '../../store/store.ts';
import { EVENTS_PATH } from '../../wecom/http-receiver.ts';
import { createWeComApp, weComMenu } from '../../wecom/wecom-app.ts';
import { createConversations } from '../conversations.ts';
import { createEventStream } from '../events.ts';
import { createPageApi } from '../page-api.ts';
import { createWorkspace } from '../workspace.ts';
import { createWeComCallbacks } from './callbacks.ts';
import { WECOM_IDENTITY, WECOM_PLAYGROUND, WECOM_USER_ID } from './corp.ts';
import { createWeComStandIn, WECOM_API_PATH } from './wecom-api.ts';

/**
 * The 企业微信 half of the playground, shaped like the 钉钉 one (dingtalk-side.ts): the bot as
 * createWeComApp builds it for production, on a port of its own, its API client pointed at the
 * stand-in (wecom-api.ts) under /wecom-api; its own store, conversations and event stream. The
 * app's Secret, callback Token and EncodingAESKey are made fresh at each start, and the menu is
 * installed with menu/create as `npx zhanbao wecom menu` would.
 */
export type WeComSideOptions = {
  store: Store;
  clock: Clock;
  logger: Logger;
  timezone: string;
  locale: Locale;
  admins: readonly string[];
  schedule: boolean;
};

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An EncodingAESKey as WeCom's console makes one: 43 characters of [A-Za-z0-9]. */
export function makeEncodingAesKey(): string {
  return Array.from({ length: 43 }, () => KEY_ALPHABET[randomInt(KEY_ALPHABET.length)]).join('');
}

export function playgroundWeComConfig(
  origin: string,
  secrets: { secret: string; token: string; encodingAesKey: string },
): WeComConfig {
  return {
    corpId: WECOM_PLAYGROUND.corpId,
    agentId: WECOM_PLAYGROUND.agentId,
    ...secrets,
    apiUrl: `${origin}${WECOM_API_PATH}`,
  };
}

export function createWeComSide(options: WeComSideOptions) {
  const secrets = {
    secret: randomBytes(24).toString('base64url'),
    token: randomBytes(12).toString('base64url'),
    encodingAesKey: makeEncodingAesKey(),
  };
  const conversations = createConversations({ clock: options.clock });
  const workspace = createWorkspace({
    store: options.store,
    defaultLocale: options.locale,
    admins: options.admins,
    identity: WECOM_IDENTITY,
  });
  const standIn = createWeComStandIn({ conversations, workspace, secret: secrets.secret });
  let jobDeps: JobDeps | undefined;
  const pageApi = createPageApi({
    store: options.store,
    clock: options.clock,
    workspace,
    conversations,
    session: () => ({
      messenger: 'wecom',
      app: WECOM_PLAYGROUND.app,
      corpId: WECOM_PLAYGROUND.corpId,
      agentId: WECOM_PLAYGROUND.agentId,
      menu: standIn.menu() ?? [],
    }),
    userIdPattern: WECOM_USER_ID,
    defaultLocale: options.locale,
    jobDeps: () => jobDeps,
  });

  return {
    secrets,
    conversations,
    workspace,
    standIn,
    pageApi,
    events: createEventStream(conversations),
    callbacks: createWeComCallbacks({
      conversations,
      workspace,
      secrets: { token: secrets.token, aesKey: secrets.encodingAesKey, corpId: WECOM_PLAYGROUND.corpId },
    }),

    /** Starts the app against the stand-in at `origin`, installs its menu; returns where callbacks go. */
    async start(origin: string, publicUrl: string) {
      const bot = createWeComApp({
        wecom: playgroundWeComConfig(origin, secrets),
        store: options.store,
        clock: options.clock,
        logger: options.logger,
        admins: [...options.admins, WECOM_PLAYGROUND.admin.userId],
        timezone: options.timezone,
        locale: options.locale,
        schedule: options.schedule,
        publicUrl,
      });
      const running = await bot.start(0);
      if (running.port === undefined) throw new Error('playground: the WeCom app did not report its port');
      try {
        await bot.api.createMenu(weComMenu(options.locale).button);
      } catch (error) {
        await running.stop();
        throw error;
      }
      jobDeps = { store: options.store, messenger: bot.messenger, logger: options.logger };
      return {
        eventsUrl: `http://127.0.0.1:${running.port}${EVENTS_PATH}`,
        origin: `http://127.0.0.1:${running.port}`,
        // The page's jobs post through this bot: they end before it stops.
        stop: async () => {
          await pageApi.settled();
          await running.stop();
        },
      };
    },
  };
}

export type WeComSide = ReturnType<typeof createWeComSide>;
