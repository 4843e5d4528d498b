import dayjs from 'dayjs';
import timezonePlugin from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { type Day, parseDay } from './domain/days.ts';

dayjs.extend(utc);
dayjs.extend(timezonePlugin);

/**
 * The one place that knows about time zones. Everything else works with `Day` values
 * ("YYYY-MM-DD" in the team's zone), which this module derives from an instant.
 */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock stuck at one instant, for tests and for re-running a job "as of" a moment. */
export function fixedClock(instant: Date | string): Clock {
  const at = new Date(instant);
  return { now: () => new Date(at) };
}

/** The calendar day in `timezone` at `instant`. */
export function localDay(instant: Date, timezone: string): Day {
  const day = parseDay(dayjs(instant).tz(timezone).format('YYYY-MM-DD'));
  if (day === undefined) throw new Error(`cannot express ${instant.toISOString()} as a day in ${timezone}`);
  return day;
}

/** Minutes since local midnight in `timezone` (e.g. 17:00 → 1020), for "60 minutes left" style notes. */
export function localMinuteOfDay(instant: Date, timezone: string): number {
  const local = dayjs(instant).tz(timezone);
  return local.hour() * 60 + local.minute();
}

/** The instant at which `day` starts in `timezone`. */
export function startOfLocalDay(day: Day, timezone: string): Date {
  return dayjs.tz(day, timezone).toDate();
}
