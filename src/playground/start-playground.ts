import { randomBytes } from 'node:crypto';
import { createApp } from '../app.ts';
import { type Clock, localDay } from '../clock.ts';
import type { SlackConfig } from '../config.ts';
import { type DemoSummary, seedDemo } from '../demo/seed.ts';
import type { Locale } from '../i18n/index.ts';
import type { JobDeps } from '../jobs/runner.ts';
import type { Logger } from '../logger.ts';
import { COMMANDS } from '../slack/ids.ts';
import { type Database, openDatabase } from '../store/client.ts';
import { adoptUnassigned, type MessengerName } from '../store/messengers.ts';
import { createStore, type Store } from '../store/store.ts';
import { type Conversations, createConversations } from './conversations.ts';
import { renameSummary } from './demo-ids.ts';
import { createDingTalkSide } from './dingtalk/dingtalk-side.ts';
import { useDingTalkIds } from './dingtalk/org.ts';
import { createEventStream } from './events.ts';
import { createPageApi } from './page-api.ts';
import { createPlaygroundServer } from './server.ts';
import { createWebApi } from './web-api.ts';
import { useWeComIds } from './wecom/corp.ts';
import { createWeComSide } from './wecom/wecom-side.ts';
import { createWorkspace, PLAYGROUND, type Workspace } from './workspace.ts';

/**
 * Playground mode: the bot without a Slack workspace or a DingTalk organisation. The same Bolt
 * app as in production (createApp, HTTP mode) with its Web API client pointed at a stand-in for
 * Slack served by this process, beside the same DingTalk robot as in production
 * (createDingTalkApp, HTTP mode) against a stand-in for DingTalk's OpenAPI, and a page that plays
 * either client, and likewise the WeCom app (createWeComApp) against a stand-in for WeCom's API
 * (the Slack | 钉钉 | 企业微信 switch). Nothing in the use cases knows the difference.
 */
export type PlaygroundOptions = {
  /** The port of the page (0: any free port). Bolt takes a free port of its own behind it. */
  port: number;
  /** An opened, migrated database for the Slack side; the caller closes it. */
  database: Database;
  /**
   * The 钉钉 side's database: its own SQLite file by default (PLAYGROUND_DINGTALK_DATABASE_URL),
   * opened and closed here. Its demo organisation has DingTalk's ids, so it never shares a store
   * with the Slack side.
   */
  dingtalkDatabaseUrl?: string;
  /** The 企业微信 side's database, likewise (PLAYGROUND_WECOM_DATABASE_URL), in WeCom's ids. */
  wecomDatabaseUrl?: string;
  clock: Clock;
  logger: Logger;
  timezone: string;
  locale: Locale;
  /** ZHANBAO_ADMINS; the playground adds an admin of its own for an empty roster. */
  admins: readonly string[];
  /** 'if-empty': write the demo team when the roster is empty, so the page is useful at once. */
  seed: 'if-empty' | 'never';
  /** Run the scheduled jobs (default true); tests press "run job now" instead. */
  schedule?: boolean;
  /** ZHANBAO_PUBLIC_URL; else the wallboard links point at the page's own address. */
  publicUrl?: string;
};

export type RunningPlayground = {
  url: string;
  port: number;
  signingSecret: string;
  store: Store;
  conversations: Conversations;
  workspace: Workspace;
  /** The demo team written at this start, if any. */
  seeded: DemoSummary | undefined;
  dingtalk: {
    clientSecret: string;
    store: Store;
    conversations: Conversations;
    workspace: Workspace;
    /** The demo organisation written at this start, in DingTalk's ids. */
    seeded: DemoSummary | undefined;
  };
  wecom: {
    secrets: { secret: string; token: string; encodingAesKey: string };
    store: Store;
    conversations: Conversations;
    workspace: Workspace;
    /** The demo corporation written at this start, in WeCom's ids (pinyin userids, robot keys). */
    seeded: DemoSummary | undefined;
  };
  stop(): Promise<void>;
};

/**
 * Like data/playground.db for the Slack side (src/main.ts): the playground's own file, never
 * the database a real robot uses.
 */
