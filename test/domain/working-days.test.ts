import chineseDays from 'chinese-days';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type Day, daysInRange, parseDay } from '../../src/domain/days.ts';
import {
  type CalendarOverride,
  type CalendarSettings,
  calendarKnownThrough,
  countWorkingDays,
  daysBeyondKnownCalendar,
  firstWorkingDayOfMonth,
  firstWorkingDayOfQuarter,
  isWorkingDay,
  KNOWN_CALENDAR_YEARS,
  lastWorkingDayOfMonth,
  lastWorkingDayOfWeek,
  nextWorkingDay,
  officialDay,
  parseCalendarOverride,
  previousWorkingDay,
  workingDaysBetween,
} from '../../src/domain/working-days.ts';

const day = (text: string): Day => {
  const parsed = parseDay(text);
  if (parsed === undefined) throw new Error(`bad test day ${text}`);
  return parsed;
};

const settings = (
  workSaturdays = false,
  overrides: Record<string, CalendarOverride> = {},
): CalendarSettings => ({
  workSaturdays,
  overrides: new Map(Object.entries(overrides).map(([text, override]) => [day(text), override])),
});

const FIVE_DAY_WEEK = settings(false);

// The State Council's 2026 notice as chinese-days 1.5.7 carries it.
const HOLIDAYS_2026 = [
  { zh: '元旦', first: '2026-01-01', last: '2026-01-03', makeUps: ['2026-01-04'] },
  { zh: '春节', first: '2026-02-15', last: '2026-02-23', makeUps: ['2026-02-14', '2026-02-28'] },
  { zh: '清明', first: '2026-04-04', last: '2026-04-06', makeUps: [] },
  { zh: '劳动节', first: '2026-05-01', last: '2026-05-05', makeUps: ['2026-05-09'] },
  { zh: '端午', first: '2026-06-19', last: '2026-06-21', makeUps: [] },
  { zh: '中秋', first: '2026-09-25', last: '2026-09-27', makeUps: [] },
  { zh: '国庆节', first: '2026-10-01', last: '2026-10-07', makeUps: ['2026-09-20', '2026-10-10'] },
];

