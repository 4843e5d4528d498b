import { config as loadDotenv } from 'dotenv';
import { createApp, workConcurrencyFor } from './app.ts';
import { systemClock } from './clock.ts';
import { adminsOf, type Config, configuredMessengers, loadConfig } from './config.ts';
import { type CoreOptions, createEvents, createLane } from './core.ts';
import { createLogger, type Logger, serializeError } from './logger.ts';
import { type Bot, serveBots } from './serve-bots.ts';
import { openDatabase } from './store/client.ts';
import { adoptAtStart, type MessengerName } from './store/messengers.ts';
import { createStore } from './store/store.ts';

/**
 * The only module with side effects at start: read the environment, start, stop on a signal.
 * With a Slack bot token it runs the bot for Slack, with DingTalk settings (DINGTALK_CLIENT_ID)
 * the DingTalk robot, with WeCom settings (WECOM_CORP_ID) the WeCom app, with several of them all
 * of them in one process; with none, the playground (the same bot against local stand-ins of the
 * messengers, with a page to use it from), so that `npm start` on a fresh machine shows the bot
 * working instead of a list of missing settings.
 */
loadDotenv({ quiet: true });

/**
 * The playground keeps its own SQLite file: its demo people and channels are not those of a real
 * workspace, so they must never end up in the database the bot later uses with Slack.
 */
const PLAYGROUND_DATABASE_URL = 'file:./data/playground.db';

