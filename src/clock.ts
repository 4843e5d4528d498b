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

// One formatter per zone, made once: building an Intl.DateTimeFormat is what makes a zone
// conversion slow (it showed as 5% of a /log under load), using one is cheap.
const formats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of `instant` in `timezone` (hours 0–23). */
function wallClock(instant: Date, timezone: string) {
  let format = formats.get(timezone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(timezone, format);
  }
  const fields: Record<string, string> = {};
  for (const part of format.formatToParts(instant)) fields[part.type] = part.value;
  return fields;
}

/** The calendar day in `timezone` at `instant`. */
export function localDay(instant: Date, timezone: string): Day {
  const { year = '', month = '', day: dayOfMonth = '' } = wallClock(instant, timezone);
  const day = parseDay(`${year.padStart(4, '0')}-${month}-${dayOfMonth}`);
  if (day === undefined) throw new Error(`cannot express ${instant.toISOString()} as a day in ${timezone}`);
  return day;
}

/** Minutes since local midnight in `timezone` (e.g. 17:00 → 1020), for "60 minutes left" style notes. */
export function localMinuteOfDay(instant: Date, timezone: string): number {
  const { hour = '', minute = '' } = wallClock(instant, timezone);
  return Number(hour) * 60 + Number(minute);
}

/** The instant at which `day` starts in `timezone`. */
export function startOfLocalDay(day: Day, timezone: string): Date {
  return dayjs.tz(day, timezone).toDate();
}