export const PLAYGROUND_DINGTALK_DATABASE_URL = 'file:./data/playground-dingtalk.db';
export const PLAYGROUND_WECOM_DATABASE_URL = 'file:./data/playground-wecom.db';

/** The Slack settings of playground mode: a fresh signing secret each start, the stand-in's URL. */
export function playgroundSlackConfig(apiUrl: string, signingSecret: string): SlackConfig {
  return { botToken: PLAYGROUND.token, signingSecret, appToken: undefined, apiUrl };
}

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const store = await openStore(options.database, 'slack');
  const seeded =
    options.seed === 'if-empty' ? await seedIfEmpty(store, options.database, 'slack', options) : undefined;
  const dingtalkSide = await openSideStore(
    options.dingtalkDatabaseUrl ?? PLAYGROUND_DINGTALK_DATABASE_URL,
    'dingtalk',
    useDingTalkIds,
    options,
  );
  let wecomSide: Awaited<ReturnType<typeof openSideStore>>;
  try {
    wecomSide = await openSideStore(
      options.wecomDatabaseUrl ?? PLAYGROUND_WECOM_DATABASE_URL,
      'wecom',
      useWeComIds,
      options,
    );
  } catch (error) {
    await dingtalkSide.database.close();
    throw error;
  }
  const { database: dingtalkDatabase, store: dingtalkStore, demo: dingtalkDemo } = dingtalkSide;
  const { database: wecomDatabase, store: wecomStore, demo: wecomDemo } = wecomSide;
  const sideOptions = {
    clock: options.clock,
    logger: options.logger,
    timezone: options.timezone,
    locale: options.locale,
    admins: options.admins,
    schedule: options.schedule ?? true,
  };
  const dingtalk = createDingTalkSide({ store: dingtalkStore, ...sideOptions });
  const wecom = createWeComSide({ store: wecomStore, ...sideOptions });
  const signingSecret = randomBytes(32).toString('hex');
  const conversations = createConversations({ clock: options.clock });
  const workspace = createWorkspace({ store, defaultLocale: options.locale, admins: options.admins });
  let jobDeps: JobDeps | undefined;
  const pageApi = createPageApi({
    store,
    clock: options.clock,
    workspace,
    conversations,
    session: {
      signingSecret,
      team: { id: PLAYGROUND.teamId, domain: PLAYGROUND.teamDomain },
      appId: PLAYGROUND.appId,
      bot: PLAYGROUND.bot,
      commands: Object.values(COMMANDS),
    },
    userIdPattern: /^[UW][A-Z0-9]+$/,
    defaultLocale: options.locale,
    jobDeps: () => jobDeps,
  });
  const server = await createPlaygroundServer({
    webApi: createWebApi({ conversations, workspace }),
    pageApi,
    events: createEventStream(conversations),
    conversations,
    dingtalk: {
      pageApi: dingtalk.pageApi,
      events: dingtalk.events,
      conversations: dingtalk.conversations,
      openApi: dingtalk.openApi,
      typed: dingtalk.typed,
    },
    wecom: {
      pageApi: wecom.pageApi,
      events: wecom.events,
      conversations: wecom.conversations,
      standIn: wecom.standIn,
      callbacks: wecom.callbacks,
    },
    logger: options.logger,
  });
  // The stand-in must answer before the app exists: Bolt calls auth.test as it is constructed.
  const port = await server.listen(options.port);
  const local = `http://127.0.0.1:${port}`;
  const url = `http://localhost:${port}`;
  const publicUrl = options.publicUrl ?? url;
  let robot: Awaited<ReturnType<typeof dingtalk.start>> | undefined;
  let wecomApp: Awaited<ReturnType<typeof wecom.start>> | undefined;
  const closeSides = async () => {
    await dingtalkDatabase.close();
    await wecomDatabase.close();
  };
  try {
    const bot = createApp({
      slack: playgroundSlackConfig(`${local}/api/`, signingSecret),
      store,
      clock: options.clock,
      logger: options.logger,
      admins: [...options.admins, PLAYGROUND.admin.userId],
      timezone: options.timezone,
      locale: options.locale,
      schedule: options.schedule ?? true,
      directoryCacheMs: 0,
      publicUrl,
    });
    const running = await bot.start(0);
    if (running.port === undefined) throw new Error('playground: the bot did not report its port');
    server.connectBot(`http://127.0.0.1:${running.port}/slack/events`);
    jobDeps = { store, messenger: bot.messenger, logger: options.logger };
    robot = await dingtalk.start(local, publicUrl);
    server.connectRobot(robot.eventsUrl);
    wecomApp = await wecom.start(local, publicUrl);
    server.connectWeCom(wecomApp.eventsUrl);
    // A wallboard link from any of the three sides opens on the page's own address.
    server.connectWalls([`http://127.0.0.1:${running.port}`, robot.origin, wecomApp.origin]);
    options.logger.event('info', 'playground.started', {
      url,
      botPort: running.port,
      seeded: seeded !== undefined,
    });
    return {
      url,
      port,
      signingSecret,
      store,
      conversations,
      workspace,
      seeded,
      dingtalk: {
        clientSecret: dingtalk.clientSecret,
        store: dingtalkStore,
        conversations: dingtalk.conversations,
        workspace: dingtalk.workspace,
        seeded: dingtalkDemo,
      },
      wecom: {
        secrets: wecom.secrets,
        store: wecomStore,
        conversations: wecom.conversations,
        workspace: wecom.workspace,
        seeded: wecomDemo,
      },
      async stop() {
        // The page's jobs first (they post through the bots), then the bots: a job one is
        // running still posts to the stand-in until it ends.
        await pageApi.settled();
        await running.stop();
        await robot?.stop();
        await wecomApp?.stop();
        await server.close();
        await closeSides();
      },
    };
  } catch (error) {
    await robot?.stop();
    await wecomApp?.stop();
    await server.close();
    await closeSides();
    throw error;
  }
}

