import { describe, expect, it } from 'vitest';
import {
  type CheckDayInput,
  checkDay,
  DEFAULT_LOG_LIMITS,
  type LogLimits,
  median,
  medianTotals,
  visitsBound,
} from '../../src/domain/log-checks.ts';
import { addTotals, type MetricTotals, ZERO_TOTALS } from '../../src/domain/metrics.ts';

const totals = (partial: Partial<MetricTotals>): MetricTotals => ({ ...ZERO_TOTALS, ...partial });

/** A log that adds `change` to `before`, with no history unless given. */
const logInput = (
  before: Partial<MetricTotals>,
  change: Partial<MetricTotals>,
  extra: Partial<CheckDayInput> = {},
): CheckDayInput => ({
  before: totals(before),
  after: addTotals(totals(before), change),
  change,
  median30: ZERO_TOTALS,
  historyDays: 0,
  limits: DEFAULT_LOG_LIMITS,
  ...extra,
});

/** A healthy day, so that funnel rules stay quiet unless a test means them to speak. */
const normalDay = { calls: 150, effective: 60, intents: 6, followUps: 10, appointments: 2 };

describe('DEFAULT_LOG_LIMITS', () => {
  it('has the documented numbers', () => {
    expect(DEFAULT_LOG_LIMITS).toEqual({
      dailyCeiling: {
        calls: 1500,
        effective: 1000,
        intents: 200,
        followUps: 300,
        appointments: 100,
        visits: 100,
        amount: 5_000_000,
      },
      medianFactor: 3,
      amountUnitSuspectBelow: 1000,
    });
  });
});

describe('checkDay errors', () => {
  it.each([
    ['calls', -1],
    ['intents', -3],
    ['amount', -50_000],
  ] as const)('a negative %s total (%i) is refused', (metric, value) => {
    const input: CheckDayInput = {
      ...logInput({}, {}),
      before: totals({ [metric]: 10 }),
      after: totals({ [metric]: value }),
      change: { [metric]: value },
    };
    expect(checkDay(input).errors).toContainEqual({ code: 'negative-total', metric, value });
  });

  it('a total of exactly 0 is fine', () => {
    expect(checkDay(logInput({ amount: 20_000 }, { amount: -20_000 })).errors).toEqual([]);
  });

  it('lists one error per negative metric', () => {
    const input = { ...logInput({}, {}), after: totals({ calls: -1, effective: -1 }), change: { calls: -1 } };
    expect(checkDay(input).errors.map((e) => e.code)).toEqual(['negative-total', 'negative-total']);
  });

  it.each([
    // before, change, refused?
    ['effective above calls in one log', {}, { calls: 50, effective: 60 }, true],
    ['effective equal to calls', {}, { calls: 60, effective: 60 }, false],
    ['effective added above the day’s calls', { calls: 50, effective: 40 }, { effective: 11 }, true],
    ['effective added up to the day’s calls', { calls: 50, effective: 40 }, { effective: 10 }, false],
    ['calls lowered below effective', { calls: 100, effective: 60 }, { calls: -41 }, true],
    ['calls set to 0 with effective logged', { calls: 100, effective: 60 }, { calls: -100 }, true],
    ['effective while no calls are logged (calls may come later)', {}, { effective: 60 }, false],
    ['amount on a day with effective but no calls', { effective: 60 }, { amount: 10_000 }, false],
  ])('%s → refused: %s', (_label, before, change, refused) => {
    const { errors } = checkDay(logInput(before, change));
    expect(errors.some((e) => e.code === 'effective-above-calls')).toBe(refused);
  });

  it('reports the day’s effective and calls', () => {
    expect(checkDay(logInput({ calls: 50 }, { effective: 51 })).errors).toEqual([
      { code: 'effective-above-calls', effective: 51, calls: 50 },
    ]);
  });
});

