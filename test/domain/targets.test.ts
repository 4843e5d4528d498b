import { describe, expect, it } from 'vitest';
import { type Day, parseDay } from '../../src/domain/days.ts';
import { LEVEL_CODES, type LevelCode } from '../../src/domain/levels.ts';
import { type MetricTotals, ZERO_TOTALS } from '../../src/domain/metrics.ts';
import {
  DEFAULT_TARGETS,
  isPeriod,
  isTargetMet,
  missingOf,
  type Period,
  periodTargets,
  progress,
  progressBar,
  proRata,
  type TargetOverride,
  targetFor,
  targetsOn,
} from '../../src/domain/targets.ts';

const day = (text: string): Day => {
  const parsed = parseDay(text);
  if (parsed === undefined) throw new Error(`bad test day ${text}`);
  return parsed;
};

const totals = (partial: Partial<MetricTotals>): MetricTotals => ({ ...ZERO_TOTALS, ...partial });

describe('default targets', () => {
  it('gives 客户经理 the plan’s 200,000 yuan a month and the documented daily activity', () => {
    expect(targetFor(DEFAULT_TARGETS, 'A1', 'month').amount).toBe(200_000);
    expect(targetFor(DEFAULT_TARGETS, 'A2', 'day')).toEqual({
      calls: 150,
      effective: 60,
      intents: 6,
      followUps: 10,
      appointments: 2,
      visits: 0,
      amount: 0,
    });
  });

  it.each([
    // level, week, month, quarter: floor(period's appointments ÷ 2); no daily visit target
    ['P1', 2, 11, 33],
    ['A1', 5, 22, 66],
    ['S2', 7, 33, 99],
    ['E3', 10, 44, 132],
  ] as const)(
    '%s: 到访 targets half the period’s 约见 (week %i, month %i, quarter %i)',
    (level, w, mo, q) => {
      const targets = DEFAULT_TARGETS[level];
      expect([targets.day.visits, targets.week.visits, targets.month.visits, targets.quarter.visits]).toEqual(
        [0, w, mo, q],
      );
      expect(targets.week.visits).toBeLessThanOrEqual(targets.week.appointments);
    },
  );

  it.each([
    ['P1', 100_000],
    ['P3', 100_000],
    ['A1', 200_000],
    ['A3', 200_000],
    ['S1', 300_000],
    ['S3', 300_000],
    ['E1', 400_000],
    ['E3', 400_000],
  ] as const)('%s: monthly 业绩 %i (见习 ×0.5, 高级 ×1.5, 资深 ×2)', (level, monthly) => {
    expect(DEFAULT_TARGETS[level].month.amount).toBe(monthly);
    expect(DEFAULT_TARGETS[level].week.amount).toBe(monthly / 4);
    expect(DEFAULT_TARGETS[level].quarter.amount).toBe(monthly * 3);
    expect(DEFAULT_TARGETS[level].day.amount).toBe(0);
  });

  it.each(LEVEL_CODES.map((code) => [code]))(
    '%s: counts scale day ×5 week, ×22 month, ×66 quarter',
    (code) => {
      const { day: daily, week, month, quarter } = DEFAULT_TARGETS[code];
      for (const metric of ['calls', 'effective', 'intents', 'followUps', 'appointments'] as const) {
        expect(week[metric]).toBe(daily[metric] * 5);
        expect(month[metric]).toBe(daily[metric] * 22);
        expect(quarter[metric]).toBe(daily[metric] * 66);
      }
    },
  );

  it.each(LEVEL_CODES.map((code) => [code]))('%s: the daily funnel is consistent', (code) => {
    const daily = DEFAULT_TARGETS[code].day;
    expect(daily.effective).toBeLessThanOrEqual(daily.calls);
    expect(daily.intents).toBeLessThanOrEqual(daily.effective);
    expect(daily.appointments).toBeLessThanOrEqual(daily.intents + daily.followUps);
  });

  it('rounds the weekly 业绩 up to the yuan', () => {
    const activity = { calls: 1, effective: 1, intents: 1, followUps: 1, appointments: 1 };
    expect(periodTargets(activity, 100_001).week.amount).toBe(25_001);
  });

  it('targetFor returns a copy', () => {
    const target = targetFor(DEFAULT_TARGETS, 'A1', 'day');
    target.calls = 1;
    expect(DEFAULT_TARGETS.A1.day.calls).toBe(150);
  });

  it.each([
    ['day', true],
    ['quarter', true],
    ['year', false],
    ['', false],
  ])('isPeriod(%j) is %s', (text, expected) => {
    expect(isPeriod(text)).toBe(expected);
  });
});

