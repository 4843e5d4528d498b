import { describe, expect, it } from 'vitest';
import { type Day, parseDay } from '../../src/domain/days.ts';
import type { LevelCode } from '../../src/domain/levels.ts';
import { type MetricTotals, ZERO_TOTALS } from '../../src/domain/metrics.ts';
import {
  atRiskOfDemotion,
  evaluateQuarter,
  forecast,
  previousQuarter,
  type Quarter,
  quarterContaining,
  quarterKey,
  quarterOutcome,
  quarterTargetMet,
  type ReviewMember,
  type ReviewResult,
  type SkipReason,
} from '../../src/domain/quarter-review.ts';
import { DEFAULT_TARGETS, targetFor } from '../../src/domain/targets.ts';
import type { CalendarOverride, CalendarSettings } from '../../src/domain/working-days.ts';

const day = (text: string): Day => {
  const parsed = parseDay(text);
  if (parsed === undefined) throw new Error(`bad test day ${text}`);
  return parsed;
};

const totals = (partial: Partial<MetricTotals> = {}): MetricTotals => ({ ...ZERO_TOTALS, ...partial });

const settings = (
  workSaturdays = false,
  overrides: Record<string, CalendarOverride> = {},
): CalendarSettings => ({
  workSaturdays,
  overrides: new Map(Object.entries(overrides).map(([text, override]) => [day(text), override])),
});

const FIVE_DAY_WEEK = settings(false);

// Q4 2026 on a five-day week: 国庆节 2026-10-01..10-07 off, Saturday 10-10 a make-up working day,
// so 62 working days (92 calendar days).
const Q4_2026: Quarter = { from: day('2026-10-01'), to: day('2026-12-31'), key: '2026Q4' };
const Q4_WORKING_DAYS = 62;

// Default quarter 业绩 targets: 见习 300,000; 客户经理 600,000; 高级 900,000; 资深 1,200,000 yuan.
const quarterTarget = (level: LevelCode): MetricTotals => targetFor(DEFAULT_TARGETS, level, 'quarter');

const member = (overrides: Partial<ReviewMember> = {}): ReviewMember => ({
  memberId: 1,
  level: 'A1',
  joinedOn: day('2026-01-05'),
  protectionEndsOn: null,
  actual: totals(),
  ...overrides,
});

const review = (members: ReviewMember[], calendar: CalendarSettings = FIVE_DAY_WEEK): ReviewResult[] =>
  evaluateQuarter({ quarter: Q4_2026, members, targetFor: quarterTarget, calendar });

const reviewOne = (overrides: Partial<ReviewMember>, calendar?: CalendarSettings): ReviewResult => {
  const [result] = review([member(overrides)], calendar);
  if (result === undefined) throw new Error('no result');
  return result;
};

describe('quarterKey and previousQuarter', () => {
  it.each([
    ['2026-01-01', '2026Q1'],
    ['2026-03-31', '2026Q1'],
    ['2026-04-01', '2026Q2'],
    ['2026-09-30', '2026Q3'],
    ['2026-11-30', '2026Q4'],
    ['2026-12-31', '2026Q4'],
  ])('%s is in %s', (text, key) => {
    expect(quarterKey(day(text))).toBe(key);
  });

  it.each([
    ['2027-01-01', '2026-10-01', '2026-12-31', '2026Q4'],
    ['2027-03-31', '2026-10-01', '2026-12-31', '2026Q4'],
    ['2026-12-31', '2026-07-01', '2026-09-30', '2026Q3'],
    ['2026-04-01', '2026-01-01', '2026-03-31', '2026Q1'],
    ['2026-07-15', '2026-04-01', '2026-06-30', '2026Q2'],
  ])('the quarter before %s is %s..%s (%s)', (today, from, to, key) => {
    expect(previousQuarter(day(today))).toEqual({ from, to, key });
  });

  it('quarterContaining gives the current quarter', () => {
    expect(quarterContaining(day('2026-11-30'))).toEqual(Q4_2026);
  });
});

