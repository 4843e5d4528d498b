import { calendarCheck } from './calendar-check.ts';
import { careersDaily } from './careers-daily.ts';
import { dailyPk } from './daily-pk.ts';
import { dailyWarnings } from './daily-warnings.ts';
import type { JobDefinition, JobName } from './job.ts';
import { monthClose } from './month-close.ts';
import { morningDigest } from './morning-digest.ts';
import { monthlyPk, weeklyPk } from './period-pk.ts';
import { quarterPreview, quarterReview } from './quarter-jobs.ts';

/** Every scheduled job, by name. Times are the defaults; a team may change them (`/team schedule`). */
export const JOBS: Record<JobName, JobDefinition> = {
  'daily-warnings': dailyWarnings,
  'daily-pk': dailyPk,
  'morning-digest': morningDigest,
  'weekly-pk': weeklyPk,
  'monthly-pk': monthlyPk,
  'calendar-check': calendarCheck,
  'careers-daily': careersDaily,
  'quarter-preview': quarterPreview,
  'quarter-review': quarterReview,
  'month-close': monthClose,
};

/** node-cron's expression for a daily "HH:mm" (seconds field omitted: minute hour * * *). */
export function cronFor(time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  return `${minutes} ${hours} * * *`;
}
