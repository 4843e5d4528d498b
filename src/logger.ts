import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';

/**
 * One structured logger for the app, Bolt and the jobs: a JSON line per event on stderr.
 * `logger.info('job.done', { job, day })`. Values that look like Slack tokens are masked, so a
 * secret that reaches a log call by accident is still not written out.
 */
export type Logger = BoltLogger & {
  event(level: Level, event: string, data?: Record<string, unknown>): void;
};

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogSink = (line: string) => void;

const TOKEN_PATTERN = /xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+/g;

export function createLogger(options: { level: Level; sink?: LogSink; name?: string }): Logger {
  let level: Level = options.level;
  let name = options.name ?? 'zhanbao';
  const sink = options.sink ?? ((line: string) => process.stderr.write(`${line}\n`));

  const write = (at: Level, event: string, data?: Record<string, unknown>) => {
    if (ORDER[at] < ORDER[level]) return;
    const line = JSON.stringify(
      { time: new Date().toISOString(), level: at, name, event, ...data },
      errorReplacer,
    );
    sink(line.replace(TOKEN_PATTERN, (token) => `${token.slice(0, 5)}…`));
  };
  // Bolt logs with free arguments; keep them as a message list.
  const boltWrite =
    (at: Level) =>
    (...messages: unknown[]) =>
      write(at, 'bolt', { messages: messages.map((m) => (m instanceof Error ? serializeError(m) : m)) });

  return {
    event: write,
    debug: boltWrite('debug'),
    info: boltWrite('info'),
    warn: boltWrite('warn'),
    error: boltWrite('error'),
    setLevel: (next: LogLevel) => {
      level =
        next === LogLevel.DEBUG
          ? 'debug'
          : next === LogLevel.WARN
            ? 'warn'
            : next === LogLevel.ERROR
              ? 'error'
              : 'info';
    },
    getLevel: () =>
      level === 'debug'
        ? LogLevel.DEBUG
        : level === 'warn'
          ? LogLevel.WARN
          : level === 'error'
            ? LogLevel.ERROR
            : LogLevel.INFO,
    setName: (next: string) => {
      name = next;
    },
  };
}

export function serializeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    return {
      error: error.name,
      message: error.message,
      stack: error.stack?.split('\n').slice(0, 6).join('\n'),
    };
  }
  return { error: String(error) };
}

function errorReplacer(_key: string, value: unknown): unknown {
  return value instanceof Error ? serializeError(value) : value;
}
