import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  endOfMonth,
  endOfQuarter,
  endOfWeek,
  isoWeekday,
  parseDay,
  startOfQuarter,
  startOfWeek,
} from '../../src/domain/days.ts';
import { day } from '../helpers/day.ts';

describe('days', () => {
  it.each(['2026-02-30', '2026-13-01', '26-11-27', '2026-1-5', ''])('rejects %j', (text) => {
    expect(parseDay(text)).toBeUndefined();
  });

  it.each([
    ['2026-11-27', 1, '2026-11-28'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s plus %i day(s) is %s', (from, n, to) => {
    expect(addDays(day(from), n)).toBe(to);
  });

  it('weeks start on Monday', () => {
    expect(isoWeekday(day('2026-11-29'))).toBe(7); // a Sunday
    expect(startOfWeek(day('2026-11-29'))).toBe('2026-11-23');
    expect(endOfWeek(day('2026-11-23'))).toBe('2026-11-29');
  });

  it.each([
    ['2026-02-10', '2026-02-28', '2026-01-01', '2026-03-31'],
    ['2028-02-10', '2028-02-29', '2028-01-01', '2028-03-31'],
    ['2026-11-27', '2026-11-30', '2026-10-01', '2026-12-31'],
  ])('%s: month ends %s, quarter %s..%s', (d, monthEnd, qStart, qEnd) => {
    expect(endOfMonth(day(d))).toBe(monthEnd);
    expect(startOfQuarter(day(d))).toBe(qStart);
    expect(endOfQuarter(day(d))).toBe(qEnd);
  });

  it('counts days between', () => {
    expect(daysBetween(day('2026-11-20'), day('2026-11-27'))).toBe(7);
    expect(daysBetween(day('2026-12-31'), day('2026-01-01'))).toBe(-364);
  });
});