describe('quarterTargetMet: 业绩 alone decides', () => {
  const target = totals({ calls: 9_900, effective: 3_960, amount: 600_000 });
  it.each([
    ['exactly the target', totals({ amount: 600_000 }), true],
    ['one yuan short', totals({ amount: 599_999 }), false],
    ['above it', totals({ amount: 600_001 }), true],
    ['zero', totals(), false],
    ['activity met, 业绩 missed', totals({ calls: 20_000, effective: 9_000, amount: 1 }), false],
    ['业绩 met, no activity logged', totals({ amount: 700_000 }), true],
    ['huge', totals({ amount: Number.MAX_SAFE_INTEGER }), true],
  ])('%s → %s', (_label, actual, expected) => {
    expect(quarterTargetMet(actual, target)).toBe(expected);
  });

  it.each([
    [totals(), true],
    [totals({ amount: 5 }), true],
  ])('a target amount of 0 is met by %o', (actual, expected) => {
    expect(quarterTargetMet(actual, totals())).toBe(expected);
  });
});

describe('quarterOutcome', () => {
  it.each([
    ['P1', true, false, 'P2', 'promoted'],
    ['P3', true, false, 'A1', 'promoted'],
    ['A3', true, false, 'S1', 'promoted'],
    ['S3', true, false, 'E1', 'promoted'],
    ['E2', true, false, 'E3', 'promoted'],
    ['E3', true, false, 'E3', 'met-at-top'],
    ['E3', true, true, 'E3', 'met-at-top'],
    ['P1', true, true, 'P2', 'promoted'],
    ['A2', true, true, 'A3', 'promoted'],
    ['P3', false, false, 'P2', 'demoted'],
    ['A1', false, false, 'P3', 'demoted'],
    ['S1', false, false, 'A3', 'demoted'],
    ['E1', false, false, 'S3', 'demoted'],
    ['E3', false, false, 'E2', 'demoted'],
    ['P2', false, false, 'P1', 'demoted'],
    ['P1', false, false, 'P1', 'flag-for-review'],
    ['P1', false, true, 'P1', 'protected'],
    ['A1', false, true, 'A1', 'protected'],
  ] as const)('%s, met %s, protected %s → %s (%s)', (level, met, isProtected, to, outcome) => {
    expect(quarterOutcome(level, met, isProtected)).toEqual({ to, outcome });
  });
});

describe('evaluateQuarter: met goes up one step, missed down one', () => {
  it.each([
    ['P3', 300_000, 'A1', 'promoted', true, 'exactly the 见习 target'],
    ['P3', 299_999, 'P2', 'demoted', false, 'one yuan short'],
    ['P2', 0, 'P1', 'demoted', false, 'nothing at all'],
    ['P1', 0, 'P1', 'flag-for-review', false, 'bottom of the ladder: managers decide'],
    ['P1', 300_000, 'P2', 'promoted', true, 'bottom, met'],
    ['A1', 599_999, 'P3', 'demoted', false, 'out of 客户经理 back to 见习'],
    ['A3', 600_000, 'S1', 'promoted', true, 'into 高级'],
    ['S2', 900_000, 'S3', 'promoted', true, '高级 target 900,000'],
    ['E1', 1_199_999, 'S3', 'demoted', false, '资深 target 1,200,000'],
    ['E3', 1_200_000, 'E3', 'met-at-top', true, 'top of the ladder stays'],
    ['E3', 5, 'E2', 'demoted', false, 'top, missed'],
    ['A2', Number.MAX_SAFE_INTEGER, 'A3', 'promoted', true, 'a huge amount'],
  ] as const)('%s with %i yuan → %s (%s, met %s): %s', (level, amount, to, outcome, met, _label) => {
    const result = reviewOne({ level, actual: totals({ amount }) });
    expect(result).toEqual({
      memberId: 1,
      from: level,
      to,
      outcome,
      met,
      target: quarterTarget(level),
      actual: totals({ amount }),
    });
  });

  it('judges on 业绩 only: full activity without 业绩 is a miss', () => {
    const actual = { ...quarterTarget('A2'), amount: 0 };
    expect(reviewOne({ level: 'A2', actual })).toMatchObject({ to: 'A1', outcome: 'demoted', met: false });
  });

  it('keeps input order and judges each member on their own level', () => {
    const results = review([
      member({ memberId: 7, level: 'S1', actual: totals({ amount: 900_000 }) }),
      member({ memberId: 3, level: 'P2', actual: totals({ amount: 10 }) }),
      member({ memberId: 5, level: 'A1', joinedOn: null }),
    ]);
    expect(results.map((r) => [r.memberId, r.from, r.to, r.outcome])).toEqual([
      [7, 'S1', 'S2', 'promoted'],
      [3, 'P2', 'P1', 'demoted'],
      [5, 'A1', 'A1', 'skipped'],
    ]);
  });

  it('returns no results for no members', () => {
    expect(review([])).toEqual([]);
  });
});

