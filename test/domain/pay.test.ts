import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayFromParts, endOfMonth } from '../../src/domain/days.ts';
import type { LevelCode } from '../../src/domain/levels.ts';
import {
  assertValidPayRule,
  type ComputeStatementInput,
  computeStatement,
  DEFAULT_PAY_RULE,
  formatFen,
  type PayRule,
  type RuleVersion,
  ruleFor,
  type Statement,
} from '../../src/domain/pay.ts';
import { day } from '../helpers/day.ts';

/** A 客户经理 employed all of November 2026 (30 days) under the default rule, unless overridden. */
const input = (overrides: Partial<ComputeStatementInput> = {}): ComputeStatementInput => ({
  month: '2026-11',
  amountYuan: 0,
  levelOnLastDay: 'A1',
  ruleVersionsFor: [],
  employment: { hiredOn: day('2025-03-01'), joinedOn: day('2025-03-08'), leftOn: null },
  ...overrides,
});

/** The statement, failing the test when there is none. */
const statement = (overrides: Partial<ComputeStatementInput> = {}): Statement => {
  const result = computeStatement(input(overrides));
  if (result === undefined) throw new Error('expected a statement');
  return result;
};

const codes = (s: Statement): string[] => s.lines.map((line) => line.code);

/** 1% to the 200,000 target, 1.5% above it. */
const TWO_TIERS: PayRule = {
  ...DEFAULT_PAY_RULE,
  tiers: [
    { fromYuan: 0, rateBasisPoints: 100 },
    { fromYuan: 200_000, rateBasisPoints: 150 },
  ],
};

const withRate = (rateBasisPoints: number): PayRule => ({
  ...DEFAULT_PAY_RULE,
  tiers: [{ fromYuan: 0, rateBasisPoints }],
});

describe('the team rule (客户经理: base 2,000, target 200,000, 1%, −500 below, −1,000 at zero)', () => {
  it.each([
    // Met: base 200,000 fen + 250,000 × 100 bp / 100 = 250,000 fen → 4,500.00.
    [250_000, true, ['base', 'commission'], 200_000, 0, 250_000, '¥4,500.00'],
    // 含20万: 200,000 is met; 200,000 + 200,000 fen → 4,000.00.
    [200_000, true, ['base', 'commission'], 200_000, 0, 200_000, '¥4,000.00'],
    // One yuan short: 200,000 − 50,000 + 199,999 fen → 3,499.99.
    [199_999, false, ['base', 'cut-below-target', 'commission'], 200_000, 50_000, 199_999, '¥3,499.99'],
    // Not met: 200,000 − 50,000 + 150,000 fen → 3,000.00.
    [150_000, false, ['base', 'cut-below-target', 'commission'], 200_000, 50_000, 150_000, '¥3,000.00'],
    // A single yuan is not zero: 1 × 100 bp / 100 = 1 fen; 200,000 − 50,000 + 1 fen → 1,500.01.
    [1, false, ['base', 'cut-below-target', 'commission'], 200_000, 50_000, 1, '¥1,500.01'],
    // Zero: the 1,000 cut replaces the 500 one (not 1,500): 200,000 − 100,000 + 0 → 1,000.00.
    [0, false, ['base', 'cut-at-zero', 'commission'], 200_000, 100_000, 0, '¥1,000.00'],
  ] as const)(
    '业绩 %i: met %s, lines %j, base %i − cuts %i + commission %i = %s',
    (amountYuan, met, lines, base, cuts, commission, total) => {
      const s = statement({ amountYuan });
      expect(s.targetYuan).toBe(200_000);
      expect(s.targetMet).toBe(met);
      expect(codes(s)).toEqual(lines);
      expect(s.baseFen).toBe(base);
      expect(s.cutsFen).toBe(cuts);
      expect(s.commissionFen).toBe(commission);
      expect(formatFen(s.totalFen)).toBe(total);
      expect(s.ruleVersion).toBe('default');
    },
  );

  it('writes cuts as negative lines, so the lines add up to the total', () => {
    const s = statement({ amountYuan: 150_000 });
    expect(s.lines).toEqual([
      { code: 'base', amountFen: 200_000, detail: { monthlyFen: 200_000 } },
      {
        code: 'cut-below-target',
        amountFen: -50_000,
        detail: { monthlyFen: 50_000, proRataFen: 50_000, clamped: false },
      },
      {
        code: 'commission',
        amountFen: 150_000,
        detail: { tiers: [{ fromYuan: 0, toYuan: null, rateBasisPoints: 100, portionYuan: 150_000 }] },
      },
    ]);
    expect(s.lines.reduce((sum, line) => sum + line.amountFen, 0)).toBe(s.totalFen);
  });
});

