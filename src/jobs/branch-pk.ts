import type { Clock } from '../clock.ts';
import { localDay, localMinuteOfDay } from '../clock.ts';
import type { Day } from '../domain/days.ts';
import { isWorkingDay, lastWorkingDayOfMonth } from '../domain/working-days.ts';
import { serializeError } from '../logger.ts';
import type { TeamView } from '../store/roster-repository.ts';
import { computeOrgBoard } from '../usecases/compute-org-pk.ts';
import type { JobDeps } from './runner.ts';
import { minutesOf } from './times.ts';

/**
 * The branch PK (分部PK) to the org channel (`/org channel`): every working day at 18:10, after
 * the teams' own 18:00 boards, and the month's result on its last working day. The org keeps the
 * first team's time zone and calendar. Claimed like a team's job, under team id 0 (the org), so
 * two replicas post it once; it runs only when there are two teams or more and a channel.
 */
export const BRANCH_PK_TIME = '18:10';
export const ORG_TEAM_ID = 0;

export async function runOrgJobs(
  deps: JobDeps & { clock: Clock },
  first: TeamView | undefined,
): Promise<void> {
  if (first === undefined) return;
  const now = deps.clock.now();
  if (localMinuteOfDay(now, first.timezone) < minutesOf(BRANCH_PK_TIME)) return;
  const day = localDay(now, first.timezone);
  await postBranchPk(deps, first, day, false);
}

/** Posts the day's branch PK (and on the month's last working day, the month's); `force` reruns. */
export async function postBranchPk(
  deps: JobDeps,
  first: TeamView,
  day: Day,
  force: boolean,
): Promise<string[]> {
  const [channel, teams, calendar] = await Promise.all([
    deps.store.org.channel(),
    deps.store.roster.teams(),
    deps.store.calendar.settings(first.id),
  ]);
  if (channel === undefined || teams.length < 2 || !isWorkingDay(day, calendar)) return [];
  const periods =
    lastWorkingDayOfMonth(day, calendar) === day ? (['day', 'month'] as const) : (['day'] as const);
  const posted: string[] = [];
  for (const period of periods) {
    const key = {
      teamId: ORG_TEAM_ID,
      job: period === 'day' ? 'branch-pk' : 'branch-pk-month',
      periodKey: period === 'day' ? day : day.slice(0, 7),
    };
    if (!force && (await deps.store.jobs.run(key)) !== undefined) continue;
    const claim = await deps.store.jobs.claim(key, { late: false, force });
    if (claim === undefined) continue;
    try {
      const board = await computeOrgBoard(deps.store, { period, day });
      const ref = await deps.messenger.post({ channel }, { kind: 'org-board', board });
      await deps.store.jobs.finish(claim.id, { posts: [{ kind: key.job, ...ref }], failures: [] });
      posted.push(key.job);
    } catch (error) {
      deps.logger.event('error', 'job.post_failed', { job: key.job, ...serializeError(error) });
      await deps.store.jobs.finish(claim.id, {
        posts: [],
        failures: [
          { kind: key.job, target: channel, reason: error instanceof Error ? error.message : String(error) },
        ],
      });
    }
  }
  return posted;
}
