import { z } from 'zod';

/**
 * The environment, validated once at start-up. This is the only module that reads `process.env`
 * (main.ts hands it in), so every other module receives a typed `Config`.
 */
const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());

const timezone = z
  .string()
  .refine(isKnownTimeZone, { message: 'is not an IANA time zone such as Asia/Shanghai' });

const environmentSchema = z.object({
  SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xoxb-'), {
    message: 'must be a bot token starting with xoxb-',
  }),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'must be an app-level token starting with xapp-',
  }),
  SLACK_API_URL: z.preprocess(
    emptyToUndefined,
    z.url({ message: 'must be a URL such as https://slack.com/api/' }).optional(),
  ),
  PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'must be a whole number from 0 to 65535' })
      .int({ message: 'must be a whole number from 0 to 65535' })
      .min(0, { message: 'must be a whole number from 0 to 65535' })
      .max(65535, { message: 'must be a whole number from 0 to 65535' })
      .default(3000),
  ),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('file:./data/zhanbao.db')
      .refine((v) => /^(file:|postgres:\/\/|postgresql:\/\/)/.test(v), {
        message: 'must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)',
      }),
  ),
  ZHANBAO_TIMEZONE: z.preprocess(emptyToUndefined, timezone.default('Asia/Shanghai')),
  ZHANBAO_LOCALE: z.preprocess(
    emptyToUndefined,
    z.enum(['zh-CN', 'en'], { message: 'must be zh-CN or en' }).default('zh-CN'),
  ),
  ZHANBAO_ADMINS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== ''),
      )
      .refine((ids) => ids.every((id) => /^[UW][A-Z0-9]+$/.test(id)), {
        message: 'must be comma-separated Slack user ids such as U012ABCDEF',
      }),
  ),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z
      .enum(['debug', 'info', 'warn', 'error'], { message: 'must be debug, info, warn or error' })
      .default('info'),
  ),
});

/** Slack credentials are required to run the bot, not to migrate a database or import a roster. */
function missingSlackSettings(env: Record<string, string | undefined>): string[] {
  const present = (name: string) => (env[name] ?? '').trim() !== '';
  const problems: string[] = [];
  if (!present('SLACK_BOT_TOKEN')) problems.push('SLACK_BOT_TOKEN is missing');
  if (!present('SLACK_APP_TOKEN') && !present('SLACK_SIGNING_SECRET')) {
    problems.push(
      'SLACK_SIGNING_SECRET is missing (needed in HTTP mode; set SLACK_APP_TOKEN instead for Socket Mode)',
    );
  }
  return problems;
}

export type SlackConfig = {
  botToken: string;
  signingSecret: string | undefined;
  appToken: string | undefined;
  apiUrl: string | undefined;
};

export type Config = {
  /** Undefined only for CLI commands that do not talk to Slack. */
  slack: SlackConfig | undefined;
  port: number;
  databaseUrl: string;
  timezone: string;
  locale: 'zh-CN' | 'en';
  admins: readonly string[];
  logLevel: 'debug' | 'info' | 'warn' | 'error';
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/**
 * Validates the environment; every problem is one line naming the variable, never a stack trace.
 * `needSlack: false` is for CLI commands (migrations, roster import) that never call Slack.
 */
export function loadConfig(
  env: Record<string, string | undefined>,
  options: { needSlack: boolean },
): ConfigResult {
  const parsed = environmentSchema.safeParse(env);
  const problems = [
    ...(options.needSlack ? missingSlackSettings(env) : []),
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`)),
  ];
  if (!parsed.success || problems.length > 0) return { ok: false, problems: [...new Set(problems)] };
  const e = parsed.data;
  return {
    ok: true,
    config: {
      slack:
        e.SLACK_BOT_TOKEN === undefined
          ? undefined
          : {
              botToken: e.SLACK_BOT_TOKEN,
              signingSecret: e.SLACK_SIGNING_SECRET,
              appToken: e.SLACK_APP_TOKEN,
              apiUrl: e.SLACK_API_URL,
            },
      port: e.PORT,
      databaseUrl: e.DATABASE_URL,
      timezone: e.ZHANBAO_TIMEZONE,
      locale: e.ZHANBAO_LOCALE,
      admins: e.ZHANBAO_ADMINS,
      logLevel: e.LOG_LEVEL,
    },
  };
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