describe('checkDay ceilings', () => {
  it.each([
    ['calls', 1500, false],
    ['calls', 1501, true],
    ['effective', 1000, false],
    ['effective', 1001, true],
    ['intents', 200, false],
    ['intents', 201, true],
    ['followUps', 300, false],
    ['followUps', 301, true],
    ['appointments', 100, false],
    ['appointments', 101, true],
    ['visits', 100, false],
    ['visits', 101, true],
    ['amount', 5_000_000, false],
    ['amount', 5_000_001, true],
  ] as const)('%s at %i → warning: %s', (metric, value, warned) => {
    const input: CheckDayInput = {
      ...logInput({}, {}),
      after: totals({ [metric]: value }),
      change: { [metric]: value },
    };
    const warning = {
      code: 'above-ceiling',
      metric,
      value,
      ceiling: DEFAULT_LOG_LIMITS.dailyCeiling[metric],
    };
    if (warned) expect(checkDay(input).warnings).toContainEqual(warning);
    else expect(checkDay(input).warnings.filter((w) => w.code === 'above-ceiling')).toEqual([]);
  });

  it('looks at the day total, not the single log', () => {
    const { warnings } = checkDay(logInput({ ...normalDay, calls: 1400 }, { calls: 101 }));
    expect(warnings).toEqual([{ code: 'above-ceiling', metric: 'calls', value: 1501, ceiling: 1500 }]);
  });

  it.each([
    ['a metric the change did not touch', { calls: 2000, effective: 60 }, { amount: 10_000 }],
    ['a correction downwards that stays above', { calls: 2000, effective: 60 }, { calls: -100 }],
    ['a touched metric whose total did not change', { calls: 2000, effective: 60 }, { calls: 0 }],
  ])('does not ask about %s', (_label, before, change) => {
    expect(checkDay(logInput(before, change)).warnings).toEqual([]);
  });

  it('treats a ceiling of 0 as no ceiling', () => {
    const limits: LogLimits = {
      ...DEFAULT_LOG_LIMITS,
      dailyCeiling: { ...DEFAULT_LOG_LIMITS.dailyCeiling, calls: 0 },
    };
    expect(checkDay(logInput({}, { calls: 99_999 }, { limits })).warnings).toEqual([]);
  });
});

describe('checkDay against the member’s median', () => {
  const median30 = totals({ calls: 100, effective: 40, amount: 0 });

  it.each([
    // calls after, history days, warned?
    [300, 30, false], // exactly 3 × median
    [301, 30, true],
    [301, 5, true], // 5 days of history are enough
    [301, 4, false], // fewer than 5 are not
    [301, 0, false],
  ])('calls %i with %i days of history → warning: %s', (calls, historyDays, warned) => {
    const { warnings } = checkDay(logInput({ effective: 10 }, { calls }, { median30, historyDays }));
    const expected = warned ? [{ code: 'above-median', metric: 'calls', value: calls, median: 100 }] : [];
    expect(warnings).toEqual(expected);
  });

  it('ignores a zero median (e.g. 业绩 on most days)', () => {
    const { warnings } = checkDay(logInput({}, { amount: 80_000 }, { median30, historyDays: 30 }));
    expect(warnings).toEqual([]);
  });

  it.each([
    [2, 201, true],
    [2, 200, false],
    [0, 10_000, false], // factor 0 turns the rule off
  ])('with factor %d, calls %i → warning: %s', (medianFactor, calls, warned) => {
    const limits = { ...DEFAULT_LOG_LIMITS, medianFactor };
    const { warnings } = checkDay(logInput({}, { calls }, { median30, historyDays: 30, limits }));
    expect(warnings.some((w) => w.code === 'above-median')).toBe(warned);
  });

  it('only asks about touched metrics that went up', () => {
    const before = { calls: 400, effective: 200 };
    const input = logInput(before, { amount: 20_000 }, { median30, historyDays: 30 });
    expect(checkDay(input).warnings).toEqual([]);
  });

  it('can warn about ceiling and median for the same metric, ceiling first', () => {
    const input = logInput({}, { calls: 1600 }, { median30, historyDays: 30 });
    expect(checkDay(input).warnings.map((w) => w.code)).toEqual(['above-ceiling', 'above-median']);
  });
});

describe('checkDay amount unit', () => {
  it.each([
    [20, true],
    [999, true],
    [1000, false], // exactly the threshold looks like yuan
    [0, false],
    [-20, false], // an undo
    [200_000, false],
  ])('logging 业绩 %i → asks about 万: %s', (amount, warned) => {
    const { warnings } = checkDay(logInput({ amount: 50_000 }, { amount }));
    const expected = warned ? [{ code: 'amount-unit', amount, suggested: amount * 10_000 }] : [];
    expect(warnings).toEqual(expected);
  });

  it('checks the typed amount, not the day total', () => {
    expect(checkDay(logInput({}, { amount: 1500 })).warnings).toEqual([]);
    expect(checkDay(logInput({ amount: 500 }, { calls: 10 })).warnings).toEqual([]);
  });

  it('is off with a threshold of 0', () => {
    const limits = { ...DEFAULT_LOG_LIMITS, amountUnitSuspectBelow: 0 };
    expect(checkDay(logInput({}, { amount: 20 }, { limits })).warnings).toEqual([]);
  });
});

