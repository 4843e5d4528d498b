/**
 * The mainland-China working-day calendar of the team: official holidays and 调休 make-up working
 * days from the `chinese-days` package, the team's Saturday rule, and managers' per-day overrides.
 * Pure: the official calendar is static data shipped in the package, read once at import.
 *
 * We read the package's documented JSON (`dist/chinese-days.json`, the file its README offers for
 * direct use) instead of calling `isWorkday()`/`getDayDetail()`: those parse "YYYY-MM-DD" as UTC
 * midnight but read the weekday in the process's local time zone, so on a server west of UTC
 * (TZ=America/New_York) chinese-days 1.5.7 reports Monday 2026-03-02 as Sunday 2026-03-01. Plain
 * lookups by Day string cannot drift.
 */
import officialCalendar from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import {
  addDays,
  type Day,
  dayFromParts,
  daysBetween,
  daysInRange,
  endOfMonth,
  endOfQuarter,
  endOfWeek,
  isoWeekday,
  parseDay,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
  yearOf,
} from './days.ts';

/** What a manager decided for one day; wins over the official calendar and the Saturday rule. */
export type CalendarOverride = 'workday' | 'holiday';

export type CalendarSettings = {
  /** Whether the team works on ordinary Saturdays (many telesales teams do: 大小周 or 单休). */
  workSaturdays: boolean;
  overrides: ReadonlyMap<Day, CalendarOverride>;
};

/**
 * A day the State Council's notice names: a holiday (放假) or a make-up working day (调休上班, always
 * a weekend day). `inLieu` marks a holiday that is paid back by a make-up working day (调休).
 */
export type OfficialDay = {
  kind: 'holiday' | 'makeUpWorkday';
  festival: { zh: string; en: string };
  inLieu: boolean;
};

// Each entry reads "English name,中文名,n", e.g. "National Day,国庆节,3".
const HOLIDAYS: ReadonlyMap<string, string> = new Map(Object.entries(officialCalendar.holidays));
const MAKE_UP_WORKDAYS: ReadonlyMap<string, string> = new Map(Object.entries(officialCalendar.workdays));
const IN_LIEU_DAYS: ReadonlySet<string> = new Set(Object.keys(officialCalendar.inLieuDays));
// The same days in order (a Day's text sorts as the day does), for countWorkingDays' ranges.
const HOLIDAY_DAYS: readonly Day[] = sortedDays(HOLIDAYS.keys());
const MAKE_UP_DAYS: readonly Day[] = sortedDays(MAKE_UP_WORKDAYS.keys());

/**
 * The years for which the package carries the official notice, ascending (2004 … 2026 in
 * chinese-days 1.5.7). Derived, not typed in: a year is known when any holiday or make-up working
 * day falls in it. The notice for year Y may start its 元旦 holiday in late December of Y-1, but
 * never reaches into Y+1, so the latest year in the data is the latest notice published.
 */
export const KNOWN_CALENDAR_YEARS: readonly number[] = [
  ...new Set([...HOLIDAYS.keys(), ...MAKE_UP_WORKDAYS.keys()].map((key) => Number(key.slice(0, 4)))),
].sort((a, b) => a - b);

const KNOWN_YEARS: ReadonlySet<number> = new Set(KNOWN_CALENDAR_YEARS);

/**
 * The last day the official calendar covers: 31 December of the latest known year (2026-12-31 with
 * chinese-days 1.5.7). After it, holidays are unknown and only weekends and overrides apply.
 */
export function calendarKnownThrough(): Day {
  const lastYear = KNOWN_CALENDAR_YEARS.at(-1);
  const last = lastYear === undefined ? undefined : dayFromParts(lastYear, 12, 31);
  if (last === undefined) throw new Error('chinese-days ships no holiday data');
  return last;
}

/**
 * The days from `from` to `to` (both included) whose year has no official notice in the package,
 * for the warning "the coming days reach past the known holiday calendar". Years before the data
 * begins (2004) count as unknown too. Empty when `from` is after `to`.
 */
export function daysBeyondKnownCalendar(from: Day, to: Day): Day[] {
  return daysInRange(from, to).filter((day) => !KNOWN_YEARS.has(yearOf(day)));
}

/** The official entry for a day, or undefined for an ordinary day (or one in an unknown year). */
export function officialDay(day: Day): OfficialDay | undefined {
  const holiday = HOLIDAYS.get(day);
  if (holiday !== undefined) {
    return { kind: 'holiday', festival: festivalNames(holiday), inLieu: IN_LIEU_DAYS.has(day) };
  }
  const makeUp = MAKE_UP_WORKDAYS.get(day);
  if (makeUp !== undefined) return { kind: 'makeUpWorkday', festival: festivalNames(makeUp), inLieu: false };
  return undefined;
}

/**
 * Whether the team works on `day`, first rule that applies:
 * 1. a manager's override;
 * 2. an official holiday → off (even a Saturday when the team works Saturdays);
 * 3. an official make-up working day (调休上班, a weekend day) → working;
 * 4. Saturday → `settings.workSaturdays`;
 * 5. Sunday → off;
 * 6. Monday to Friday → working.
 * Days in years the package does not know fall through to rules 4-6.
 */
export function isWorkingDay(day: Day, settings: CalendarSettings): boolean {
  const override = settings.overrides.get(day);
  if (override !== undefined) return override === 'workday';
  if (HOLIDAYS.has(day)) return false;
  if (MAKE_UP_WORKDAYS.has(day)) return true;
  return worksByWeekday(isoWeekday(day), settings);
}

/**
 * The working day strictly before `day`. Always found: overrides and official data are finite, and
 * outside them every Monday to Friday is a working day.
 */
