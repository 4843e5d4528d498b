import type { Day } from '../domain/days.ts';
import type { Logger } from '../logger.ts';
import { serializeError } from '../logger.ts';
import type { PostFailure } from '../store/jobs-repository.ts';
import type { TeamSettings } from '../store/settings-repository.ts';
import type { Store } from '../store/store.ts';
import type { Messenger } from '../usecases/messenger.ts';
import { JOB_NAMES, type JobName } from './job.ts';
import { JOBS } from './schedule.ts';

export type JobDeps = { store: Store; messenger: Messenger; logger: Logger };

export type RunOutcome =
  | { status: 'not-due'; job: JobName; day: Day }
  | { status: 'skipped'; job: JobName; periodKey: string; reason: 'already-claimed' }
  | {
      status: 'done' | 'failed';
      job: JobName;
      periodKey: string;
      posts: number;
      failures: PostFailure[];
      late: boolean;
    };

/** The team's local "HH:mm" for every job: its setting, else the job's default. */
export function jobTimes(settings: TeamSettings): Record<JobName, string> {
  const times = {} as Record<JobName, string>;
  for (const name of JOB_NAMES) times[name] = settings.jobTimes?.[name] ?? JOBS[name].defaultTime;
  return times;
}

/**
 * Runs one job for one team and day, exactly once: the run claims (team, job, period) in the store
 * before posting, so a second replica, a restart or a second click finds the claim and skips.
 * `force` re-runs a claimed period (an operator re-posting a missed ranking) as a new attempt.
 */
export async function runJob(
  deps: JobDeps,
  options: { teamId: number; job: JobName; day: Day; late: boolean; force: boolean },
): Promise<RunOutcome> {
  const definition = JOBS[options.job];
  const [team, calendar, settings] = await Promise.all([
    deps.store.roster.team(options.teamId),
    deps.store.calendar.settings(options.teamId),
    deps.store.settings.teamSettings(options.teamId),
  ]);
  const periodKey = definition.periodKey(options.day, calendar) ?? (options.force ? options.day : undefined);
  if (periodKey === undefined) return { status: 'not-due', job: options.job, day: options.day };
  // A read first: after a job's time every tick asks again, and most of the time the answer is
  // "already done"; only an unclaimed period goes on to the (unique) insert that is the claim.
  if (
    !options.force &&
    (await deps.store.jobs.run({ teamId: team.id, job: options.job, periodKey })) !== undefined
  ) {
    return { status: 'skipped', job: options.job, periodKey, reason: 'already-claimed' };
  }
  const claim = await deps.store.jobs.claim(
    { teamId: team.id, job: options.job, periodKey },
    { late: options.late, force: options.force },
  );
  if (claim === undefined)
    return { status: 'skipped', job: options.job, periodKey, reason: 'already-claimed' };
  deps.logger.event('info', 'job.started', {
    job: options.job,
    team: team.id,
    day: options.day,
    periodKey,
    late: claim.late,
  });
  try {
    const result = await definition.run({
      store: deps.store,
      messenger: deps.messenger,
      logger: deps.logger,
      team,
      day: options.day,
      late: claim.late,
      calendar,
      times: jobTimes(settings),
    });
    await deps.store.jobs.finish(claim.id, result);
    const status = result.failures.length > 0 && result.posts.length === 0 ? 'failed' : 'done';
    deps.logger.event('info', 'job.done', {
      job: options.job,
      team: team.id,
      periodKey,
      posts: result.posts.length,
      failures: result.failures.length,
    });
    return {
      status,
      job: options.job,
      periodKey,
      posts: result.posts.length,
      failures: result.failures,
      late: claim.late,
    };
  } catch (error) {
    deps.logger.event('error', 'job.failed', {
      job: options.job,
      team: team.id,
      periodKey,
      ...serializeError(error),
    });
    await deps.store.jobs.fail(claim.id, error instanceof Error ? error.message : String(error));
    return {
      status: 'failed',
      job: options.job,
      periodKey,
      posts: 0,
      failures: [{ kind: 'run', target: '-', reason: String(error) }],
      late: claim.late,
    };
  }
}