function exitWithProblems(problems: readonly string[]): never {
  process.stderr.write(
    [
      'Zhanbao cannot start: the configuration is incomplete.',
      ...problems.map((problem) => `  - ${problem}`),
      '',
      'To get the Slack values: create the app at https://api.slack.com/apps → "Create New App" →',
      '"From a manifest", paste manifests/slack.yaml, install it to your workspace, then copy the',
      'Bot User OAuth Token (SLACK_BOT_TOKEN) and the Signing Secret (SLACK_SIGNING_SECRET) into .env.',
      'See .env.example for every variable and README.md for the walk-through.',
      'For DingTalk: DINGTALK_CLIENT_ID and DINGTALK_CLIENT_SECRET from the developer console',
      '(open-dev.dingtalk.com → your app → 凭证与基础信息); README.md → "DingTalk" walks through it.',
      'For WeCom: WECOM_CORP_ID, WECOM_AGENT_ID, WECOM_SECRET, WECOM_TOKEN and WECOM_ENCODING_AES_KEY from the',
      'admin console (work.weixin.qq.com → 应用管理 → your app); README.md → "WeCom" walks through it.',
      'Without SLACK_BOT_TOKEN, DINGTALK_CLIENT_ID or WECOM_CORP_ID, `npm start` runs the playground instead.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.event('info', 'stopping', { signal });
    await stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void onSignal('SIGTERM'));
  process.on('SIGINT', () => void onSignal('SIGINT'));
}

/** Each messenger's bot on the core's options (DingTalk's and WeCom's adapters load only when used). */
const BUILDERS: Record<MessengerName, (config: Config, core: CoreOptions) => Promise<Bot>> = {
  slack: async (config, core) => {
    const slack = config.slack;
    if (slack === undefined) throw new Error('unreachable: loadConfig requires Slack settings here');
    return createApp({ ...core, slack }).bot;
  },
  dingtalk: async (config, core) => {
    const dingtalk = config.dingtalk;
    if (dingtalk === undefined) throw new Error('unreachable: loadConfig requires DingTalk settings here');
    const { createDingTalkApp } = await import('./dingtalk/dingtalk-app.ts');
    return createDingTalkApp({ ...core, dingtalk }).bot;
  },
  wecom: async (config, core) => {
    const wecom = config.wecom;
    if (wecom === undefined) throw new Error('unreachable: loadConfig requires WeCom settings here');
    const { createWeComApp } = await import('./wecom/wecom-app.ts');
    return createWeComApp({ ...core, wecom }).bot;
  },
};

/**
 * Opens the database and runs the bot of every configured messenger in this process, on one
 * port and one database: each sees only its own teams (createStore), and with several they
 * share one work lane and one stream of team events. Stops on a signal.
 */
async function runBots(config: Config, logger: Logger, messengers: readonly MessengerName[]): Promise<void> {
  const database = await openDatabase(config.databaseUrl, {
    logger: { info: (msg, data) => logger.event('info', msg, data) },
  });
  const adoption = await adoptAtStart(database.prisma, messengers);
  if ('problem' in adoption) {
    await database.close();
    exitWithProblems([adoption.problem]);
  }
  if (adoption.adopted > 0)
    logger.event('info', 'store.adopted', { messenger: adoption.by, teams: adoption.adopted });
  const workConcurrency = workConcurrencyFor(database.provider);
  const shared =
    messengers.length > 1
      ? { lane: createLane({ logger, workConcurrency }, 'bots'), events: createEvents(logger) }
      : undefined;
  const bots: Bot[] = [];
  for (const messenger of messengers)
    bots.push(
      await BUILDERS[messenger](config, {
        store: createStore(database.prisma, messenger),
        clock: systemClock,
        logger,
        admins: adminsOf(config, messenger),
        timezone: config.timezone,
        locale: config.locale,
        workConcurrency,
        ...(config.publicUrl === undefined ? {} : { publicUrl: config.publicUrl }),
        ...(shared === undefined ? {} : { shared }),
      }),
    );
  const running = await serveBots(config.port, bots, logger);
  logger.event('info', 'ready', {
    messenger: messengers.join(','),
    provider: database.provider,
    port: running.port,
  });
  stopOnSignals(logger, async () => {
    await running.stop();
    await database.close();
  });
}

async function runPlayground(config: Config, logger: Logger): Promise<void> {
  const database = await openDatabase(PLAYGROUND_DATABASE_URL, {
    logger: { info: (msg, data) => logger.event('info', msg, data) },
  });
  // Loaded only without Slack settings: a bot in production does not carry the playground.
  const { startPlayground } = await import('./playground/start-playground.ts');
  const playground = await startPlayground({
    port: config.port,
    database,
    clock: systemClock,
    logger,
    timezone: config.timezone,
    locale: config.locale,
    admins: config.admins,
    // A fresh machine has an empty database, and an empty page teaches nothing: the demo team is
    // written once, on the first start. A roster of one's own (or the demo, later) is never touched.
    seed: 'if-empty',
    ...(config.publicUrl === undefined ? {} : { publicUrl: config.publicUrl }),
  });
  process.stdout.write(
    [
      `Zhanbao playground: ${playground.url}`,
      'No messenger configured, so the bot runs against local stand-ins for Slack, DingTalk and WeCom (switch in the' +
        ' page; demo data in data/playground.db, data/playground-dingtalk.db and data/playground-wecom.db);' +
        ' to use a real workspace, see README.md.',
      '',
    ].join('\n'),
  );
  logger.event('info', 'ready', { mode: 'playground', provider: database.provider, port: playground.port });
  stopOnSignals(logger, async () => {
    await playground.stop();
    await database.close();
  });
}

// Without a bot token the Slack settings are not needed; with one, they must all be right.
const general = loadConfig(process.env, { needSlack: false });
if (!general.ok) exitWithProblems(general.problems);
const messengers = configuredMessengers(general.config);
const loaded = messengers.includes('slack') ? loadConfig(process.env, { needSlack: true }) : general;
if (!loaded.ok) exitWithProblems(loaded.problems);
const logger = createLogger({ level: loaded.config.logLevel });

try {
  if (messengers.length === 0) await runPlayground(loaded.config, logger);
  else await runBots(loaded.config, logger, messengers);
} catch (error) {
  logger.event('error', 'start.failed', serializeError(error));
  process.exit(1);
}
