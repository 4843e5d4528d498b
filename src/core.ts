import type { ChatDeps } from './chat/chat-deps.ts';
import { createDeliveries, type Deliveries } from './chat/deliveries.ts';
import type { Clock } from './clock.ts';
import type { Locale } from './i18n/index.ts';
import { createScheduler } from './jobs/scheduler.ts';
import { type Logger, serializeError } from './logger.ts';
import type { Store } from './store/store.ts';
import { createTeamEvents, type TeamEvents } from './team-events.ts';
import type { Directory, UseCaseDeps } from './usecases/context.ts';
import type { Messenger } from './usecases/messenger.ts';
import { createWorkLane, type WorkLane } from './work-lane.ts';

/**
 * The messenger-neutral core every adapter plugs into: the use cases' deps, the work lane that
 * runs acknowledged requests, and the scheduler that posts the jobs through the adapter's
 * messenger. Building it does no work; the adapter starts and stops the scheduler.
 */
export type CoreOptions = {
  store: Store;
  clock: Clock;
  logger: Logger;
  admins: readonly string[];
  timezone: string;
  locale: Locale;
  teamName?: string;
  /** How many acknowledged requests are worked on at once (default 1: SQLite has one writer). */
  workConcurrency?: number;
  /** ZHANBAO_PUBLIC_URL: where the bot's own pages (the wallboard) are reached from outside. */
  publicUrl?: string;
  /**
   * Given when several messengers run in one process (main.ts): one work lane for all of them
   * (SQLite has one writer, whoever asks), and one stream of team events, so that the wallboard
   * hears a log whichever messenger it came from.
   */
  shared?: { lane: WorkLane; events: TeamEvents };
};

export type Core = {
  useCaseDeps: UseCaseDeps;
  lane: WorkLane;
  scheduler: ReturnType<typeof createScheduler>;
  /** Deliveries already taken, kept a day: longer than any messenger's re-delivery window. */
  deliveries: Deliveries;
  /** The team events the use cases publish and the wallboard's event stream hears. */
  events: TeamEvents;
  /** What the router and an adapter's listeners get: the core plus the adapter's directory. */
  chatDeps(directory: Directory): ChatDeps;
};

export function createCore(options: CoreOptions, messenger: Messenger, laneName: string): Core {
  const events = options.shared?.events ?? createEvents(options.logger);
  const useCaseDeps: UseCaseDeps = {
    events,
    ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
    store: options.store,
    clock: options.clock,
    admins: options.admins,
    defaults: {
      teamName: options.teamName ?? defaultTeamName(options.locale),
      timezone: options.timezone,
      locale: options.locale,
    },
  };
  const lane = options.shared?.lane ?? createLane(options, laneName);
  const scheduler = createScheduler({
    store: options.store,
    messenger,
    logger: options.logger,
    clock: options.clock,
  });
  const deliveries = createDeliveries({
    ttlMs: DAY_MS,
    max: 100_000,
    now: () => options.clock.now().getTime(),
  });
  const chatDeps = (directory: Directory): ChatDeps => ({
    ...useCaseDeps,
    directory,
    logger: options.logger,
    defaultLocale: options.locale,
    messenger,
    lane,
  });
  return { useCaseDeps, lane, scheduler, deliveries, events, chatDeps };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The team events of one core, or of every core in the process (CoreOptions.shared). */
export function createEvents(logger: Logger): TeamEvents {
  return createTeamEvents((error) =>
    logger.event('warn', 'team-events.listener_failed', serializeError(error)),
  );
}

/**
 * The work lane of one core, or of every core in the process (CoreOptions.shared). Work waits
 * for 5 ms without a new request: in a burst every request is acknowledged first. A task is held
 * at most 10 s (the default), well inside any reply window (Slack's response_url 30 minutes,
 * DingTalk's session webhook 90).
 */
export function createLane(options: Pick<CoreOptions, 'logger' | 'workConcurrency'>, name: string): WorkLane {
  return createWorkLane({
    concurrency: options.workConcurrency ?? 1,
    logger: options.logger,
    name,
    quietMs: 5,
  });
}

function defaultTeamName(locale: Locale): string {
  return locale === 'en' ? 'Sales team' : '电销团队';
}
