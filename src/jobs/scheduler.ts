import cron, { type ScheduledTask } from 'node-cron';
import { type Clock, localDay, localMinuteOfDay } from '../clock.ts';
import { serializeError } from '../logger.ts';
import { runOrgJobs } from './branch-pk.ts';
import { JOB_NAMES } from './job.ts';
import { type JobDeps, jobTimes, runJob } from './runner.ts';
import { minutesOf } from './times.ts';

/** A job this many minutes after its time is reported as late (a catch-up after downtime). */
export const LATE_AFTER_MINUTES = 2;

/**
 * Scheduling, apart from computing: one node-cron task, every minute, for every team in its own time
 * zone. Each tick runs every job whose local time has come today and whose period is not claimed
 * yet, so a changed time takes effect at once and a job missed while the bot was down runs at the
 * next start (once, marked late). The claim in the store keeps replicas from posting twice.
 */
export function createScheduler(deps: JobDeps & { clock: Clock }) {
  const tasks: ScheduledTask[] = [];
  let running = Promise.resolve();

  async function tick(teamId: number): Promise<void> {
    const team = await deps.store.roster.team(teamId);
    const now = deps.clock.now();
    const day = localDay(now, team.timezone);
    const minute = localMinuteOfDay(now, team.timezone);
    const times = jobTimes(await deps.store.settings.teamSettings(teamId));
    for (const job of JOB_NAMES) {
      const due = minutesOf(times[job]);
      if (minute < due) continue;
      try {
        await runJob(deps, { teamId, job, day, late: minute - due >= LATE_AFTER_MINUTES, force: false });
      } catch (error) {
        deps.logger.event('error', 'scheduler.tick_failed', { team: teamId, job, ...serializeError(error) });
      }
    }
  }

  /** Every team, then the org's own jobs: teams created since the start are picked up too. */
  async function tickAll(): Promise<void> {
    const teams = await deps.store.roster.teams();
    for (const team of teams) await tick(team.id);
    try {
      await runOrgJobs(deps, teams[0]);
    } catch (error) {
      deps.logger.event('error', 'scheduler.tick_failed', { team: 'org', ...serializeError(error) });
    }
  }

  return {
    /**
     * Runs what is due now (at start-up: the catch-up), then ticks every minute. One task for all
     * teams: every minute is the same minute in every time zone, and each team's jobs are judged
     * by its own local time inside the tick.
     */
    async start(): Promise<void> {
      await tickAll();
      const task = cron.schedule(
        '* * * * *',
        () => {
          running = running.then(tickAll).catch((error: unknown) => {
            deps.logger.event('error', 'scheduler.tick_failed', serializeError(error));
          });
        },
        { name: 'zhanbao-teams' },
      );
      tasks.push(task);
    },
    async stop(): Promise<void> {
      for (const task of tasks) await task.stop();
      await running;
    },
    tick,
  };
}