describe('official calendar data', () => {
  it.each(HOLIDAYS_2026)(
    '2026 $zh: $first..$last off, make-up days $makeUps',
    ({ zh, first, last, makeUps }) => {
      for (const d of daysInRange(day(first), day(last))) {
        expect(officialDay(d)).toMatchObject({ kind: 'holiday', festival: { zh } });
      }
      for (const d of makeUps) {
        expect(officialDay(day(d))).toEqual(
          expect.objectContaining({ kind: 'makeUpWorkday', festival: expect.objectContaining({ zh }) }),
        );
      }
    },
  );

  it('has no other 2026 holidays or make-up days', () => {
    const official = daysInRange(day('2026-01-01'), day('2026-12-31')).filter(
      (d) => officialDay(d) !== undefined,
    );
    expect(official).toHaveLength(33 + 6);
  });

  it.each([
    ['2026-10-06', true],
    ['2026-10-07', true],
    ['2026-10-01', false],
    ['2026-02-20', true],
    ['2026-02-23', true],
    ['2026-05-05', true],
  ])('%s is a 调休 day in lieu: %s', (d, inLieu) => {
    expect(officialDay(day(d))?.inLieu).toBe(inLieu);
  });

  // chinese-days 1.5.7's functions are off by a day west of UTC (see working-days.ts), so this
  // cross-check of our reading of its JSON runs only where they work (UTC, Asia/Shanghai, …).
  const westOfUtc = new Date(2026, 0, 1).getTimezoneOffset() > 0;
  it.skipIf(westOfUtc)('matches the package’s own isWorkday() for every day of 2025 and 2026', () => {
    // Local-midnight Dates: chinese-days reads its dates with local getters.
    const mismatches = daysInRange(day('2025-01-01'), day('2026-12-31')).filter((d) => {
      const packageSays = chineseDays.isWorkday(
        new Date(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8))),
      );
      return packageSays !== isWorkingDay(d, FIVE_DAY_WEEK);
    });
    expect(mismatches).toEqual([]);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-10-01', false, false, 'National Day (Thursday)'],
    ['2026-10-05', false, false, 'golden week Monday'],
    ['2026-10-07', false, false, 'last day of golden week'],
    ['2026-10-08', false, true, 'back to work after golden week'],
    ['2026-10-03', true, false, 'a holiday Saturday stays off for a six-day team'],
    ['2026-10-10', false, true, '调休 Saturday after National Day'],
    ['2026-09-20', false, true, '调休 Sunday before National Day'],
    ['2026-02-14', false, true, '调休 Saturday before Spring Festival'],
    ['2026-02-16', false, false, '除夕 (lunar new year’s eve)'],
    ['2026-02-17', false, false, '春节 (lunar new year day)'],
    ['2026-02-23', false, false, 'last day of Spring Festival'],
    ['2026-02-24', false, true, 'back to work after Spring Festival'],
    ['2026-02-28', false, true, '调休 Saturday after Spring Festival'],
    ['2026-01-04', false, true, '调休 Sunday after 元旦'],
    ['2026-05-09', false, true, '调休 Saturday after Labour Day'],
    ['2026-11-14', false, false, 'ordinary Saturday, five-day team'],
    ['2026-11-14', true, true, 'ordinary Saturday, six-day team'],
    ['2026-11-15', true, false, 'ordinary Sunday, even for a six-day team'],
    ['2026-11-16', false, true, 'ordinary Monday'],
  ])('%s with workSaturdays=%s is working: %s (%s)', (d, workSaturdays, expected, _why) => {
    expect(isWorkingDay(day(d), settings(workSaturdays))).toBe(expected);
  });

  it.each([
    ['2026-10-10', 'holiday', false, false, 'a 调休 Saturday given off'],
    ['2026-10-03', 'workday', false, true, 'a holiday Saturday worked'],
    ['2026-10-05', 'workday', false, true, 'a golden-week Monday worked'],
    ['2026-11-14', 'holiday', true, false, 'a six-day team’s Saturday given off'],
    ['2026-11-15', 'workday', false, true, 'an ordinary Sunday worked'],
    ['2026-11-18', 'holiday', false, false, 'an ordinary Wednesday off (team outing)'],
    ['2027-01-01', 'holiday', false, false, 'an unknown-year day decided by hand'],
  ] as const)(
    'override of %s to %s wins (workSaturdays=%s → %s: %s)',
    (d, override, workSaturdays, expected, _why) => {
      expect(isWorkingDay(day(d), settings(workSaturdays, { [d]: override }))).toBe(expected);
    },
  );
});

describe('neighbouring working days', () => {
  it.each([
    ['2026-10-08', false, '2026-09-30', 'over golden week'],
    ['2026-02-24', false, '2026-02-14', 'over Spring Festival to the 调休 Saturday'],
    ['2026-11-16', false, '2026-11-13', 'Monday to Friday'],
    ['2026-11-16', true, '2026-11-14', 'Monday to Saturday for a six-day team'],
    ['2026-01-05', false, '2026-01-04', 'to the 调休 Sunday'],
  ])('previous working day of %s (workSaturdays=%s) is %s (%s)', (d, workSaturdays, expected, _why) => {
    expect(previousWorkingDay(day(d), settings(workSaturdays))).toBe(expected);
  });

  it.each([
    ['2026-09-30', false, '2026-10-08', 'over golden week'],
    ['2026-02-13', false, '2026-02-14', 'to the 调休 Saturday'],
    ['2026-02-14', false, '2026-02-24', 'over Spring Festival'],
    ['2026-11-13', false, '2026-11-16', 'Friday to Monday'],
    ['2026-12-31', false, '2027-01-01', 'into the unknown year: weekday rule only'],
  ])('next working day of %s (workSaturdays=%s) is %s (%s)', (d, workSaturdays, expected, _why) => {
    expect(nextWorkingDay(day(d), settings(workSaturdays))).toBe(expected);
  });

  it('skips overridden days', () => {
    const s = settings(false, { '2026-10-08': 'holiday', '2026-10-09': 'holiday' });
    expect(nextWorkingDay(day('2026-09-30'), s)).toBe('2026-10-10');
  });
});

