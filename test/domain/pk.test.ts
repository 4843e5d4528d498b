import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addTotals, type MetricTotals, ZERO_TOTALS } from '../../src/domain/metrics.ts';
import {
  DEFAULT_PK_WEIGHTS,
  memberPoints,
  nameOrderOf,
  type PkGroupInput,
  type PkWeights,
  rankGroups,
  rankMembers,
  streaks,
} from '../../src/domain/pk.ts';

const totals = (figures: Partial<MetricTotals> = {}): MetricTotals => addTotals(ZERO_TOTALS, figures);

let nextMemberId = 1;
/** A group whose members are all on duty unless given as `{ off: figures }`. */
const group = (
  groupId: number,
  name: string,
  members: ReadonlyArray<Partial<MetricTotals> | { off: Partial<MetricTotals> }>,
): PkGroupInput => ({
  groupId,
  name,
  members: members.map((member) =>
    'off' in member
      ? { memberId: nextMemberId++, onDuty: false, totals: totals(member.off) }
      : { memberId: nextMemberId++, onDuty: true, totals: totals(member) },
  ),
});

const standings = (groups: PkGroupInput[], weights: PkWeights = DEFAULT_PK_WEIGHTS) =>
  rankGroups({ groups, weights }).map(({ name, rank }) => [name, rank]);

const MAX = Number.MAX_SAFE_INTEGER;

describe('memberPoints', () => {
  it.each([
    [{}, 0, 'zero'],
    [{ calls: 500 }, 0, 'calls weigh 0 by default'],
    [{ effective: 10 }, 10, '1 per effective call'],
    [{ intents: 2 }, 10, '5 per intent'],
    [{ followUps: 3 }, 6, '2 per follow-up'],
    [{ appointments: 1 }, 10, '10 per appointment'],
    [{ visits: 2 }, 30, '15 per visit (到访)'],
    [{ visits: 2 ** 25 }, 15 * 2 ** 25, 'visits beyond the fast path are still exact'],
    [{ amount: 10_000 }, 20, '20 per 10,000 CNY'],
    [{ amount: 5_000 }, 10, 'pro rata, not floored'],
    [{ amount: 9_999 }, 19.998, 'just under 10,000 CNY'],
    [{ amount: 1 }, 0.002, 'one yuan'],
    [
      { calls: 120, effective: 40, intents: 6, followUps: 8, appointments: 2, amount: 35_000 },
      176,
      'a good day',
    ],
  ])('%j scores %d (%s)', (figures, expected, _why) => {
    expect(memberPoints(totals(figures), DEFAULT_PK_WEIGHTS)).toBe(expected);
  });

  it('uses the weights given', () => {
    const weights = {
      calls: 1,
      effective: 0,
      intents: 0,
      followUps: 0,
      appointments: 0,
      visits: 4,
      amount: 3,
    };
    expect(memberPoints(totals({ calls: 7, effective: 9, visits: 2, amount: 20_000 }), weights)).toBe(21);
  });

  it.each([
    [totals({ amount: 0.5 }), DEFAULT_PK_WEIGHTS, 'a fractional amount'],
    [totals(), { ...DEFAULT_PK_WEIGHTS, intents: 2.5 }, 'a fractional weight'],
    [totals({ amount: MAX + 1 }), DEFAULT_PK_WEIGHTS, 'an unsafe integer'],
  ])('rejects %s', (figures, weights, _why) => {
    expect(() => memberPoints(figures, weights)).toThrow(RangeError);
  });
});