describe('joining and leaving during the month (calendar days, both ends included)', () => {
  it.each([
    // Hired 11-16: days 16..30 = 15 of 30. Base 200,000 × 15/30 = 100,000; target 200,000 × 15/30
    // = 100,000 yuan. 120,000 meets it: 100,000 + 120,000 fen → 2,200.00.
    ['2026-11-16', null, 120_000, 15, 100_000, true, 0, '¥2,200.00'],
    // Same half month, 80,000 < 100,000: cut 50,000 × 15/30 = 25,000;
    // 100,000 − 25,000 + 80,000 → 1,550.00.
    ['2026-11-16', null, 80_000, 15, 100_000, false, 25_000, '¥1,550.00'],
    // Same half month, zero: cut 100,000 × 15/30 = 50,000; 100,000 − 50,000 → 500.00.
    ['2026-11-16', null, 0, 15, 100_000, false, 50_000, '¥500.00'],
    // Hired on the last day: 1/30. Base 200,000/30 = 6,666.67 → 6,667 fen; target ⌈6,666.67⌉ =
    // 6,667 yuan, met by 7,000: 6,667 + 7,000 fen → 136.67.
    ['2026-11-30', null, 7_000, 1, 6_667, true, 0, '¥136.67'],
    // Left 11-10: days 1..10 = 10/30. Base 66,666.67 → 66,667; target ⌈66,666.67⌉ = 66,667 yuan.
    // 70,000 meets it: 66,667 + 70,000 fen → 1,366.67.
    ['2025-03-01', '2026-11-10', 70_000, 10, 66_667, true, 0, '¥1,366.67'],
    // Left 11-10 with 50,000: cut 50,000/3 = 16,666.67 → 16,667; 66,667 − 16,667 + 50,000 → 1,000.00.
    ['2025-03-01', '2026-11-10', 50_000, 10, 66_667, false, 16_667, '¥1,000.00'],
    // Hired 11-11 and left 11-20: 10 days, the same figures as above.
    ['2026-11-11', '2026-11-20', 50_000, 10, 66_667, false, 16_667, '¥1,000.00'],
  ] as const)(
    'hired %s, left %s, 业绩 %i: %i days, base %i, met %s, cuts %i → %s',
    (hiredOn, leftOn, amountYuan, days, base, met, cuts, total) => {
      const s = statement({
        amountYuan,
        employment: { hiredOn: day(hiredOn), joinedOn: null, leftOn: leftOn === null ? null : day(leftOn) },
      });
      const [baseLine] = s.lines;
      expect(baseLine?.code).toBe('base-pro-rata');
      if (baseLine?.code === 'base-pro-rata') {
        expect(baseLine.detail.daysEmployed).toBe(days);
        expect(baseLine.detail.daysInMonth).toBe(30);
      }
      expect(s.baseFen).toBe(base);
      expect(s.targetMet).toBe(met);
      expect(s.cutsFen).toBe(cuts);
      expect(formatFen(s.totalFen)).toBe(total);
    },
  );

  it.each([
    // October has 31 days; hired 10-17: days 17..31 = 15. Base 3,000,000/31 = 96,774.19 → 96,774.
    // Target 200,000 × 15/31 = 96,774.19 yuan, rounded up to 96,775: 96,775 meets it (it is ≥
    // the unrounded figure), 96,774 does not.
    // Met: 96,774 + 96,775 → 1,935.49.
    [96_775, true, 0, '¥1,935.49'],
    // Not met: cut 750,000/31 = 24,193.55 → 24,194; 96,774 − 24,194 + 96,774 → 1,693.54.
    [96_774, false, 24_194, '¥1,693.54'],
  ] as const)(
    'a 31-day month, 15 days employed, 业绩 %i: met %s, cut %i → %s',
    (amountYuan, met, cuts, total) => {
      const s = statement({
        month: '2026-10',
        amountYuan,
        employment: { hiredOn: day('2026-10-17'), joinedOn: null, leftOn: null },
      });
      expect(s.baseFen).toBe(96_774);
      expect(s.targetYuan).toBe(96_775);
      expect(s.targetMet).toBe(met);
      expect(s.cutsFen).toBe(cuts);
      expect(formatFen(s.totalFen)).toBe(total);
    },
  );

  it('rounds a pro-rated half fen up: base 300,001 × 15/30 = 150,000.5 → 150,001', () => {
    const s = statement({
      amountYuan: 200_000,
      defaultRule: { ...DEFAULT_PAY_RULE, baseFen: 300_001 },
      employment: { hiredOn: day('2026-11-16'), joinedOn: null, leftOn: null },
    });
    expect(s.baseFen).toBe(150_001);
  });

  it('counts probation days: pay runs from hiredOn whatever joinedOn says', () => {
    const onProbation = statement({
      amountYuan: 80_000,
      employment: { hiredOn: day('2026-11-16'), joinedOn: day('2026-11-23'), leftOn: null },
    });
    const stillOnProbation = statement({
      amountYuan: 80_000,
      employment: { hiredOn: day('2026-11-16'), joinedOn: null, leftOn: null },
    });
    expect(onProbation).toEqual(stillOnProbation);
    expect(onProbation.baseFen).toBe(100_000);
  });

  it.each([
    // Hired before the 1st and still there, or hired on the 1st, or left on the last day: a full month.
    ['2025-03-01', null],
    ['2026-11-01', null],
    ['2025-03-01', '2026-11-30'],
    ['2026-11-01', '2026-12-15'],
  ] as const)('hired %s, left %s: full month, a plain base line', (hiredOn, leftOn) => {
    const s = statement({
      amountYuan: 250_000,
      employment: { hiredOn: day(hiredOn), joinedOn: null, leftOn: leftOn === null ? null : day(leftOn) },
    });
    expect(s.lines[0]).toEqual({ code: 'base', amountFen: 200_000, detail: { monthlyFen: 200_000 } });
    expect(s.totalFen).toBe(450_000);
  });

  it.each([
    ['hired after the month', '2026-12-01', null],
    ['left before the month', '2025-03-01', '2026-10-31'],
  ] as const)('%s: no statement', (_, hiredOn, leftOn) => {
    const result = computeStatement(
      input({
        amountYuan: 10_000,
        employment: { hiredOn: day(hiredOn), joinedOn: null, leftOn: leftOn === null ? null : day(leftOn) },
      }),
    );
    expect(result).toBeUndefined();
  });
});