describe('evaluateQuarter: protection blocks demotion, not promotion', () => {
  it.each([
    ['2027-01-08', 0, 'A1', 'protected', 'protected through the quarter’s end'],
    ['2027-01-08', 600_000, 'A2', 'promoted', 'promotion still applies'],
    ['2027-01-01', 0, 'A1', 'protected', 'ends the day after the quarter: last day still protected'],
    ['2026-12-31', 0, 'P3', 'demoted', 'ends on the quarter’s last day (exclusive): judged'],
    ['2026-12-15', 0, 'P3', 'demoted', 'ended during the quarter: judged'],
    ['2026-09-30', 0, 'P3', 'demoted', 'ended before the quarter'],
  ] as const)('protection ending %s, %i yuan → %s (%s): %s', (endsOn, amount, to, outcome, _label) => {
    const result = reviewOne({ level: 'A1', protectionEndsOn: day(endsOn), actual: totals({ amount }) });
    expect(result).toMatchObject({ from: 'A1', to, outcome });
  });

  it('a protected 见习MO1 who misses is protected, not flagged', () => {
    const result = reviewOne({
      level: 'P1',
      joinedOn: day('2026-10-08'),
      protectionEndsOn: day('2027-01-08'),
    });
    expect(result).toMatchObject({ to: 'P1', outcome: 'protected', met: false });
  });
});

describe('evaluateQuarter: a mid-quarter joiner is held to a pro rata target', () => {
  // proRata: ceil(quarter target × counted ÷ 62), working days from 入司 to 2026-12-31.
  it.each([
    ['2026-11-16', 34, 164_517, 'Monday 11-16: 300,000 × 34 / 62 = 164,516.13 → 164,517'],
    ['2026-10-09', 61, 295_162, 'Friday after 国庆 (10-08 missed)'],
    ['2026-10-08', 62, 300_000, 'first working day after 国庆: nothing missed'],
    ['2026-10-05', 62, 300_000, 'during 国庆: holidays count for neither side'],
    ['2026-12-31', 1, 4_839, 'the quarter’s last day: one working day'],
  ])('joined %s → %i of 62 working days, 业绩 target %i (%s)', (joinedOn, counted, amount, _label) => {
    const result = reviewOne({ level: 'P1', joinedOn: day(joinedOn), actual: totals({ amount }) });
    expect(result.proRataDays).toEqual({ counted, inQuarter: Q4_WORKING_DAYS });
    expect(result.target.amount).toBe(amount);
    expect(result).toMatchObject({ met: true, outcome: 'promoted', to: 'P2' });
  });

  it('misses by one yuan below the pro rata target', () => {
    const result = reviewOne({
      level: 'P1',
      joinedOn: day('2026-11-16'),
      actual: totals({ amount: 164_516 }),
    });
    expect(result).toMatchObject({ met: false, outcome: 'flag-for-review', to: 'P1' });
  });

  it('scales every metric, rounding up', () => {
    const result = reviewOne({ level: 'A1', joinedOn: day('2026-11-16') });
    // 客户经理 quarter: 150 × 66 = 9,900 calls; 9,900 × 34 / 62 = 5,429.03 → 5,430.
    expect(result.target).toEqual({
      calls: 5_430,
      effective: 2_172,
      intents: 218,
      followUps: 362,
      appointments: 73,
      visits: 37, // 66 × 34 / 62 = 36.19 → 37
      amount: 329_033,
    });
  });

  it.each([
    ['2026-10-01', 'on the quarter’s first day'],
    ['2026-06-15', 'before the quarter'],
  ])('no pro rata when joined %s (%s)', (joinedOn, _label) => {
    const result = reviewOne({ level: 'P1', joinedOn: day(joinedOn), actual: totals({ amount: 300_000 }) });
    expect(result.proRataDays).toBeUndefined();
    expect(result.target).toEqual(quarterTarget('P1'));
  });

  it('counts working Saturdays when the team works them', () => {
    const result = reviewOne({ level: 'P1', joinedOn: day('2026-11-16') }, settings(true));
    // Six-day weeks: 73 working days in Q4 2026, 40 from 11-16; 300,000 × 40 / 73 = 164,383.56.
    expect(result.proRataDays).toEqual({ counted: 40, inQuarter: 73 });
    expect(result.target.amount).toBe(164_384);
  });

  it('respects a manager’s holiday override on both sides', () => {
    const result = reviewOne(
      { level: 'P1', joinedOn: day('2026-11-16') },
      settings(false, { '2026-12-24': 'holiday' }),
    );
    expect(result.proRataDays).toEqual({ counted: 33, inQuarter: 61 });
  });
});