describe('rankMembers', () => {
  it.each([
    [
      'points decide',
      [
        ['王芳', { intents: 1 }],
        ['李娜', { intents: 2 }],
      ],
      [
        ['李娜', 1],
        ['王芳', 2],
      ],
    ],
    [
      'equal points: 业绩 decides',
      [
        ['王芳', { effective: 20 }],
        ['李娜', { amount: 10_000 }],
      ],
      [
        ['李娜', 1],
        ['王芳', 2],
      ],
    ],
    [
      'equal points and 业绩: intents decide',
      [
        ['王芳', { effective: 10 }],
        ['李娜', { intents: 2 }],
      ],
      [
        ['李娜', 1],
        ['王芳', 2],
      ],
    ],
    [
      'full ties share a rank, listed by name (pinyin), and the next rank skips',
      [
        ['张伟', { intents: 2 }],
        ['王芳', { intents: 2 }],
        ['李娜', { intents: 2 }],
        ['赵磊', { intents: 1 }],
      ],
      [
        ['李娜', 1],
        ['王芳', 1],
        ['张伟', 1],
        ['赵磊', 4],
      ],
    ],
    [
      'everyone at zero shares first place',
      [
        ['王芳', {}],
        ['李娜', {}],
      ],
      [
        ['李娜', 1],
        ['王芳', 1],
      ],
    ],
  ] as const)('%s', (_, members, expected) => {
    const ranked = rankMembers(
      members.map(([name, figures], index) => ({ memberId: index + 1, name, totals: totals(figures) })),
      DEFAULT_PK_WEIGHTS,
    );
    expect(ranked.map(({ name, rank }) => [name, rank])).toEqual(expected);
  });

  it('compares huge amounts exactly', () => {
    // A: MAX CNY = MAX/500 points. B and C: 500 CNY less plus one effective call: the same points
    // exactly, so 业绩 decides A over B, and B and C tie fully.
    const ranked = rankMembers(
      [
        { memberId: 3, name: 'C', totals: totals({ amount: MAX - 500, effective: 1 }) },
        { memberId: 2, name: 'B', totals: totals({ amount: MAX - 500, effective: 1 }) },
        { memberId: 1, name: 'A', totals: totals({ amount: MAX }) },
        { memberId: 4, name: 'D', totals: totals({ amount: MAX - 1 }) },
      ],
      DEFAULT_PK_WEIGHTS,
    );
    expect(ranked.map(({ name, rank }) => [name, rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 2],
      ['D', 4],
    ]);
    expect(ranked[0]?.points).toBeCloseTo(MAX / 500, 0);
  });
});