describe('checkDay funnel warnings', () => {
  it.each([
    // before, change, expected warning codes
    ['intents above effective', { calls: 100, effective: 5 }, { intents: 6 }, ['intents-above-effective']],
    ['intents equal to effective', { calls: 100, effective: 6 }, { intents: 6 }, []],
    ['intents with no effective logged', { calls: 100 }, { intents: 6 }, []],
    [
      'effective lowered below intents',
      { calls: 100, effective: 10, intents: 8 },
      { effective: -3 },
      ['intents-above-effective'],
    ],
    ['an unrelated log on an odd day', { calls: 100, effective: 5, intents: 6 }, { calls: 10 }, []],
    [
      'appointments above the pipeline',
      { ...normalDay },
      { appointments: 15 },
      ['appointments-above-pipeline'],
    ],
    ['appointments equal to the pipeline', { ...normalDay }, { appointments: 14 }, []],
    ['appointments with no pipeline logged', { calls: 100 }, { appointments: 3 }, []],
    [
      'follow-ups lowered below appointments',
      { intents: 1, followUps: 5, appointments: 5 },
      { followUps: -2 },
      ['appointments-above-pipeline'],
    ],
    [
      'appointments on an unrelated log',
      { intents: 1, followUps: 1, appointments: 5 },
      { amount: 10_000 },
      [],
    ],
  ])('%s → %j', (_label, before, change, codes) => {
    expect(checkDay(logInput(before, change)).warnings.map((w) => w.code)).toEqual(codes);
  });

  it('reports the figures of the whole day after the change', () => {
    const { warnings } = checkDay(
      logInput({ calls: 100, effective: 5, intents: 4, followUps: 1 }, { intents: 2, appointments: 8 }),
    );
    expect(warnings).toEqual([
      { code: 'intents-above-effective', intents: 6, effective: 5 },
      { code: 'appointments-above-pipeline', appointments: 8, pipeline: 7 },
    ]);
  });

  it('a normal day asks nothing', () => {
    expect(checkDay(logInput({}, normalDay))).toEqual({ errors: [], warnings: [] });
  });
});

describe('checkDay 到访 funnel (visits ≤ 次日约见 of the day before + 约见 of the day)', () => {
  // The ceiling test above logs visits alone; give those days bookings so only the rule under test speaks.
  it.each([
    // label, appointments the day before, before, change, asks?
    ['visits equal to yesterday’s bookings', 3, {}, { visits: 3 }, false],
    ['visits above yesterday’s bookings', 3, {}, { visits: 4 }, true],
    ['visits covered by yesterday’s and today’s appointments', 2, { appointments: 1 }, { visits: 3 }, false],
    ['visits above both together', 2, { appointments: 1 }, { visits: 4 }, true],
    ['visits with no booking at all', 0, {}, { visits: 1 }, true],
    ['a visit logged on top of earlier ones', 2, { visits: 2 }, { visits: 1 }, true],
    ['zero visits with no booking', 0, {}, { visits: 0 }, false],
    [
      'today’s appointments lowered below the visits',
      0,
      { appointments: 3, visits: 3 },
      { appointments: -1 },
      true,
    ],
    ['an unrelated log on a day with too many visits', 0, { visits: 5 }, { calls: 10 }, false],
    ['visits undone below the bound', 1, { visits: 3 }, { visits: -2 }, false],
  ])('%s → asks: %s', (_label, appointmentsDayBefore, before, change, asks) => {
    const { warnings } = checkDay(logInput(before, change, { appointmentsDayBefore }));
    expect(warnings.some((w) => w.code === 'visits-above-appointments')).toBe(asks);
  });

  it('reports the day’s visits and what was booked for it', () => {
    const { warnings } = checkDay(logInput({ appointments: 1 }, { visits: 5 }, { appointmentsDayBefore: 2 }));
    expect(warnings).toEqual([{ code: 'visits-above-appointments', visits: 5, booked: 3 }]);
  });

  it('reads a missing day before as no bookings', () => {
    expect(checkDay(logInput({}, { visits: 1 })).warnings).toEqual([
      { code: 'visits-above-appointments', visits: 1, booked: 0 },
    ]);
  });

  it.each([
    [0, 0, 0],
    [3, 0, 3],
    [0, 2, 2],
    [3, 2, 5],
    [-1, 2, 2], // a negative day (refused elsewhere) books nobody
  ])('visitsBound(%i, %i) = %i', (dayBefore, sameDay, expected) => {
    expect(visitsBound(dayBefore, sameDay)).toBe(expected);
  });
});

describe('median', () => {
  it.each([
    [[], 0],
    [[7], 7],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2], // even count: the lower middle
    [[10, 20], 10],
    [[0, 0, 0, 50, 60], 0],
    [[5, 5, 5, 5], 5],
  ])('median of %j is %i', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('medianTotals takes the median per metric', () => {
    const days = [
      totals({ calls: 100, amount: 0 }),
      totals({ calls: 300, amount: 50_000 }),
      totals({ calls: 200, amount: 0 }),
      totals({ calls: 150, amount: 0 }),
    ];
    expect(medianTotals(days)).toEqual(totals({ calls: 150, amount: 0 }));
  });
});