describe('which rule applies', () => {
  const versions: RuleVersion[] = [
    { id: 1, level: 'A1', effectiveFrom: day('2026-01-01'), rule: DEFAULT_PAY_RULE },
    { id: 2, level: 'A1', effectiveFrom: day('2026-11-15'), rule: TWO_TIERS },
    { id: 3, level: 'A1', effectiveFrom: day('2026-12-01'), rule: withRate(300) },
    {
      id: 'senior-2026',
      level: 'S1',
      effectiveFrom: day('2026-01-01'),
      rule: { ...DEFAULT_PAY_RULE, baseFen: 300_000, monthlyTargetYuan: 300_000 },
    },
    { id: 'tie-first', level: 'E1', effectiveFrom: day('2026-06-01'), rule: withRate(100) },
    { id: 'tie-second', level: 'E1', effectiveFrom: day('2026-06-01'), rule: withRate(200) },
  ];

  it.each([
    ['A1', '2025-12-31', 'default'], // before any A1 version
    ['A1', '2026-01-01', 1], // effective on the day itself
    ['A1', '2026-11-14', 1],
    ['A1', '2026-11-15', 2],
    ['A1', '2026-11-30', 2],
    ['A1', '2027-05-01', 3],
    ['A2', '2026-11-30', 'default'], // versions of other levels do not leak
    ['S1', '2026-11-30', 'senior-2026'],
    ['E1', '2026-07-01', 'tie-second'], // same effectiveFrom: the later recorded wins
  ] as const)('%s on %s: version %s', (level, on, expected) => {
    expect(ruleFor(level, day(on), versions).versionId).toBe(expected);
  });

  it('falls back to the defaults given', () => {
    expect(ruleFor('P1', day('2026-11-30'), versions, TWO_TIERS)).toEqual({
      rule: TWO_TIERS,
      versionId: 'default',
    });
  });

  it.each([
    // A rule version effective 11-15 is in force on 11-30, so it governs all of November: 业绩
    // 250,000 under two tiers: 200,000 × 100 + 50,000 × 150 = 27,500,000 hundredths → 275,000 fen;
    // 200,000 + 275,000 → 4,750.00.
    ['A1', 2, '¥4,750.00'],
    // Promoted A1 → S1 on 11-20: the S1 rule held on the last day applies to the whole month.
    // Target 300,000 is missed by 250,000: 300,000 − 50,000 + 250,000 fen → 5,000.00.
    ['S1', 'senior-2026', '¥5,000.00'],
    // Demoted to A2 (no versions): the default rule, 200,000 + 250,000 → 4,500.00.
    ['A2', 'default', '¥4,500.00'],
  ] as const)('level on the last day %s: version %s → %s', (levelOnLastDay, version, total) => {
    const s = statement({ amountYuan: 250_000, levelOnLastDay, ruleVersionsFor: versions });
    expect(s.level).toBe(levelOnLastDay);
    expect(s.ruleVersion).toBe(version);
    expect(formatFen(s.totalFen)).toBe(total);
  });

  it('a member who left before a mid-month rule change keeps the rule of their last day', () => {
    // Left 11-10, version 2 starts 11-15: version 1 (1% flat) applies to 10/30 of the month.
    // Base 66,667; target 66,667 yuan met by 250,000; commission 250,000 fen → 3,166.67.
    const s = statement({
      amountYuan: 250_000,
      ruleVersionsFor: versions,
      employment: { hiredOn: day('2025-03-01'), joinedOn: null, leftOn: day('2026-11-10') },
    });
    expect(s.ruleVersion).toBe(1);
    expect(formatFen(s.totalFen)).toBe('¥3,166.67');
  });
});