describe('rankGroups', () => {
  it.each([
    [
      'per-capita points decide, not totals',
      [group(1, '飞龙', [{ intents: 2 }, { intents: 2 }]), group(2, '猛虎', [{ intents: 3 }])],
      [
        ['猛虎', 1],
        ['飞龙', 2],
      ],
    ],
    [
      'equal per capita: total 业绩 decides',
      [group(1, '飞龙', [{ effective: 20 }]), group(2, '猛虎', [{ amount: 10_000 }])],
      [
        ['猛虎', 1],
        ['飞龙', 2],
      ],
    ],
    [
      'equal per capita and 业绩: total intents decide',
      [group(1, '飞龙', [{ effective: 10 }]), group(2, '猛虎', [{ intents: 2 }])],
      [
        ['猛虎', 1],
        ['飞龙', 2],
      ],
    ],
    [
      'equal per capita with different headcounts: the larger group has more intents in total',
      [group(1, '飞龙', [{ intents: 2 }]), group(2, '猛虎', [{ intents: 2 }, { intents: 2 }])],
      [
        ['猛虎', 1],
        ['飞龙', 2],
      ],
    ],
    [
      'full ties share a rank, listed by name (pinyin)',
      [
        group(1, '雄鹰', [{ intents: 1 }]),
        group(2, '猛虎', [{ intents: 2 }]),
        group(3, '飞龙', [{ intents: 2 }]),
      ],
      [
        ['飞龙', 1],
        ['猛虎', 1],
        ['雄鹰', 3],
      ],
    ],
    [
      'groups with nobody on duty rank last, even below a group at zero, and tie among themselves',
      [group(1, '飞龙', []), group(2, '猛虎', [{ off: { intents: 50 } }]), group(3, '雄鹰', [{}])],
      [
        ['雄鹰', 1],
        ['飞龙', 2],
        ['猛虎', 2],
      ],
    ],
    [
      'members off duty count for nothing',
      [group(1, '飞龙', [{ intents: 2 }, { off: { intents: 100 } }]), group(2, '猛虎', [{ intents: 3 }])],
      [
        ['猛虎', 1],
        ['飞龙', 2],
      ],
    ],
    [
      'probation members on duty count in the headcount, even at zero',
      [group(1, '飞龙', [{ intents: 4 }, {}]), group(2, '猛虎', [{ intents: 3 }])],
      [
        ['猛虎', 1],
        ['飞龙', 2],
      ],
    ],
    [
      'all at zero: everyone first',
      [group(1, '飞龙', [{}]), group(2, '猛虎', [{}, {}])],
      [
        ['飞龙', 1],
        ['猛虎', 1],
      ],
    ],
  ])('%s', (_, groups, expected) => {
    expect(standings(groups)).toEqual(expected);
  });

  it('reports headcount, on-duty totals, points, per capita and the gap to the group above', () => {
    const ranked = rankGroups({
      groups: [
        group(1, 'A', [{ intents: 3 }]),
        group(2, 'B', [{ intents: 2 }, { off: { intents: 9, amount: 50_000 } }]),
        group(3, 'C', [{ intents: 2 }]),
        group(4, 'D', [{ effective: 10 }, {}, {}]),
        group(5, 'E', []),
      ],
      weights: DEFAULT_PK_WEIGHTS,
    });
    expect(
      ranked.map(({ name, rank, headcount, totals, points, perCapita, gapToAbove }) => ({
        name,
        rank,
        headcount,
        intents: totals.intents,
        amount: totals.amount,
        points,
        perCapita,
        gapToAbove,
      })),
    ).toEqual([
      {
        name: 'A',
        rank: 1,
        headcount: 1,
        intents: 3,
        amount: 0,
        points: 15,
        perCapita: 15,
        gapToAbove: undefined,
      },
      { name: 'B', rank: 2, headcount: 1, intents: 2, amount: 0, points: 10, perCapita: 10, gapToAbove: 5 },
      { name: 'C', rank: 2, headcount: 1, intents: 2, amount: 0, points: 10, perCapita: 10, gapToAbove: 5 },
      {
        name: 'D',
        rank: 4,
        headcount: 3,
        intents: 0,
        amount: 0,
        points: 10,
        perCapita: 3.3,
        gapToAbove: 6.7,
      },
      { name: 'E', rank: 5, headcount: 0, intents: 0, amount: 0, points: 0, perCapita: 0, gapToAbove: 3.3 },
    ]);
  });

  it.each([
    [[{ amount: 125 }], 0.3, 'half away from zero: 0.25'],
    [[{ amount: 124 }], 0.2, '0.248'],
    [[{ effective: 1 }, {}, {}], 0.3, 'one third'],
    [[{ effective: 2 }, {}, {}], 0.7, 'two thirds'],
    [[{ amount: 37_500 }, { amount: 12_500 }], 50, '(75 + 25) / 2'],
  ])('per capita of %j is shown as %d (%s)', (members, expected, _why) => {
    expect(rankGroups({ groups: [group(1, 'A', members)], weights: DEFAULT_PK_WEIGHTS })[0]?.perCapita).toBe(
      expected,
    );
  });

  it('compares per capita exactly where the display rounds alike', () => {
    // MAX/500 against (MAX - 1)/500 points: 0.002 apart, both shown as the same number.
    const ranked = rankGroups({
      groups: [group(1, 'B', [{ amount: MAX - 1 }]), group(2, 'A', [{ amount: MAX }])],
      weights: DEFAULT_PK_WEIGHTS,
    });
    expect(ranked.map(({ name, rank }) => [name, rank])).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
    expect(ranked[0]?.perCapita).toBe(ranked[1]?.perCapita);
    expect(ranked[1]?.gapToAbove).toBe(0);
  });

  it('compares per capita across headcounts exactly (cross-multiplied)', () => {
    // 3 members × MAX/500 against 1 member × MAX/500: the same per capita; total 业绩 decides.
    const ranked = rankGroups({
      groups: [
        group(1, 'A', [{ amount: MAX }]),
        group(2, 'B', [{ amount: MAX }, { amount: MAX }, { amount: MAX }]),
      ],
      weights: DEFAULT_PK_WEIGHTS,
    });
    expect(ranked.map(({ name, rank }) => [name, rank])).toEqual([
      ['B', 1],
      ['A', 2],
    ]);
    expect(ranked[1]?.gapToAbove).toBe(0);
  });

  it('with all weights zero, 业绩 and then intents decide', () => {
    const zero = { calls: 0, effective: 0, intents: 0, followUps: 0, appointments: 0, visits: 0, amount: 0 };
    expect(
      standings(
        [group(1, 'A', [{ intents: 9 }]), group(2, 'B', [{ amount: 1 }]), group(3, 'C', [{ intents: 1 }])],
        zero,
      ),
    ).toEqual([
      ['B', 1],
      ['A', 2],
      ['C', 3],
    ]);
  });

  it('ranks no groups as an empty list', () => {
    expect(rankGroups({ groups: [], weights: DEFAULT_PK_WEIGHTS })).toEqual([]);
  });
});

