import { z } from 'zod';
import { MESSENGER_NAMES, type MessengerName } from './store/messengers.ts';

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
      .refine((ids) => ids.every((id) => /^[A-Za-z0-9_.@$:-]{1,64}$/.test(id)), {
        message: 'must be comma-separated user ids (Slack U012ABCDEF, DingTalk userId)',
      }),
  ),
  DINGTALK_CLIENT_ID: optionalString,
  DINGTALK_CLIENT_SECRET: optionalString,
  DINGTALK_ROBOT_CODE: optionalString,
  DINGTALK_MODE: z.preprocess(
    emptyToUndefined,
    z.enum(['stream', 'http'], { message: 'must be stream or http' }).default('stream'),
  ),
  DINGTALK_CARD_TEMPLATE_ID: optionalString.refine(
    (v) => v === undefined || /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(v),
    {
      message:
        "must be the card template's id from DingTalk's card platform, such as 1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d.schema",
    },
  ),
  DINGTALK_API_URL: z.preprocess(
    emptyToUndefined,
    z.url({ message: 'must be a URL such as https://api.dingtalk.com' }).default('https://api.dingtalk.com'),
  ),
  DINGTALK_OAPI_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({ message: 'must be a URL such as https://oapi.dingtalk.com' })
      .default('https://oapi.dingtalk.com'),
  ),
  WECOM_CORP_ID: optionalString,
  WECOM_AGENT_ID: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: "must be the app's AgentId, a whole number such as 1000002" })
      .int({ message: "must be the app's AgentId, a whole number such as 1000002" })
      .positive({ message: "must be the app's AgentId, a whole number such as 1000002" })
      .optional(),
  ),
  WECOM_SECRET: optionalString,
  WECOM_TOKEN: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9]{1,32}$/.test(v), {
    message: 'must be the callback Token: letters and digits, at most 32',
  }),
  WECOM_ENCODING_AES_KEY: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9]{43}$/.test(v), {
    message: 'must be the callback EncodingAESKey: 43 letters and digits',
  }),
  WECOM_API_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({ message: 'must be a URL such as https://qyapi.weixin.qq.com' })
      .default('https://qyapi.weixin.qq.com'),
  ),
  ZHANBAO_PUBLIC_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({
        protocol: /^https?$/,
        message: 'must be the http(s) address the bot is reached at, such as https://zhanbao.example.com',
      })
      .optional(),
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

/** A DingTalk app needs its secret as soon as its client id is set (they come as a pair). */
function missingDingTalkSettings(env: Record<string, string | undefined>): string[] {
  const present = (name: string) => (env[name] ?? '').trim() !== '';
  if (!present('DINGTALK_CLIENT_ID')) return [];
  return present('DINGTALK_CLIENT_SECRET')
    ? []
    : [
        'DINGTALK_CLIENT_SECRET is missing (the Client Secret beside the Client ID in the DingTalk developer console → your app → 凭证与基础信息)',
      ];
}

/** A WeCom app needs all of its settings as soon as its CorpID is set. */
function missingWeComSettings(env: Record<string, string | undefined>): string[] {
  const present = (name: string) => (env[name] ?? '').trim() !== '';
  if (!present('WECOM_CORP_ID')) return [];
  const where: Record<string, string> = {
    WECOM_AGENT_ID: "the app's AgentId: WeCom admin console → 应用管理 → your app",
    WECOM_SECRET: "the app's Secret: 应用管理 → your app → Secret (查看)",
    WECOM_TOKEN: 'the callback Token: your app → 接收消息 → 设置API接收',
    WECOM_ENCODING_AES_KEY: 'the callback EncodingAESKey: your app → 接收消息 → 设置API接收',
  };
  return Object.entries(where)
    .filter(([name]) => !present(name))
    .map(([name, how]) => `${name} is missing (${how})`);
}

/**
 * Admin ids must say whose they are when several messengers are configured, and Slack's must
 * look like Slack's (U…/W…); a DingTalk userId or WeCom userid may be almost anything.
 */
function adminProblems(env: Record<string, string | undefined>): string[] {
  const present = (name: string) => (env[name] ?? '').trim() !== '';
  const messengers = MESSENGER_NAMES.filter((name) => present(SETTING_OF[name]));
  const entries = (env.ZHANBAO_ADMINS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '')
    .map(splitAdmin);
  const problems: string[] = [];
  if (messengers.length > 1 && entries.some((entry) => entry.messenger === undefined))
    problems.push(
      `ZHANBAO_ADMINS: with several messengers (${messengers.join(', ')}) say whose each id is, e.g. slack:U012ABCDEF,dingtalk:manager01`,
    );
  const slackIds = entries.filter(
    (entry) =>
      entry.messenger === 'slack' || (entry.messenger === undefined && messengers.join() === 'slack'),
  );
  if (!slackIds.every((entry) => /^[UW][A-Z0-9]+$/.test(entry.id)))
    problems.push('ZHANBAO_ADMINS must be comma-separated Slack user ids such as U012ABCDEF');
  return problems;
}