describe('commission', () => {
  it.each<[PayRule, number, number]>([
    // 1% to 200,000 and 1.5% above. Each row: Σ portion × bp in hundredths of a fen, ÷ 100 half up.
    // 250,000: 200,000 × 100 + 50,000 × 150 = 27,500,000 → 275,000 fen.
    [TWO_TIERS, 250_000, 275_000],
    // 200,000 sits at the boundary, all in the first tier: 20,000,000 → 200,000 fen.
    [TWO_TIERS, 200_000, 200_000],
    // 200,001: 20,000,000 + 1 × 150 = 20,000,150 → 200,001.5 → 200,002 fen (half up).
    [TWO_TIERS, 200_001, 200_002],
    // 150,000: first tier only: 15,000,000 → 150,000 fen.
    [TWO_TIERS, 150_000, 150_000],
    // Three tiers, 600,000: 200,000 × 100 + 300,000 × 150 + 100,000 × 200
    // = 20,000,000 + 45,000,000 + 20,000,000 = 85,000,000 → 850,000 fen.
    [
      {
        ...DEFAULT_PAY_RULE,
        tiers: [
          { fromYuan: 0, rateBasisPoints: 100 },
          { fromYuan: 200_000, rateBasisPoints: 150 },
          { fromYuan: 500_000, rateBasisPoints: 200 },
        ],
      },
      600_000,
      850_000,
    ],
    // Odd amounts: 123,457 × 100 = 12,345,700 → 123,457 fen = 1,234.57 (exact at 1%).
    [DEFAULT_PAY_RULE, 123_457, 123_457],
    // 123,457 × 150 = 18,518,550 → 185,185.5 → 185,186 (half up).
    [withRate(150), 123_457, 185_186],
    // 123,457 × 50 = 6,172,850 → 61,728.5 → 61,729 (half up).
    [withRate(50), 123_457, 61_729],
    // 123,457 × 25 = 3,086,425 → 30,864.25 → 30,864 (down).
    [withRate(25), 123_457, 30_864],
    // 123,457 × 33 = 4,074,081 → 40,740.81 → 40,741 (up).
    [withRate(33), 123_457, 40_741],
    // Huge: 2,000,000,000 × 100 = 2 × 10^11 → 2,000,000,000 fen = ¥20,000,000.00, exact.
    [DEFAULT_PAY_RULE, 2_000_000_000, 2_000_000_000],
    // 2,000,000,000 in two tiers: 200,000 × 100 + 1,999,800,000 × 150
    // = 20,000,000 + 299,970,000,000 = 299,990,000,000 → 2,999,900,000 fen.
    [TWO_TIERS, 2_000_000_000, 2_999_900_000],
    // 3 × 10^15 + 1 at 1.5%: 450,000,000,000,000,150 hundredths (beyond 2^53, where doubles are
    // 64 apart) → 4,500,000,000,000,001.5 → 4,500,000,000,000,002 fen.
    [withRate(150), 3_000_000_000_000_001, 4_500_000_000_000_002],
  ])('rule %#, 业绩 %i → %i fen', (rule, amountYuan, commissionFen) => {
    const s = statement({ amountYuan, defaultRule: rule });
    expect(s.commissionFen).toBe(commissionFen);
  });

  it('formats the odd amount as the team reads it', () => {
    expect(formatFen(statement({ amountYuan: 123_457 }).commissionFen)).toBe('¥1,234.57');
  });

  it('shows each tier’s share on the line', () => {
    const line = statement({ amountYuan: 250_000, defaultRule: TWO_TIERS }).lines.at(-1);
    expect(line).toEqual({
      code: 'commission',
      amountFen: 275_000,
      detail: {
        tiers: [
          { fromYuan: 0, toYuan: 200_000, rateBasisPoints: 100, portionYuan: 200_000 },
          { fromYuan: 200_000, toYuan: null, rateBasisPoints: 150, portionYuan: 50_000 },
        ],
      },
    });
  });

  it('stays exact at the edge of the safe range and refuses to go past it', () => {
    // 业绩 2^53 − 1 − 200,000 yuan at 1%: commission = the same number of fen, total = 2^53 − 1.
    const top = Number.MAX_SAFE_INTEGER - 200_000;
    const s = statement({ amountYuan: top });
    expect(s.commissionFen).toBe(top);
    expect(formatFen(s.totalFen)).toBe('¥90,071,992,547,409.91');
    expect(() => statement({ amountYuan: top + 1 })).toThrow(RangeError);
  });
});

