import { describe, expect, it } from 'vitest';
import { localDay, localMinuteOfDay, startOfLocalDay } from '../src/clock.ts';
import { day } from './helpers/day.ts';

describe('local days and minutes (src/clock.ts, the one place that knows time zones)', () => {
  it.each([
    // Shanghai is UTC+8 all year: 16:00 UTC is the next day's midnight there.
    ['2026-11-27T15:59:00Z', 'Asia/Shanghai', '2026-11-27', 23 * 60 + 59],
    ['2026-11-27T16:00:00Z', 'Asia/Shanghai', '2026-11-28', 0],
    ['2026-11-27T10:00:00Z', 'Asia/Shanghai', '2026-11-27', 18 * 60],
    // Los Angeles on the days its clocks change (UTC-8 / UTC-7).
    ['2026-03-08T09:59:00Z', 'America/Los_Angeles', '2026-03-08', 60 + 59],
    ['2026-03-08T10:00:00Z', 'America/Los_Angeles', '2026-03-08', 3 * 60],
    ['2026-11-01T08:30:00Z', 'America/Los_Angeles', '2026-11-01', 60 + 30],
    ['2026-11-01T09:30:00Z', 'America/Los_Angeles', '2026-11-01', 60 + 30],
    // New Year's Eve across the date line.
    ['2026-12-31T10:00:00Z', 'Pacific/Kiritimati', '2027-01-01', 0],
    ['2026-12-31T23:59:00Z', 'UTC', '2026-12-31', 23 * 60 + 59],
  ])('%s in %s is %s, minute %i', (instant, zone, expectedDay, minute) => {
    expect(localDay(new Date(instant), zone)).toBe(expectedDay);
    expect(localMinuteOfDay(new Date(instant), zone)).toBe(minute);
  });

  it('starts a local day at its local midnight', () => {
    expect(startOfLocalDay(day('2026-11-28'), 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-27T16:00:00.000Z',
    );
    expect(localDay(startOfLocalDay(day('2026-03-08'), 'America/Los_Angeles'), 'America/Los_Angeles')).toBe(
      '2026-03-08',
    );
  });

  it('refuses a zone that does not exist', () => {
    expect(() => localDay(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