describe('evaluateQuarter: approved leave is taken off the days the target counts', () => {
  it.each([
    // joinedOn, leave working days, counted, 业绩 target (300,000 × counted / 62, rounded up)
    ['2026-06-15', 0, undefined, 300_000],
    ['2026-06-15', 5, 57, 275_807],
    ['2026-11-16', 4, 30, 145_162],
    ['2026-06-15', 62, undefined, 0],
  ])('joined %s with %i leave days → counted %s, target %i', (joinedOn, leaveDays, counted, amount) => {
    const result = reviewOne({
      level: 'P1',
      joinedOn: day(joinedOn),
      leaveDays,
      actual: totals({ amount: 280_000 }),
    });
    if (leaveDays === 62) {
      expect(result).toMatchObject({ outcome: 'skipped', skipped: 'no-working-days' });
      return;
    }
    expect(result.proRataDays).toEqual(
      counted === undefined ? undefined : { counted, inQuarter: Q4_WORKING_DAYS },
    );
    expect(result.target.amount).toBe(amount);
    expect(result.met).toBe(280_000 >= amount);
  });
});

describe('evaluateQuarter: members who are not judged', () => {
  it.each<[Partial<ReviewMember>, SkipReason]>([
    [{ joinedOn: null }, 'on-probation'],
    [{ joinedOn: null, hold: { reason: 'sick leave' } }, 'on-probation'],
    [{ joinedOn: day('2027-01-04') }, 'joined-after-quarter'],
    [{ joinedOn: day('2027-01-04'), actual: totals({ amount: 1_000_000 }) }, 'joined-after-quarter'],
  ])('%o → skipped (%s), level unchanged', (overrides, reason) => {
    const result = reviewOne({ level: 'P1', ...overrides });
    expect(result).toEqual({
      memberId: 1,
      from: 'P1',
      to: 'P1',
      outcome: 'skipped',
      met: false,
      target: ZERO_TOTALS,
      actual: overrides.actual ?? totals(),
      skipped: reason,
    });
  });

  it('skips a joiner with no working day left in the quarter (a zero target would promote)', () => {
    const result = reviewOne(
      { level: 'P1', joinedOn: day('2026-12-31') },
      settings(false, { '2026-12-31': 'holiday' }),
    );
    expect(result).toMatchObject({ outcome: 'skipped', skipped: 'no-working-days', to: 'P1', met: false });
  });

  it.each([
    [0, false],
    [600_000, true],
  ])('a held member keeps the level whatever the figures (%i yuan, met %s)', (amount, met) => {
    const result = reviewOne({ level: 'A1', hold: { reason: '病假' }, actual: totals({ amount }) });
    expect(result).toEqual({
      memberId: 1,
      from: 'A1',
      to: 'A1',
      outcome: 'held',
      met,
      target: quarterTarget('A1'),
      actual: totals({ amount }),
      holdReason: '病假',
    });
  });

  it('a held mid-quarter joiner still reports the pro rata target', () => {
    const result = reviewOne({ level: 'P1', joinedOn: day('2026-11-16'), hold: { reason: 'x' } });
    expect(result).toMatchObject({ outcome: 'held', proRataDays: { counted: 34, inQuarter: 62 } });
  });
});