/**
 * Another messenger's own demo database: opened, seeded when empty, and the seeded rows given
 * that messenger's ids (`useIds`). Returns the demo summary in those ids.
 */
async function openSideStore(
  url: string,
  messenger: MessengerName,
  useIds: (db: Database['prisma']) => Promise<Map<string, string>>,
  options: PlaygroundOptions,
) {
  const database = await openDatabase(url, {
    logger: { info: (msg, data) => options.logger.event('info', msg, data) },
  });
  try {
    const store = await openStore(database, messenger);
    const seeded =
      options.seed === 'if-empty' ? await seedIfEmpty(store, database, messenger, options) : undefined;
    const demo = seeded === undefined ? undefined : renameSummary(seeded, await useIds(database.prisma));
    return { database, store, demo };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** A side's store; a demo database from before teams had a messenger is that side's. */
async function openStore(database: Database, messenger: MessengerName): Promise<Store> {
  await adoptUnassigned(database.prisma, messenger);
  return createStore(database.prisma, messenger);
}

async function seedIfEmpty(
  store: Store,
  database: Database,
  messenger: MessengerName,
  options: PlaygroundOptions,
): Promise<DemoSummary | undefined> {
  const team = await store.roster.firstTeam();
  if (team !== undefined && (await store.roster.members(team.id)).length > 0) return undefined;
  const today = localDay(options.clock.now(), team?.timezone ?? options.timezone);
  const en = options.locale === 'en';
  const summary = await seedDemo(database.prisma, {
    messenger,
    today,
    team: { name: en ? 'Sales team' : '电销团队', timezone: options.timezone, locale: options.locale },
  });
  // A second branch (分部), smaller, so that /org, /rank org and the 18:10 branch PK have
  // something to compare; its people and channels carry its name in the page.
  await seedDemo(database.prisma, {
    messenger,
    today,
    size: { groups: 2, agentsPerGroup: 6 },
    team: { name: en ? 'Branch 2' : '二部', timezone: options.timezone, locale: options.locale },
    branch: true,
  });
  options.logger.event('info', 'playground.seeded', {
    members:
      1 + summary.people.managers.length + summary.people.leaders.length + summary.people.agents.length,
    entries: summary.entries,
  });
  return summary;
}
