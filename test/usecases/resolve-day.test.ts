import { describe, expect, it } from 'vitest';
import { resolveDay } from '../../src/usecases/resolve-day.ts';
import { day } from '../helpers/day.ts';

describe('resolveDay', () => {
  it.each([
    [{ kind: 'relative', daysAgo: 0 }, '2026-11-27', '2026-11-27'],
    [{ kind: 'relative', daysAgo: 1 }, '2026-03-01', '2026-02-28'],
    [{ kind: 'date', month: 11, day: 20 }, '2026-11-27', '2026-11-20'],
    [{ kind: 'date', month: 11, day: 28 }, '2026-11-27', '2026-11-28'], // tomorrow stays tomorrow
    [{ kind: 'date', month: 12, day: 31 }, '2027-01-02', '2026-12-31'], // last New Year's Eve
    [{ kind: 'date', year: 2025, month: 6, day: 1 }, '2026-11-27', '2025-06-01'],
    [{ kind: 'date', month: 2, day: 29 }, '2028-03-01', '2028-02-29'],
  ] as const)('%o on %s is %s', (spec, today, expected) => {
    expect(resolveDay(spec, day(today))).toBe(expected);
  });

  it.each([
    [{ kind: 'date', month: 2, day: 30 }],
    [{ kind: 'date', year: 2026, month: 2, day: 29 }],
  ] as const)('%o does not exist', (spec) => {
    expect(resolveDay(spec, day('2026-11-27'))).toBeUndefined();
  });
});