describe('targetsOn', () => {
  const override = (
    level: LevelCode,
    period: Period,
    value: number,
    effectiveFrom: string,
    metric: TargetOverride['metric'] = 'calls',
  ): TargetOverride => ({ level, period, metric, value, effectiveFrom: day(effectiveFrom) });

  const overrides: TargetOverride[] = [
    override('A1', 'day', 180, '2026-03-01'),
    override('A1', 'day', 200, '2026-06-01'),
    override('A1', 'day', 170, '2026-04-01'), // recorded later, effective earlier than the 200
  ];

  it.each([
    ['2026-02-28', 150], // before any override: the default
    ['2026-03-01', 180], // effective on the day itself
    ['2026-03-31', 180],
    ['2026-04-01', 170],
    ['2026-05-31', 170],
    ['2026-06-01', 200], // the latest effective date wins, whatever the list order
    ['2027-01-01', 200],
  ])('on %s the A1 daily call target is %i', (on, expected) => {
    expect(targetsOn(day(on), overrides).A1.day.calls).toBe(expected);
  });

  it('lets the later-recorded of two overrides with the same effective day win', () => {
    const same = [override('A1', 'day', 160, '2026-03-01'), override('A1', 'day', 190, '2026-03-01')];
    expect(targetsOn(day('2026-03-02'), same).A1.day.calls).toBe(190);
  });

  it('changes only its own (level, period, metric) cell', () => {
    const table = targetsOn(day('2026-07-01'), overrides);
    expect(table.A1.week.calls).toBe(750);
    expect(table.A2.day.calls).toBe(150);
    expect(table.A1.day.effective).toBe(60);
  });

  it('overrides 业绩 per period', () => {
    const table = targetsOn(day('2026-07-01'), [override('S2', 'month', 350_000, '2026-07-01', 'amount')]);
    expect(table.S2.month.amount).toBe(350_000);
    expect(table.S1.month.amount).toBe(300_000);
  });

  it('leaves the defaults unchanged and takes other defaults', () => {
    targetsOn(day('2026-07-01'), overrides).A1.day.intents = 99;
    expect(DEFAULT_TARGETS.A1.day.calls).toBe(150);
    expect(DEFAULT_TARGETS.A1.day.intents).toBe(6);
    const custom = targetsOn(day('2026-01-01'), [], targetsOn(day('2026-07-01'), overrides));
    expect(custom.A1.day.calls).toBe(200);
  });
});

describe('proRata', () => {
  const month: MetricTotals = {
    calls: 3300,
    effective: 1320,
    intents: 132,
    followUps: 220,
    appointments: 44,
    visits: 22,
    amount: 200_000,
  };

  it.each([
    // counted, in period, expected amount, expected appointments
    [22, 22, 200_000, 44],
    [11, 22, 100_000, 22],
    [1, 22, 9091, 2], // 9090.9… and 2 rounded up
    [21, 22, 190_910, 42], // 190909.09… rounded up
    [0, 22, 0, 0],
    [30, 22, 200_000, 44], // more days than the period has: the full target
    [-3, 22, 0, 0],
    [0, 0, 0, 0], // a period without working days
    [5, 0, 0, 0],
  ])('%i of %i working days: 业绩 %i, appointments %i', (counted, inPeriod, amount, appointments) => {
    const scaled = proRata(month, counted, inPeriod);
    expect(scaled.amount).toBe(amount);
    expect(scaled.appointments).toBe(appointments);
    expect(Number.isInteger(scaled.calls)).toBe(true);
  });

  it('keeps a zero target at zero', () => {
    expect(proRata(ZERO_TOTALS, 3, 22)).toEqual(ZERO_TOTALS);
  });

  it('never rounds a non-zero target down to zero', () => {
    expect(proRata(totals({ appointments: 1 }), 1, 66).appointments).toBe(1);
  });
});