/** The variable whose presence turns a messenger on. */
const SETTING_OF: Record<MessengerName, string> = {
  slack: 'SLACK_BOT_TOKEN',
  dingtalk: 'DINGTALK_CLIENT_ID',
  wecom: 'WECOM_CORP_ID',
};

export type DingTalkConfig = {
  clientId: string;
  clientSecret: string;
  /** The robot's code; for an enterprise internal app robot it is the client id (AppKey). */
  robotCode: string;
  mode: 'stream' | 'http';
  apiUrl: string;
  oapiUrl: string;
  /**
   * The interactive card template (卡片平台) buttons are sent in; without it, buttons are links
   * that send their command back. Used in Stream mode only: card clicks arrive over Stream.
   */
  cardTemplateId?: string;
};

export type WeComConfig = {
  corpId: string;
  agentId: number;
  secret: string;
  token: string;
  encodingAesKey: string;
  apiUrl: string;
};

export type SlackConfig = {
  botToken: string;
  signingSecret: string | undefined;
  appToken: string | undefined;
  apiUrl: string | undefined;
};

export type Config = {
  /** Undefined only for CLI commands that do not talk to Slack. */
  slack: SlackConfig | undefined;
  /** Set when DINGTALK_CLIENT_ID is: the deployment runs the DingTalk robot. */
  dingtalk: DingTalkConfig | undefined;
  /** Set when WECOM_CORP_ID is: the deployment runs the WeCom app. */
  wecom: WeComConfig | undefined;
  port: number;
  databaseUrl: string;
  timezone: string;
  locale: 'zh-CN' | 'en';
  admins: readonly string[];
  /** ZHANBAO_PUBLIC_URL without a trailing slash: where links to the bot's own pages point. */
  publicUrl: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
};

/** The messengers whose settings are present, in the order Slack, DingTalk, WeCom. */
export function configuredMessengers(config: Config): MessengerName[] {
  return MESSENGER_NAMES.filter((name) => config[name] !== undefined);
}

/**
 * ZHANBAO_ADMINS of one messenger: the ids written `dingtalk:manager01` for it, and plain ids
 * when the deployment serves one messenger only (with several, loadConfig refuses plain ids:
 * `zhangsan` on WeCom and on DingTalk may be two people).
 */
export function adminsOf(config: Config, messenger: MessengerName): string[] {
  const single = configuredMessengers(config).length <= 1;
  return config.admins.flatMap((entry) => {
    const { messenger: of, id } = splitAdmin(entry);
    return of === messenger || (of === undefined && single) ? [id] : [];
  });
}

function splitAdmin(entry: string): { messenger: MessengerName | undefined; id: string } {
  const colon = entry.indexOf(':');
  const prefix = colon < 0 ? '' : entry.slice(0, colon);
  const named = MESSENGER_NAMES.find((name) => name === prefix);
  return named === undefined
    ? { messenger: undefined, id: entry }
    : { messenger: named, id: entry.slice(colon + 1) };
}

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
    ...missingDingTalkSettings(env),
    ...missingWeComSettings(env),
    ...adminProblems(env),
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
      dingtalk:
        e.DINGTALK_CLIENT_ID === undefined || e.DINGTALK_CLIENT_SECRET === undefined
          ? undefined
          : {
              clientId: e.DINGTALK_CLIENT_ID,
              clientSecret: e.DINGTALK_CLIENT_SECRET,
              robotCode: e.DINGTALK_ROBOT_CODE ?? e.DINGTALK_CLIENT_ID,
              mode: e.DINGTALK_MODE,
              apiUrl: e.DINGTALK_API_URL.replace(/\/+$/, ''),
              oapiUrl: e.DINGTALK_OAPI_URL.replace(/\/+$/, ''),
              ...(e.DINGTALK_CARD_TEMPLATE_ID === undefined
                ? {}
                : { cardTemplateId: e.DINGTALK_CARD_TEMPLATE_ID }),
            },
      wecom:
        e.WECOM_CORP_ID === undefined ||
        e.WECOM_AGENT_ID === undefined ||
        e.WECOM_SECRET === undefined ||
        e.WECOM_TOKEN === undefined ||
        e.WECOM_ENCODING_AES_KEY === undefined
          ? undefined
          : {
              corpId: e.WECOM_CORP_ID,
              agentId: e.WECOM_AGENT_ID,
              secret: e.WECOM_SECRET,
              token: e.WECOM_TOKEN,
              encodingAesKey: e.WECOM_ENCODING_AES_KEY,
              apiUrl: e.WECOM_API_URL.replace(/\/+$/, ''),
            },
      port: e.PORT,
      databaseUrl: e.DATABASE_URL,
      timezone: e.ZHANBAO_TIMEZONE,
      locale: e.ZHANBAO_LOCALE,
      admins: e.ZHANBAO_ADMINS,
      publicUrl: e.ZHANBAO_PUBLIC_URL?.replace(/\/+$/, ''),
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