describe('cuts and adjustments', () => {
  it.each([
    // Bonus: 200,000 − 50,000 + 150,000 + 30,000 → 3,300.00.
    [150_000, [{ reason: '月度PK冠军', amountFen: 30_000 }], 30_000, '¥3,300.00'],
    // Deduction: 200,000 − 100,000 + 0 − 20,050 → 799.50.
    [0, [{ reason: '迟到', amountFen: -20_050 }], -20_050, '¥799.50'],
    // Both, in order: 200,000 + 250,000 + 10,000 − 5,000 → 4,550.00.
    [
      250_000,
      [
        { reason: 'bonus', amountFen: 10_000 },
        { reason: 'penalty', amountFen: -5_000 },
      ],
      5_000,
      '¥4,550.00',
    ],
    // Only an adjustment can make the total negative: 100,000 − 150,000 → −500.00.
    [0, [{ reason: '借支', amountFen: -150_000 }], -150_000, '-¥500.00'],
  ] as const)('业绩 %i with %j: adjustments %i → %s', (amountYuan, adjustments, sum, total) => {
    const s = statement({ amountYuan, adjustments: [...adjustments] });
    expect(s.adjustmentsFen).toBe(sum);
    expect(formatFen(s.totalFen)).toBe(total);
    expect(s.lines.filter((line) => line.code === 'adjustment')).toEqual(
      adjustments.map(({ reason, amountFen }) => ({ code: 'adjustment', amountFen, detail: { reason } })),
    );
  });

  it.each([
    // Base 800 yuan, zero cut 1,000: clamped to 800, the base pays 0 and the total is 0.
    [{ ...DEFAULT_PAY_RULE, baseFen: 80_000 }, 0, 80_000, 0],
    // Base 300, below-target cut 500: clamped to 300; total = commission 1,000 × 100 bp / 100 = 1,000 fen.
    [{ ...DEFAULT_PAY_RULE, baseFen: 30_000 }, 1_000, 30_000, 1_000],
  ] as const)('a cut larger than the base is clamped (rule %#)', (rule, amountYuan, cuts, totalFen) => {
    const s = statement({ amountYuan, defaultRule: rule });
    expect(s.cutsFen).toBe(cuts);
    expect(s.lines[1]).toMatchObject({ amountFen: -cuts, detail: { clamped: true } });
    expect(s.baseFen - s.cutsFen).toBe(0);
    expect(s.totalFen).toBe(totalFen);
  });

  it('adds no cut line for a rule without cuts', () => {
    const s = statement({ amountYuan: 0, defaultRule: { ...DEFAULT_PAY_RULE, cutAtZeroFen: 0 } });
    expect(codes(s)).toEqual(['base', 'commission']);
    expect(s.totalFen).toBe(200_000);
  });
});