describe('progress', () => {
  it.each([
    // actual, target, percent, missing
    [0, 100, 0, 100],
    [50, 100, 50, 50],
    [99, 100, 99, 1],
    [100, 100, 100, 0],
    [151, 100, 151, 0], // may exceed 100
    [2, 3, 66, 1], // floor of 66.6…
    [199_999, 200_000, 99, 1], // one yuan short is not 100%
    [0, 0, undefined, 0], // zero target: not assessed
    [5, 0, undefined, 0],
  ])('actual %i of target %i → %s%%, missing %i', (actual, target, percent, missing) => {
    const [calls] = progress(totals({ calls: actual }), totals({ calls: target }));
    expect(calls).toEqual({ metric: 'calls', actual, target, percent, missing });
  });

  it('lists every metric in METRICS order', () => {
    const rows = progress(ZERO_TOTALS, DEFAULT_TARGETS.A1.month);
    expect(rows.map((row) => row.metric)).toEqual([
      'calls',
      'effective',
      'intents',
      'followUps',
      'appointments',
      'visits',
      'amount',
    ]);
  });

  it('shows a negative actual as 0%', () => {
    expect(
      progress(totals({ amount: -10 }), totals({ amount: 100 })).find((row) => row.metric === 'amount')
        ?.percent,
    ).toBe(0);
  });
});

describe('isTargetMet', () => {
  const target = totals({ calls: 150, effective: 60, amount: 0 });

  it.each([
    ['every positive target reached exactly', totals({ calls: 150, effective: 60 }), true],
    ['exceeded', totals({ calls: 300, effective: 61 }), true],
    ['one metric one short', totals({ calls: 150, effective: 59 }), false],
    ['zero-target metrics are not assessed', totals({ calls: 150, effective: 60, amount: 0 }), true],
    ['nothing logged', ZERO_TOTALS, false],
  ])('%s → %s', (_label, actual, expected) => {
    expect(isTargetMet(actual, target)).toBe(expected);
  });

  it('an all-zero target is met', () => {
    expect(isTargetMet(ZERO_TOTALS, ZERO_TOTALS)).toBe(true);
  });
});

describe('progressBar', () => {
  it.each([
    [0, '░░░░░░░░░░'],
    [5, '░░░░░░░░░░'], // each ▓ is a completed 10%
    [10, '▓░░░░░░░░░'],
    [80, '▓▓▓▓▓▓▓▓░░'],
    [95, '▓▓▓▓▓▓▓▓▓░'], // full only when met
    [100, '▓▓▓▓▓▓▓▓▓▓'],
    [150, '▓▓▓▓▓▓▓▓▓▓'], // clamped
    [-20, '░░░░░░░░░░'],
    [Number.NaN, '░░░░░░░░░░'],
  ])('%d%% → %s', (percent, bar) => {
    expect(progressBar(percent)).toBe(bar);
  });

  it.each([
    [50, 20, '▓▓▓▓▓▓▓▓▓▓░░░░░░░░░░'],
    [50, 5, '▓▓░░░'],
    [100, 0, ''],
    [100, -3, ''],
  ])('%d%% at width %i → %j', (percent, width, bar) => {
    expect(progressBar(percent, width)).toBe(bar);
  });
});

describe('missingOf', () => {
  it('is what each metric lacks, never negative, and agrees with progress', () => {
    const actual = {
      calls: 90,
      effective: 40,
      intents: 5,
      followUps: 0,
      appointments: 2,
      visits: 1,
      amount: 30_000,
    };
    const target = {
      calls: 100,
      effective: 30,
      intents: 5,
      followUps: 3,
      appointments: 0,
      visits: 4,
      amount: 50_000,
    };
    expect(missingOf(actual, target)).toEqual({
      calls: 10,
      effective: 0,
      intents: 0,
      followUps: 3,
      appointments: 0,
      visits: 3,
      amount: 20_000,
    });
    for (const p of progress(actual, target)) expect(missingOf(actual, target)[p.metric]).toBe(p.missing);
  });
});
