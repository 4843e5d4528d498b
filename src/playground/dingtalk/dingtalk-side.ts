import { randomBytes } from 'node:crypto';
import { COMMAND_NAMES } from '../../chat/router.ts';
import type { Clock } from '../../clock.ts';
import type { DingTalkConfig } from '../../config.ts';
import { createDingTalkApp } from '../../dingtalk/dingtalk-app.ts';
import { EVENTS_PATH } from '../../dingtalk/http-receiver.ts';
import type { Locale } from '../../i18n/index.ts';
import type { JobDeps } from '../../jobs/runner.ts';
import type { Logger } from '../../logger.ts';
import type { Store } from '../../store/store.ts';
import { createConversations } from '../conversations.ts';
import { createEventStream } from '../events.ts';
import { createPageApi } from '../page-api.ts';
import { createWorkspace } from '../workspace.ts';
import { createDingTalkOpenApi, DINGTALK_API_PATH } from './open-api.ts';
import { DINGTALK_IDENTITY, DINGTALK_PLAYGROUND, DINGTALK_USER_ID } from './org.ts';
import { createTypedMessages } from './typed-messages.ts';

/**
 * The 钉钉 half of the playground: the bot as createDingTalkApp builds it for production, in
 * HTTP mode on a port of its own, its OpenAPI client pointed at the stand-in (open-api.ts) that
 * the playground's server answers under /dingtalk-api. Its own store (never the Slack one: the
 * two demo organisations have different ids), conversations and event stream for the page.
 */
export type DingTalkSideOptions = {
  store: Store;
  clock: Clock;
  logger: Logger;
  timezone: string;
  locale: Locale;
  admins: readonly string[];
  schedule: boolean;
};

/** The app's settings in the playground: a fresh client secret each start, the stand-in's URL. */
export function playgroundDingTalkConfig(origin: string, clientSecret: string): DingTalkConfig {
  const url = `${origin}${DINGTALK_API_PATH}`;
  return {
    clientId: DINGTALK_PLAYGROUND.clientId,
    clientSecret,
    robotCode: DINGTALK_PLAYGROUND.clientId,
    mode: 'http',
    apiUrl: url,
    oapiUrl: url,
  };
}

export function createDingTalkSide(options: DingTalkSideOptions) {
  const clientSecret = randomBytes(32).toString('hex');
  const conversations = createConversations({ clock: options.clock });
  const workspace = createWorkspace({
    store: options.store,
    defaultLocale: options.locale,
    admins: options.admins,
    identity: DINGTALK_IDENTITY,
  });
  const openApi = createDingTalkOpenApi({ conversations, workspace, clientSecret });
  let jobDeps: JobDeps | undefined;
  const pageApi = createPageApi({
    store: options.store,
    clock: options.clock,
    workspace,
    conversations,
    session: {
      messenger: 'dingtalk',
      clientSecret,
      robot: DINGTALK_PLAYGROUND.robot,
      corpId: DINGTALK_PLAYGROUND.corpId,
      commands: COMMAND_NAMES.map((name) => `/${name}`),
    },
    userIdPattern: DINGTALK_USER_ID,
    defaultLocale: options.locale,
    jobDeps: () => jobDeps,
  });

  return {
    clientSecret,
    conversations,
    workspace,
    openApi,
    pageApi,
    events: createEventStream(conversations),
    typed: createTypedMessages({ conversations, workspace, openApi }),

    /** Starts the robot against the stand-in at `origin`; returns where its callbacks go. */
    async start(origin: string, publicUrl: string) {
      const bot = createDingTalkApp({
        dingtalk: playgroundDingTalkConfig(origin, clientSecret),
        store: options.store,
        clock: options.clock,
        logger: options.logger,
        admins: [...options.admins, DINGTALK_PLAYGROUND.admin.userId],
        timezone: options.timezone,
        locale: options.locale,
        schedule: options.schedule,
        publicUrl,
      });
      const running = await bot.start(0);
      if (running.port === undefined)
        throw new Error('playground: the DingTalk robot did not report its port');
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

export type DingTalkSide = ReturnType<typeof createDingTalkSide>;