describe('bad input', () => {
  it.each<[string, Partial<ComputeStatementInput>]>([
    ['a fractional 业绩', { amountYuan: 1.5 }],
    ['a negative 业绩', { amountYuan: -1 }],
    ['a malformed month', { month: '2026-13' }],
    ['a month with a day', { month: '2026-11-01' }],
    ['a fractional adjustment', { adjustments: [{ reason: 'x', amountFen: 0.5 }] }],
    [
      'leftOn before hiredOn',
      { employment: { hiredOn: day('2026-11-10'), joinedOn: null, leftOn: day('2026-11-09') } },
    ],
    ['a rule without tiers', { defaultRule: { ...DEFAULT_PAY_RULE, tiers: [] } }],
    [
      'a first tier not at 0',
      { defaultRule: { ...DEFAULT_PAY_RULE, tiers: [{ fromYuan: 1, rateBasisPoints: 100 }] } },
    ],
    ['a fractional rate', { defaultRule: withRate(1.5) }],
    ['a fractional base', { defaultRule: { ...DEFAULT_PAY_RULE, baseFen: 0.5 } }],
  ])('throws a RangeError for %s', (_, overrides) => {
    expect(() => computeStatement(input(overrides))).toThrow(RangeError);
  });

  it('rejects tiers out of order', () => {
    expect(() =>
      assertValidPayRule({
        ...DEFAULT_PAY_RULE,
        tiers: [
          { fromYuan: 0, rateBasisPoints: 100 },
          { fromYuan: 0, rateBasisPoints: 150 },
        ],
      }),
    ).toThrow(RangeError);
  });
});