describe('atRiskOfDemotion: below two thirds of the target at two thirds of the quarter', () => {
  const target = totals({ amount: 600_000 });
  it.each([
    [40, 62, 0, false, 'before two thirds of the quarter: too early'],
    [41, 62, 0, false, '41 × 3 = 123 < 124'],
    [42, 62, 0, true, 'past two thirds with nothing'],
    [42, 62, 399_999, true, 'one yuan below two thirds'],
    [42, 62, 400_000, false, 'exactly two thirds'],
    [60, 90, 399_999, true, 'exactly at two thirds of the days'],
    [62, 62, 399_999, true, 'at the quarter’s end'],
    [62, 62, 500_000, false, 'short but above two thirds: not flagged'],
    [10, 0, 0, false, 'a quarter without working days'],
  ])('%i of %i days, %i yuan → %s (%s)', (elapsed, inQuarter, amount, expected, _label) => {
    expect(
      atRiskOfDemotion({
        actual: totals({ amount }),
        target,
        workingDaysElapsed: elapsed,
        workingDaysInQuarter: inQuarter,
      }),
    ).toBe(expected);
  });

  it('never with a zero target', () => {
    expect(
      atRiskOfDemotion({
        actual: totals(),
        target: totals(),
        workingDaysElapsed: 62,
        workingDaysInQuarter: 62,
      }),
    ).toBe(false);
  });
});

describe('forecast for /level', () => {
  const target = totals({ amount: 600_000 });
  it.each([
    [0, 62, 600_000, 9_678, false, 'start of the quarter: 600,000 / 62 = 9,677.4 → 9,678'],
    [200_000, 20, 400_000, 20_000, true, 'behind at two thirds'],
    [450_000, 20, 150_000, 7_500, false, 'on track'],
    [600_000, 10, 0, 0, false, 'exactly met'],
    [900_000, 10, 0, 0, false, 'beyond the target'],
    [599_999, 0, 1, 1, false, 'no day left: all of it, and above two thirds'],
    [100_000, 0, 500_000, 500_000, true, 'no day left, far behind'],
    [100_000, -3, 500_000, 500_000, true, 'a negative count of days is taken as none'],
  ])(
    '%i yuan with %i days left → need %i, %i a day, at risk %s (%s)',
    (amount, left, needed, perDay, atRisk, _label) => {
      expect(
        forecast({
          level: 'A2',
          actual: totals({ amount }),
          target,
          workingDaysLeft: left,
          workingDaysInQuarter: 62,
        }),
      ).toEqual({
        neededAmount: needed,
        perWorkingDay: perDay,
        atRisk,
        ifMet: { to: 'A3', outcome: 'promoted' },
        ifMissed: { to: 'A1', outcome: 'demoted' },
      });
    },
  );

  it.each([
    ['E3', false, { to: 'E3', outcome: 'met-at-top' }, { to: 'E2', outcome: 'demoted' }],
    ['P1', false, { to: 'P2', outcome: 'promoted' }, { to: 'P1', outcome: 'flag-for-review' }],
    ['A1', true, { to: 'A2', outcome: 'promoted' }, { to: 'A1', outcome: 'protected' }],
  ] as const)('%s (protected %s): if met %o, if missed %o', (level, isProtected, ifMet, ifMissed) => {
    const result = forecast({
      level,
      actual: totals(),
      target,
      workingDaysLeft: 5,
      workingDaysInQuarter: 62,
      protectedAtQuarterEnd: isProtected,
    });
    expect(result.ifMet).toEqual(ifMet);
    expect(result.ifMissed).toEqual(ifMissed);
    // Far behind at 57 of 62 days: at risk unless protected.
    expect(result.atRisk).toBe(!isProtected);
  });
});