describe('streaks', () => {
  it.each([
    ['no PK yet', [], []],
    [
      'a streak broken and restarted',
      [
        ['W1', 1],
        ['W2', 1],
        ['W3', 2],
        ['W4', 1],
      ],
      [
        { groupId: 1, wins: 3, currentStreak: 1, longestStreak: 2 },
        { groupId: 2, wins: 1, currentStreak: 0, longestStreak: 1 },
      ],
    ],
    [
      'a current streak that is also the longest',
      [
        ['W1', 1],
        ['W2', 2],
        ['W3', 2],
        ['W4', 2],
      ],
      [
        { groupId: 2, wins: 3, currentStreak: 3, longestStreak: 3 },
        { groupId: 1, wins: 1, currentStreak: 0, longestStreak: 1 },
      ],
    ],
    [
      'co-winners of a period both win it; a group listed twice wins once',
      [
        ['W1', 1],
        ['W1', 2],
        ['W2', 2],
        ['W2', 2],
      ],
      [
        { groupId: 2, wins: 2, currentStreak: 2, longestStreak: 2 },
        { groupId: 1, wins: 1, currentStreak: 0, longestStreak: 1 },
      ],
    ],
    [
      'equal wins: the longer streak first, then groupId',
      [
        ['2026-09', 1],
        ['2026-10', 2],
        ['2026-11', 2],
        ['2026-12', 1],
        ['2027-01', 4],
        ['2027-02', 3],
      ],
      [
        { groupId: 2, wins: 2, currentStreak: 0, longestStreak: 2 },
        { groupId: 1, wins: 2, currentStreak: 0, longestStreak: 1 },
        { groupId: 3, wins: 1, currentStreak: 1, longestStreak: 1 },
        { groupId: 4, wins: 1, currentStreak: 0, longestStreak: 1 },
      ],
    ],
  ] as const)('%s', (_, winners, expected) => {
    expect(streaks(winners.map(([period, groupId]) => ({ period, groupId })))).toEqual(expected);
  });
});

describe('rankGroups over a period with members on duty part of it', () => {
  const totals = (effective: number) => ({
    calls: 0,
    effective,
    intents: 0,
    followUps: 0,
    appointments: 0,
    visits: 0,
    amount: 0,
  });

  it.each([
    // A: 3 full-time members, 150 points → 150 × 5 / 15 = 50 per full-time member.
    // B: 2 full-time + 1 on duty 2 of 5 days, 120 points → 120 × 5 / 12 = 50: a tie on per-capita.
    [2, 50, 50],
    // B's newcomer on duty 4 days: 120 × 5 / 14 = 42.9.
    [4, 50, 42.9],
    // On duty all 5 days: plain per-head average, 40.
    [5, 50, 40],
  ])('a newcomer on duty %i of 5 days: A %d, B %d per person', (newcomerDays, a, b) => {
    const standings = rankGroups({
      weights: DEFAULT_PK_WEIGHTS,
      periodDays: 5,
      groups: [
        {
          groupId: 1,
          name: 'A',
          members: [1, 2, 3].map((id) => ({ memberId: id, onDuty: true, dutyDays: 5, totals: totals(50) })),
        },
        {
          groupId: 2,
          name: 'B',
          members: [
            { memberId: 4, onDuty: true, dutyDays: 5, totals: totals(50) },
            { memberId: 5, onDuty: true, dutyDays: 5, totals: totals(50) },
            { memberId: 6, onDuty: true, dutyDays: newcomerDays, totals: totals(20) },
          ],
        },
      ],
    });
    expect(standings.map((s) => [s.name, s.perCapita, s.headcount])).toEqual(
      a >= b
        ? [
            ['A', a, 3],
            ['B', b, 3],
          ]
        : [
            ['B', b, 3],
            ['A', a, 3],
          ],
    );
  });
});

describe('rankGroups: the full-time people per-capita divides by', () => {
  it.each([
    // periodDays, the members' duty days, headcount, equivalent
    [1, [1, 1], 2, 2],
    [3, [1, 1], 2, 0.7],
    [5, [5, 5, 2], 3, 2.4],
    [5, [5, 4], 2, 1.8],
    [5, [], 0, 0],
  ])('over %i days with duty days %j: %i people, %d full-time', (periodDays, days, headcount, equivalent) => {
    const [standing] = rankGroups({
      weights: DEFAULT_PK_WEIGHTS,
      periodDays,
      groups: [
        {
          groupId: 1,
          name: 'A',
          members: days.map((dutyDays, i) => ({
            memberId: i + 1,
            onDuty: true,
            dutyDays,
            totals: totals({ calls: 10 }),
          })),
        },
      ],
    });
    expect([standing?.headcount, standing?.equivalent]).toEqual([headcount, equivalent]);
  });
});