describe('formatFen', () => {
  it.each([
    [200_000, '¥2,000.00'],
    [0, '¥0.00'],
    [5, '¥0.05'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [123_457, '¥1,234.57'],
    [100_000_000, '¥1,000,000.00'],
    [-50_000, '-¥500.00'],
    [-1, '-¥0.01'],
    [Number.MAX_SAFE_INTEGER, '¥90,071,992,547,409.91'],
  ])('%i fen → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses %s', (fen) => {
    expect(() => formatFen(fen)).toThrow(RangeError);
  });
});

describe('properties (random integer inputs)', () => {
  const levels: LevelCode[] = ['P1', 'A1', 'S2', 'E3'];

  const ruleArb: fc.Arbitrary<PayRule> = fc
    .record({
      baseFen: fc.integer({ min: 0, max: 10_000_000 }),
      monthlyTargetYuan: fc.integer({ min: 0, max: 5_000_000 }),
      bounds: fc.uniqueArray(fc.integer({ min: 1, max: 5_000_000 }), { maxLength: 3 }),
      rates: fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 4, maxLength: 4 }),
      cutBelowTargetFen: fc.integer({ min: 0, max: 10_000_000 }),
      cutAtZeroFen: fc.integer({ min: 0, max: 10_000_000 }),
    })
    .map(({ bounds, rates, ...rest }) => ({
      ...rest,
      tiers: [0, ...bounds.sort((a, b) => a - b)].map((fromYuan, index) => ({
        fromYuan,
        rateBasisPoints: rates[index] ?? 0,
      })),
    }));

  const caseArb = fc.record({
    rule: ruleArb,
    year: fc.integer({ min: 2024, max: 2030 }),
    month: fc.integer({ min: 1, max: 12 }),
    hiredOffset: fc.integer({ min: -400, max: 40 }),
    stayDays: fc.option(fc.integer({ min: 0, max: 80 })),
    amountYuan: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.integer({ min: 0, max: 10 ** 12 }),
    ),
    adjustments: fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 }), { maxLength: 3 }),
    level: fc.constantFrom(...levels),
  });

  type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

  const toInput = (c: Case) => {
    const first = dayFromParts(c.year, c.month, 1);
    if (first === undefined) throw new Error('bad generated month');
    const hiredOn = addDays(first, c.hiredOffset);
    const leftOn = c.stayDays === null ? null : addDays(hiredOn, c.stayDays);
    return {
      first,
      built: input({
        month: first.slice(0, 7),
        amountYuan: c.amountYuan,
        levelOnLastDay: c.level,
        defaultRule: c.rule,
        employment: { hiredOn, joinedOn: null, leftOn },
        adjustments: c.adjustments.map((amountFen, index) => ({ reason: `adj ${index}`, amountFen })),
      }),
    };
  };

  /** The commission by the definition, on BigInt: Σ portion × bp, then ÷ 100 half up. */
  const referenceCommission = (rule: PayRule, amountYuan: number): number => {
    let hundredths = 0n;
    rule.tiers.forEach((tier, index) => {
      const top = rule.tiers[index + 1]?.fromYuan ?? Number.MAX_SAFE_INTEGER;
      const portion = Math.max(0, Math.min(amountYuan, top) - tier.fromYuan);
      hundredths += BigInt(portion) * BigInt(tier.rateBasisPoints);
    });
    return Number((hundredths * 2n + 100n) / 200n);
  };

  it('every fen value is a safe integer, the lines add up, and the pieces keep their bounds', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { first, built } = toInput(c);
        const s = computeStatement(built);
        const { hiredOn, leftOn } = built.employment;
        const employedInMonth = hiredOn <= endOfMonth(first) && (leftOn === null || leftOn >= first);
        expect(s === undefined).toBe(!employedInMonth);
        if (s === undefined) return;
        const figures = [
          s.baseFen,
          s.commissionFen,
          s.cutsFen,
          s.adjustmentsFen,
          s.totalFen,
          s.targetYuan,
          ...s.lines.map((line) => line.amountFen),
        ];
        for (const figure of figures) expect(Number.isSafeInteger(figure)).toBe(true);
        expect(s.lines.reduce((sum, line) => sum + line.amountFen, 0)).toBe(s.totalFen);
        expect(s.totalFen).toBe(s.baseFen - s.cutsFen + s.commissionFen + s.adjustmentsFen);
        expect(s.baseFen).toBeLessThanOrEqual(c.rule.baseFen);
        expect(s.cutsFen).toBeGreaterThanOrEqual(0);
        expect(s.cutsFen).toBeLessThanOrEqual(s.baseFen);
        expect(s.commissionFen).toBe(referenceCommission(c.rule, c.amountYuan));
        if (c.adjustments.every((a) => a >= 0)) expect(s.totalFen).toBeGreaterThanOrEqual(0);
        expect(s.targetMet).toBe(c.amountYuan >= s.targetYuan);
      }),
      { numRuns: 500 },
    );
  });

  it('formatFen writes exactly the integer it is given', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        const text = formatFen(fen);
        expect(text).toMatch(/^-?¥\d{1,3}(,\d{3})*\.\d{2}$/);
        expect(BigInt(text.replace(/[¥,.]/g, ''))).toBe(BigInt(fen));
      }),
    );
  });
});