describe('working days in a range', () => {
  it('lists golden week’s neighbours only', () => {
    expect(workingDaysBetween(day('2026-09-28'), day('2026-10-11'), FIVE_DAY_WEEK)).toEqual([
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
    ]);
  });

  it.each([
    ['2026-02-01', '2026-02-28', false, 16, '20 weekdays − 6 festival weekdays + 2 调休 Saturdays'],
    ['2026-10-01', '2026-10-31', false, 18, '22 weekdays − 5 festival weekdays + 1 调休 Saturday'],
    ['2026-10-01', '2026-10-31', true, 21, 'plus the ordinary Saturdays 17, 24, 31'],
    ['2026-01-01', '2026-12-31', false, 248, '261 weekdays − 19 festival weekdays + 6 调休 days'],
    ['2026-10-08', '2026-10-08', false, 1, 'a single working day'],
    ['2026-10-09', '2026-10-08', false, 0, 'from after to'],
    ['2026-01-01', '2026-12-31', true, 289, 'a six-day team: plus the 41 ordinary Saturdays'],
    ['2027-01-01', '2027-12-31', false, 261, 'a year without a notice: 52 weeks and a Friday'],
    ['2027-01-01', '2027-12-31', true, 313, 'the same for a six-day team'],
    ['2026-10-10', '2026-10-10', false, 1, 'a single 调休 Saturday'],
    ['2026-10-11', '2026-10-11', true, 0, 'a single ordinary Sunday'],
    ['2026-12-28', '2027-01-08', false, 10, 'into the unknown year: 元旦 2027 is an ordinary Friday'],
    ['2004-01-01', '2026-12-31', false, 5744, 'every year the package knows'],
  ])('%s..%s (workSaturdays=%s) has %i working days (%s)', (from, to, workSaturdays, expected, _why) => {
    expect(countWorkingDays(day(from), day(to), settings(workSaturdays))).toBe(expected);
  });

  it.each([
    [{ '2026-10-05': 'workday' }, 7, 'a festival Monday opened'],
    [{ '2026-09-29': 'holiday' }, 5, 'an ordinary Tuesday closed'],
    [{ '2026-10-10': 'holiday' }, 5, 'the 调休 Saturday closed'],
    [{ '2026-10-11': 'workday' }, 7, 'an ordinary Sunday opened'],
    [{ '2026-10-11': 'holiday', '2026-10-12': 'workday' }, 6, 'overrides that change nothing'],
    [{ '2026-09-27': 'workday', '2026-10-12': 'holiday' }, 6, 'overrides outside the range'],
  ] as const)('golden week with overrides %j has %i working days (%s)', (overrides, expected, _why) => {
    expect(countWorkingDays(day('2026-09-28'), day('2026-10-11'), settings(false, overrides))).toBe(expected);
  });

  it('counts as many days as it lists, for any range, Saturday rule and overrides', () => {
    const anyDay = fc
      .date({
        min: new Date('2003-06-01T00:00:00Z'),
        max: new Date('2028-06-30T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => day(date.toISOString().slice(0, 10)));
    const overrides = fc.dictionary(anyDay, fc.constantFrom<CalendarOverride>('workday', 'holiday'), {
      maxKeys: 8,
    });
    fc.assert(
      fc.property(
        anyDay,
        fc.integer({ min: -3, max: 800 }),
        fc.boolean(),
        overrides,
        (from, span, six, chosen) => {
          const to = addDays(from, span);
          const calendar = settings(six, chosen);
          expect(countWorkingDays(from, to, calendar)).toBe(workingDaysBetween(from, to, calendar).length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('period boundaries', () => {
  it.each([
    ['2026-06-17', false, '2026-06-18', 'Friday is 端午: Thursday'],
    ['2026-06-17', true, '2026-06-18', 'Friday and Saturday are 端午, even for a six-day team'],
    ['2026-04-29', false, '2026-04-30', 'Friday is Labour Day'],
    ['2026-09-25', false, '2026-09-24', 'Friday is 中秋 (asked on the holiday itself)'],
    ['2026-09-14', false, '2026-09-20', 'a 调休 Sunday ends the week'],
    ['2026-11-18', false, '2026-11-20', 'an ordinary week'],
    ['2026-11-22', true, '2026-11-21', 'an ordinary week of a six-day team, asked on Sunday'],
    ['2026-02-18', false, undefined, 'Spring Festival week has no working day'],
  ])(
    'last working day of the week of %s (workSaturdays=%s) is %s (%s)',
    (d, workSaturdays, expected, _why) => {
      expect(lastWorkingDayOfWeek(day(d), settings(workSaturdays))).toBe(expected);
    },
  );

  it.each([
    ['2026-02-10', false, '2026-02-28', 'a 调休 Saturday closes February'],
    ['2026-10-15', false, '2026-10-30', 'Saturday 31st is off'],
    ['2026-10-15', true, '2026-10-31', 'Saturday 31st is worked by a six-day team'],
    ['2026-05-20', false, '2026-05-29', 'the month ends on a weekend'],
    ['2026-09-01', false, '2026-09-30', 'the month ends on a Wednesday'],
  ])(
    'last working day of the month of %s (workSaturdays=%s) is %s (%s)',
    (d, workSaturdays, expected, _why) => {
      expect(lastWorkingDayOfMonth(day(d), settings(workSaturdays))).toBe(expected);
    },
  );

  it.each([
    ['2026-05-20', {}, '2026-05-06', 'after Labour Day'],
    ['2026-02-03', {}, '2026-02-02', 'the first Monday'],
    ['2026-11-05', { '2026-11-02': 'holiday' }, '2026-11-03', 'after an overridden Monday'],
    ['2026-11-05', { '2026-11-01': 'workday' }, '2026-11-01', 'an overridden Sunday'],
  ] as const)(
    'first working day of the month of %s with overrides %j is %s (%s)',
    (d, overrides, expected, _why) => {
      expect(firstWorkingDayOfMonth(day(d), settings(false, overrides))).toBe(expected);
    },
  );

  it.each([
    ['2026-11-27', '2026-10-08', 'Q4 starts after golden week'],
    ['2026-02-10', '2026-01-04', 'Q1 starts on the 调休 Sunday after 元旦'],
    ['2026-05-01', '2026-04-01', 'Q2 starts on a Wednesday'],
    ['2026-08-15', '2026-07-01', 'Q3 starts on a Wednesday'],
  ])('first working day of the quarter of %s is %s (%s)', (d, expected, _why) => {
    expect(firstWorkingDayOfQuarter(day(d), FIVE_DAY_WEEK)).toBe(expected);
  });

  it('is undefined when overrides close the whole month', () => {
    const allOff = Object.fromEntries(
      daysInRange(day('2026-11-01'), day('2026-11-30')).map((d): [string, CalendarOverride] => [
        d,
        'holiday',
      ]),
    );
    expect(lastWorkingDayOfMonth(day('2026-11-10'), settings(true, allOff))).toBeUndefined();
    expect(firstWorkingDayOfMonth(day('2026-11-10'), settings(true, allOff))).toBeUndefined();
  });
});

describe('known calendar', () => {
  it('is derived from the package data: 2004 through 2026 in chinese-days 1.5.7', () => {
    expect(KNOWN_CALENDAR_YEARS).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(calendarKnownThrough()).toBe('2026-12-31');
  });

  it.each([
    ['2026-12-20', '2027-01-18', 18, '2027-01-01', 'the coming 30 days reach into 2027'],
    ['2026-11-01', '2026-11-30', 0, undefined, 'all known'],
    ['2026-12-31', '2026-12-31', 0, undefined, 'the last known day'],
    ['2003-12-31', '2004-01-01', 1, '2003-12-31', 'before the data begins'],
  ])('%s..%s has %i unknown days, first %s (%s)', (from, to, count, first, _why) => {
    const beyond = daysBeyondKnownCalendar(day(from), day(to));
    expect(beyond).toHaveLength(count);
    expect(beyond[0]).toBe(first);
  });

  it('treats 2027-01-01 as an ordinary Friday: its 元旦 is not published yet', () => {
    expect(officialDay(day('2027-01-01'))).toBeUndefined();
    expect(isWorkingDay(day('2027-01-01'), FIVE_DAY_WEEK)).toBe(true);
  });
});

describe('parseCalendarOverride', () => {
  it.each([
    ['holiday', 'holiday'],
    ['假', 'holiday'],
    ['休', 'holiday'],
    ['休息', 'holiday'],
    ['放假', 'holiday'],
    ['OFF', 'holiday'],
    ['workday', 'workday'],
    ['Working Day', 'workday'],
    ['working-day', 'workday'],
    ['work', 'workday'],
    ['班', 'workday'],
    ['上班', 'workday'],
    ['补班', 'workday'],
    ['ｏｎ', 'workday'],
    [' on ', 'workday'],
    ['', undefined],
    ['maybe', undefined],
    ['上', undefined],
  ])('%j reads as %s', (word, expected) => {
    expect(parseCalendarOverride(word)).toBe(expected);
  });
});
