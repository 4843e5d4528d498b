/**
 * Calendar days as "YYYY-MM-DD" strings. Pure: a Day carries no time zone; src/clock.ts is what
 * turns an instant into the team's Day. Arithmetic runs on UTC midnights so that no local
 * daylight-saving rule can shift a day.
 */
export type Day = string & { readonly __day: unique symbol };

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns the Day for a valid "YYYY-MM-DD" string, else undefined (e.g. 2026-02-30). */
export function parseDay(text: string): Day | undefined {
  const match = DAY_PATTERN.exec(text);
  if (!match) return undefined;
  const [, y, m, d] = match;
  return dayFromParts(Number(y), Number(m), Number(d));
}

/** Builds a Day from year, month (1-12) and day of month; undefined when the date does not exist. */
export function dayFromParts(year: number, month: number, dayOfMonth: number): Day | undefined {
  const date = new Date(Date.UTC(year, month - 1, dayOfMonth));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== dayOfMonth
  ) {
    return undefined;
  }
  return formatUtc(date);
}

/** A day before any data, for "all history up to" queries. */
export const FIRST_DAY: Day = formatUtc(new Date(Date.UTC(1970, 0, 1)));

export function earlierDay(a: Day, b: Day): Day {
  return a <= b ? a : b;
}

export function laterDay(a: Day, b: Day): Day {
  return a >= b ? a : b;
}

export function addDays(day: Day, days: number): Day {
  const date = toUtc(day);
  date.setUTCDate(date.getUTCDate() + days);
  return formatUtc(date);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(day: Day): number {
  const weekday = toUtc(day).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function yearOf(day: Day): number {
  return Number(day.slice(0, 4));
}

export function monthOf(day: Day): number {
  return Number(day.slice(5, 7));
}

/** Chinese teams plan by the calendar: weeks start on Monday. */
export function startOfWeek(day: Day): Day {
  return addDays(day, 1 - isoWeekday(day));
}

export function endOfWeek(day: Day): Day {
  return addDays(startOfWeek(day), 6);
}

export function startOfMonth(day: Day): Day {
  return formatUtc(new Date(Date.UTC(yearOf(day), monthOf(day) - 1, 1)));
}

export function endOfMonth(day: Day): Day {
  const date = toUtc(startOfMonth(day));
  date.setUTCMonth(date.getUTCMonth() + 1, 0);
  return formatUtc(date);
}

/** Calendar quarters: Q1 = Jan-Mar. */
export function quarterOf(day: Day): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const quarter = Math.ceil(monthOf(day) / 3);
  return { year: yearOf(day), quarter: quarter === 1 ? 1 : quarter === 2 ? 2 : quarter === 3 ? 3 : 4 };
}

export function startOfQuarter(day: Day): Day {
  const { year, quarter } = quarterOf(day);
  return formatUtc(new Date(Date.UTC(year, (quarter - 1) * 3, 1)));
}

export function endOfQuarter(day: Day): Day {
  const { year, quarter } = quarterOf(day);
  return formatUtc(new Date(Date.UTC(year, quarter * 3, 0)));
}

/** Every day from `from` to `to`, both included. */
export function daysInRange(from: Day, to: Day): Day[] {
  const days: Day[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

function toUtc(day: Day): Date {
  return new Date(`${day}T00:00:00Z`);
}

function formatUtc(date: Date): Day {
  // The only cast: a Date built from validated parts always formats as a valid Day.
  return date.toISOString().slice(0, 10) as Day;
}