export function previousWorkingDay(day: Day, settings: CalendarSettings): Day {
  let candidate = addDays(day, -1);
  while (!isWorkingDay(candidate, settings)) candidate = addDays(candidate, -1);
  return candidate;
}

/** The working day strictly after `day`; always found, as for previousWorkingDay. */
export function nextWorkingDay(day: Day, settings: CalendarSettings): Day {
  let candidate = addDays(day, 1);
  while (!isWorkingDay(candidate, settings)) candidate = addDays(candidate, 1);
  return candidate;
}

/** The working days from `from` to `to`, both included, in order; empty when `from` is after `to`. */
export function workingDaysBetween(from: Day, to: Day, settings: CalendarSettings): Day[] {
  return daysInRange(from, to).filter((day) => isWorkingDay(day, settings));
}

/**
 * How many working days from `from` to `to`, both included; 0 when `from` is after `to`.
 *
 * Counted, not walked (the quarter review and the PK boards ask it per member): the weekday rules
 * (4-6 of isWorkingDay) by arithmetic over whole weeks and the remaining days, then each exception
 * in the range, an official holiday or make-up day or an override, corrected by whether it is
 * actually worked. Its cost is the number of exceptions in the range, not the number of days.
 */
export function countWorkingDays(from: Day, to: Day, settings: CalendarSettings): number {
  const days = daysBetween(from, to) + 1;
  if (days <= 0) return 0;
  const perWeek = settings.workSaturdays ? 6 : 5;
  let count = Math.floor(days / 7) * perWeek;
  // The days after the whole weeks begin on the weekday of `from`, so their weekdays are known.
  const first = isoWeekday(from);
  for (let i = 0; i < days % 7; i += 1) if (worksByWeekday(((first - 1 + i) % 7) + 1, settings)) count += 1;
  const exceptions = new Set<Day>([
    ...officialDaysIn(HOLIDAY_DAYS, from, to),
    ...officialDaysIn(MAKE_UP_DAYS, from, to),
    ...[...settings.overrides.keys()].filter((day) => day >= from && day <= to),
  ]);
  for (const day of exceptions) {
    const byWeekday = worksByWeekday(isoWeekday(day), settings);
    const worked = isWorkingDay(day, settings);
    if (worked !== byWeekday) count += worked ? 1 : -1;
  }
  return count;
}

/** Rules 4-6 of isWorkingDay: what an ordinary day of that ISO weekday is. */
function worksByWeekday(weekday: number, settings: CalendarSettings): boolean {
  if (weekday === 6) return settings.workSaturdays;
  return weekday !== 7;
}

/** The entries of a sorted list of days from `from` to `to`, both included (binary search). */
function officialDaysIn(sorted: readonly Day[], from: Day, to: Day): Day[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const day = sorted[middle];
    if (day !== undefined && day < from) low = middle + 1;
    else high = middle;
  }
  const found: Day[] = [];
  for (let day = sorted[low]; day !== undefined && day <= to; day = sorted[low]) {
    found.push(day);
    low += 1;
  }
  return found;
}

/**
 * The last working day of the Monday-to-Sunday week containing `day` (a make-up Sunday counts);
 * undefined when the whole week is off, as in a Spring Festival week.
 */
export function lastWorkingDayOfWeek(day: Day, settings: CalendarSettings): Day | undefined {
  return workingDaysBetween(startOfWeek(day), endOfWeek(day), settings).at(-1);
}

/** The last working day of the calendar month of `day`; undefined only if overrides close it all. */
export function lastWorkingDayOfMonth(day: Day, settings: CalendarSettings): Day | undefined {
  return workingDaysBetween(startOfMonth(day), endOfMonth(day), settings).at(-1);
}

/** The first working day of the calendar month of `day`; undefined only if overrides close it all. */
export function firstWorkingDayOfMonth(day: Day, settings: CalendarSettings): Day | undefined {
  return workingDaysBetween(startOfMonth(day), endOfMonth(day), settings)[0];
}

/**
 * The first working day of the calendar quarter (Q1 = Jan-Mar) of `day`, e.g. 2026-10-08 after the
 * National Day week; undefined only if overrides close the whole quarter.
 */
export function firstWorkingDayOfQuarter(day: Day, settings: CalendarSettings): Day | undefined {
  return workingDaysBetween(startOfQuarter(day), endOfQuarter(day), settings)[0];
}

const OVERRIDE_WORDS: ReadonlyArray<{ override: CalendarOverride; words: readonly string[] }> = [
  { override: 'holiday', words: ['holiday', '假', '休', '休息', '放假', 'off'] },
  { override: 'workday', words: ['workday', 'workingday', 'work', '班', '上班', '补班', 'on'] },
];

/**
 * Reads a manager's override word: `holiday`, `假`, `休`, `休息`, `放假`, `off` → 'holiday';
 * `workday`, `working day`, `work`, `班`, `上班`, `补班`, `on` → 'workday'. Case, full-width
 * letters, spaces and hyphens are forgiven; anything else is undefined.
 */
export function parseCalendarOverride(word: string): CalendarOverride | undefined {
  const compact = word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  return OVERRIDE_WORDS.find((entry) => entry.words.includes(compact))?.override;
}

function sortedDays(keys: Iterable<string>): Day[] {
  return [...keys].flatMap((key) => parseDay(key) ?? []).sort();
}

function festivalNames(entry: string): { zh: string; en: string } {
  const parts = entry.split(',');
  // "English name,中文名,n": the last field is the package's festival number, which we do not use.
  return { en: parts.slice(0, -2).join(',') || entry, zh: parts.at(-2) ?? entry };
}
