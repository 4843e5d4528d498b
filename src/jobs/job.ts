import type { Day } from '../domain/days.ts';
import type { CalendarSettings } from '../domain/working-days.ts';
import type { Logger } from '../logger.ts';
import type { PostFailure, PostRecord } from '../store/jobs-repository.ts';
import type { TeamView } from '../store/roster-repository.ts';
import type { Store } from '../store/store.ts';
import type { Messenger } from '../usecases/messenger.ts';

export const JOB_NAMES = [
  'daily-warnings',
  'daily-pk',
  'morning-digest',
  'weekly-pk',
  'monthly-pk',
  'calendar-check',
  'careers-daily',
  'quarter-preview',
  'quarter-review',
  'month-close',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

export function isJobName(text: string): text is JobName {
  return JOB_NAMES.some((name) => name === text);
}

/** What a job run receives: never the clock; the day it runs for is given. */
export type JobContext = {
  store: Store;
  messenger: Messenger;
  logger: Logger;
  team: TeamView;
  day: Day;
  late: boolean;
  calendar: CalendarSettings;
  /** Local "HH:mm" of every job for this team (defaults merged with the team's settings). */
  times: Record<JobName, string>;
};

export type JobResult = { posts: PostRecord[]; failures: PostFailure[]; snapshot?: unknown };

export type JobDefinition = {
  name: JobName;
  /** Local time in the team's zone, "HH:mm". */
  defaultTime: string;
  /** The period this run belongs to when `day` is a run day for the job, else undefined. */
  periodKey(day: Day, calendar: CalendarSettings): string | undefined;
  run(context: JobContext): Promise<JobResult>;
};
