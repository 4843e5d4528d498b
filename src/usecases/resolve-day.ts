import type { DaySpec } from '../commands/log-command.ts';
import { addDays, type Day, dayFromParts, daysBetween, yearOf } from '../domain/days.ts';

const FUTURE_TOLERANCE_DAYS = 31;

/**
 * Turns what the member wrote (`yesterday`, `11-27`, `2026-11-27`) into a calendar day, given
 * today in the team's zone. A date without a year is this year's, unless that lies more than a
 * month ahead: then it is last year's, so `12-31` typed on 2 January means last New Year's Eve,
 * while `11-28` typed on 27 November stays tomorrow (and is refused as a future day rather than
 * read as a year ago). Undefined when the date does not exist (`02-30`).
 */
export function resolveDay(spec: DaySpec, today: Day): Day | undefined {
  if (spec.kind === 'relative') return addDays(today, -spec.daysAgo);
  if (spec.year !== undefined) return dayFromParts(spec.year, spec.month, spec.day);
  const thisYear = dayFromParts(yearOf(today), spec.month, spec.day);
  if (thisYear !== undefined && daysBetween(today, thisYear) <= FUTURE_TOLERANCE_DAYS) return thisYear;
  return dayFromParts(yearOf(today) - 1, spec.month, spec.day);
}

/** The same day as a spec that means the same thing tomorrow (for confirmation buttons). */
export function exactDay(day: Day): DaySpec {
  return { kind: 'date', year: yearOf(day), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) };
}