describe('nameOrderOf', () => {
  it('places names in zh-CN collation order, each distinct name once', () => {
    const order = nameOrderOf(['王芳', '李娜', '张伟', '李娜', 'Anna', '赵磊']);
    const placed = [...order].sort((a, b) => a[1] - b[1]).map(([name]) => name);
    // Pinyin order (li, wang, zhang, zhao); zh-CN collation puts Latin letters after Han.
    expect(placed).toEqual(['李娜', '王芳', '张伟', '赵磊', 'Anna']);
    expect(new Set(order.values()).size).toBe(5);
  });

  it('gives names the collator finds equal one place', () => {
    // "é" precomposed and as "e" + combining accent: different strings, equal to the collator.
    const order = nameOrderOf(['\u00e9mile', 'e\u0301mile', 'zoe']);
    expect(order.get('\u00e9mile')).toBe(order.get('e\u0301mile'));
    expect(order.get('zoe')).toBe(2);
  });
});

/**
 * The rankings against a reference written out in the test: one sort with every key, on bigint
 * points. Scores are drawn from a few values (ties are common, so the collator's part is exercised)
 * and sometimes huge (so the exact bigint path is too).
 */
describe('rankMembers and rankGroups against a one-sort reference', () => {
  const collator = new Intl.Collator('zh-CN');
  const NAMES = ['王芳', '李娜', '张伟', '赵磊', '刘洋', 'Anna', 'bob'];
  const figures = fc.record({
    effective: fc.constantFrom(0, 1, 10),
    intents: fc.constantFrom(0, 2),
    amount: fc.oneof(fc.constantFrom(0, 5_000, 10_000), fc.constantFrom(MAX, MAX - 500)),
  });
  const scaled = (t: MetricTotals) =>
    (BigInt(t.effective) * 1n + BigInt(t.intents) * 5n) * 10_000n + BigInt(t.amount) * 20n;
  const compareBig = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

  it('ranks members as the reference sorts them', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...NAMES), figures), { maxLength: 40 }), (rows) => {
        const members = rows.map(([name, f], index) => ({ memberId: index + 1, name, totals: totals(f) }));
        const keyed = (m: (typeof members)[number]) => [
          scaled(m.totals),
          BigInt(m.totals.amount),
          BigInt(m.totals.intents),
        ];
        const expected = [...members].sort((a, b) => {
          const [ka, kb] = [keyed(a), keyed(b)];
          return (
            compareBig(kb[0] ?? 0n, ka[0] ?? 0n) ||
            compareBig(kb[1] ?? 0n, ka[1] ?? 0n) ||
            compareBig(kb[2] ?? 0n, ka[2] ?? 0n) ||
            collator.compare(a.name, b.name) ||
            a.memberId - b.memberId
          );
        });
        const ids = expected.map((m) => m.memberId);
        expect(rankMembers(members, DEFAULT_PK_WEIGHTS).map((m) => m.memberId)).toEqual(ids);
        // The collation worked out ahead gives the same order, whole or lacking some names.
        const names = members.map((m) => m.name);
        expect(rankMembers(members, DEFAULT_PK_WEIGHTS, nameOrderOf(names)).map((m) => m.memberId)).toEqual(
          ids,
        );
        const partial = nameOrderOf(names.slice(0, names.length >> 1));
        expect(rankMembers(members, DEFAULT_PK_WEIGHTS, partial).map((m) => m.memberId)).toEqual(ids);
      }),
    );
  });

  it('ranks groups as the reference sorts them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...NAMES), fc.array(figures, { maxLength: 4 })), { maxLength: 12 }),
        (rows) => {
          const groups = rows.map(([name, list], index) => group(index + 1, name, list));
          const sums = (g: PkGroupInput) => {
            let points = 0n;
            let amount = 0n;
            let intents = 0n;
            for (const m of g.members) {
              points += scaled(m.totals);
              amount += BigInt(m.totals.amount);
              intents += BigInt(m.totals.intents);
            }
            return { points, amount, intents, n: BigInt(g.members.length) };
          };
          const expected = [...groups].sort((a, b) => {
            const [x, y] = [sums(a), sums(b)];
            const empty = (x.n === 0n ? 1 : 0) - (y.n === 0n ? 1 : 0);
            return (
              empty ||
              (x.n === 0n ? 0 : compareBig(y.points * x.n, x.points * y.n)) ||
              compareBig(y.amount, x.amount) ||
              compareBig(y.intents, x.intents) ||
              collator.compare(a.name, b.name) ||
              a.groupId - b.groupId
            );
          });
          expect(rankGroups({ groups, weights: DEFAULT_PK_WEIGHTS }).map((g) => g.groupId)).toEqual(
            expected.map((g) => g.groupId),
          );
        },
      ),
    );
  });
});
