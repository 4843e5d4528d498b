import { config as loadDotenv } from 'dotenv';
import { createApp } from './app.ts';
import { systemClock } from './clock.ts';
import { loadConfig } from './config.ts';
import { createLogger, serializeError } from './logger.ts';
import { openDatabase } from './store/client.ts';
import { createStore } from './store/store.ts';

/** The only module with side effects at start: read the environment, start, stop on a signal. */
loadDotenv({ quiet: true });
const loaded = loadConfig(process.env, { needSlack: true });
if (!loaded.ok) {
  process.stderr.write(
    [
      'Zhanbao cannot start: the configuration is incomplete.',
      ...loaded.problems.map((problem) => `  - ${problem}`),
      '',
      'To get the Slack values: create the app at https://api.slack.com/apps → "Create New App" →',
      '"From a manifest", paste manifests/slack.yaml, install it to your workspace, then copy the',
      'Bot User OAuth Token (SLACK_BOT_TOKEN) and the Signing Secret (SLACK_SIGNING_SECRET) into .env.',
      'See .env.example for every variable and README.md for the walk-through.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const config = loaded.config;
const slack = config.slack;
const logger = createLogger({ level: config.logLevel });
if (slack === undefined) throw new Error('unreachable: loadConfig requires Slack settings here');

try {
  const database = await openDatabase(config.databaseUrl, {
    logger: { info: (msg, data) => logger.event('info', msg, data) },
  });
  const bot = createApp({
    slack,
    store: createStore(database.prisma),
    clock: systemClock,
    logger,
    admins: config.admins,
    timezone: config.timezone,
    locale: config.locale,
  });
  const running = await bot.start(config.port);
  logger.event('info', 'ready', { provider: database.provider, port: running.port });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.event('info', 'stopping', { signal });
    await running.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
} catch (error) {
  logger.event('error', 'start.failed', serializeError(error));
  process.exit(1);
}
