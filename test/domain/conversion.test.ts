import { describe, expect, it } from 'vitest';
import {
  amountPerVisit,
  conversionSteps,
  formatTenthsOfPercent,
  rateTenthsOfPercent,
} from '../../src/domain/conversion.ts';
import { type MetricTotals, ZERO_TOTALS } from '../../src/domain/metrics.ts';

const totals = (partial: Partial<MetricTotals>): MetricTotals => ({ ...ZERO_TOTALS, ...partial });

describe('rateTenthsOfPercent (next ÷ previous, tenths of a percent, half up)', () => {
  it.each([
    [0, 0, undefined], // nothing to convert from: no rate, not 0%
    [5, 0, undefined],
    [0, 10, 0],
    [1, 3, 333], // 33.333…
    [2, 3, 667], // 66.666… rounds up
    [1, 8, 125], // 12.5 exactly
    [1, 16, 63], // 6.25 → 6.3 (half up)
    [1, 2000, 1], // 0.05 → 0.1
    [1, 2001, 0], // 0.0499… → 0.0
    [3, 3, 1000],
    [5, 4, 1250], // visits booked last week can make a period exceed 100%
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 1000], // no overflow in ×1000
    [-2, 10, 0], // a negative figure converts nothing
    [3, -1, undefined],
  ])('%i of %i → %s', (next, previous, expected) => {
    expect(rateTenthsOfPercent(next, previous)).toBe(expected);
  });
});

describe('amountPerVisit (业绩 yuan ÷ visits, half up to the yuan)', () => {
  it.each([
    [200_000, 0, undefined],
    [0, 4, 0],
    [200_000, 4, 50_000],
    [100_000, 3, 33_333],
    [5, 2, 3], // 2.5 → 3
    [Number.MAX_SAFE_INTEGER, 1, Number.MAX_SAFE_INTEGER],
  ])('¥%i over %i visits → %s', (amount, visits, expected) => {
    expect(amountPerVisit(amount, visits)).toBe(expected);
  });
});

describe('formatTenthsOfPercent', () => {
  it.each([
    [undefined, '—'],
    [0, '0.0%'],
    [5, '0.5%'],
    [333, '33.3%'],
    [1000, '100.0%'],
    [1250, '125.0%'],
  ])('%s → %s', (tenths, shown) => {
    expect(formatTenthsOfPercent(tenths)).toBe(shown);
  });
});

describe('conversionSteps', () => {
  it('walks 呼出 → 有效 → 意向 → 约见 → 到访 → 业绩, skipping 回访', () => {
    const steps = conversionSteps(
      totals({
        calls: 600,
        effective: 240,
        intents: 24,
        followUps: 40,
        appointments: 8,
        visits: 4,
        amount: 100_000,
      }),
    );
    expect(steps).toEqual([
      { from: 'calls', to: 'effective', kind: 'rate', tenthsOfPercent: 400 },
      { from: 'effective', to: 'intents', kind: 'rate', tenthsOfPercent: 100 },
      { from: 'intents', to: 'appointments', kind: 'rate', tenthsOfPercent: 333 },
      { from: 'appointments', to: 'visits', kind: 'rate', tenthsOfPercent: 500 },
      { from: 'visits', to: 'amount', kind: 'per-visit', yuan: 25_000 },
    ]);
  });

  it('has no rate where a stage is empty', () => {
    const steps = conversionSteps(totals({ calls: 100, effective: 30 }));
    expect(steps.map((s) => (s.kind === 'rate' ? s.tenthsOfPercent : s.yuan))).toEqual([
      300,
      0,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
