import { describe, expect, it } from 'vitest';
import {
  addMonths,
  type GroupShareInput,
  goalProgress,
  groupGoals,
  type MonthKey,
  memberDays,
  monthsOfYear,
  parseMonth,
  rampGoal,
  remainingWorkingDays,
  teamGoalFor,
} from '../../src/domain/goals.ts';
import type { CalendarSettings } from '../../src/domain/working-days.ts';
import { day } from '../helpers/day.ts';

const month = (text: string): MonthKey => {
  const parsed = parseMonth(text);
  if (parsed === undefined) throw new Error(`bad test month ${text}`);
  return parsed;
};
const calendar: CalendarSettings = { workSaturdays: false, overrides: new Map() };

describe('months', () => {
  it.each([
    ['2027-01', true],
    ['2026-12', true],
    ['2027-13', false],
    ['2027-00', false],
    ['2027-1', false],
    ['27-01', false],
    ['2027-01-01', false],
  ])('parseMonth(%s) is valid: %s', (text, valid) => {
    expect(parseMonth(text) !== undefined).toBe(valid);
  });

  it.each([
    ['2026-11', 1, '2026-12'],
    ['2026-12', 1, '2027-01'],
    ['2027-01', -1, '2026-12'],
    ['2026-10', 15, '2028-01'],
  ])('addMonths(%s, %i) = %s', (from, count, expected) => {
    expect(addMonths(month(from), count)).toBe(expected);
  });

  it('monthsOfYear lists January to December', () => {
    expect(monthsOfYear(2027)).toEqual([
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
      '2027-11',
      '2027-12',
    ]);
  });
});

describe('the plan’s ramp (初期产能): ¥1,000,000, ¥3,000,000, ¥6,000,000, then ¥30,000,000 a month', () => {
  it.each([
    ['2026-10', '2026-09', undefined], // before the start: no goal
    ['2026-10', '2025-10', undefined],
    ['2026-10', '2026-10', 1_000_000], // the start month is month 1
    ['2026-10', '2026-11', 3_000_000],
    ['2026-10', '2026-12', 6_000_000],
    ['2026-10', '2027-01', 30_000_000], // month 4: mature
    ['2026-10', '2031-06', 30_000_000],
    ['2026-12', '2027-01', 3_000_000], // across a year end
    ['2026-12', '2027-02', 6_000_000],
  ])('a team that started in %s has for %s the goal %s', (start, m, expected) => {
    expect(rampGoal(month(start), month(m))).toBe(expected);
  });

  it.each([
    ['2026-11', undefined, { amount: 3_000_000, source: 'ramp' }],
    ['2026-11', 2_500_000, { amount: 2_500_000, source: 'override' }], // an override wins over the ramp
    ['2026-08', 400_000, { amount: 400_000, source: 'override' }], // even before the start
    ['2026-08', undefined, undefined],
    ['2027-03', 0, { amount: 0, source: 'override' }],
  ])('teamGoalFor(%s) with override %s is %o', (m, override, expected) => {
    const overrides = new Map<MonthKey, number>(override === undefined ? [] : [[month(m), override]]);
    // Another month's override never leaks into this one.
    overrides.set(month('2030-01'), 1);
    expect(teamGoalFor(month(m), { start: month('2026-10'), overrides })).toEqual(expected);
  });
});

describe('member-days over a month (November 2026 has 21 working days)', () => {
  it.each([
    ['2026-01-05', null, 21],
    ['2026-11-25', null, 4], // Wed 25, Thu 26, Fri 27, Mon 30
    ['2026-11-28', null, 1], // hired on a Saturday: Monday 30 only
    ['2026-12-01', null, 0], // hired after the month
    ['2026-01-05', '2026-11-10', 7], // leftOn is the last day: 2–6, 9, 10
    ['2026-01-05', '2026-10-31', 0], // left before the month
    ['2026-11-10', '2026-11-10', 1],
  ] as const)('hired %s, left %s: %i member-days', (hiredOn, leftOn, expected) => {
    expect(
      memberDays(
        { hiredOn: day(hiredOn), leftOn: leftOn === null ? null : day(leftOn) },
        day('2026-11-01'),
        day('2026-11-30'),
        calendar,
      ),
    ).toBe(expected);
  });
});

describe('group shares of the team goal follow the member-days on duty', () => {
  const g = (groupId: number, days: number, override?: number): GroupShareInput =>
    override === undefined ? { groupId, memberDays: days } : { groupId, memberDays: days, override };

  it.each([
    ['3 and 2 people all month', 1_000_000, [g(1, 63), g(2, 42)], [600_000, 400_000]],
    ['equal groups, a yuan left over goes to the first', 100, [g(1, 21), g(2, 21), g(3, 21)], [34, 33, 33]],
    ['largest remainder first', 10, [g(1, 1), g(2, 2), g(3, 4)], [1, 3, 6]],
    ['an empty group carries nothing', 1_000_000, [g(1, 21), g(2, 0)], [1_000_000, 0]],
    ['a mid-month hire counts by days', 3_000_000, [g(1, 42), g(2, 25)], [1_880_597, 1_119_403]],
    [
      'an override is taken out first; the rest is shared',
      1_000_000,
      [g(1, 21, 500_000), g(2, 21), g(3, 42)],
      [500_000, 166_667, 333_333],
    ],
    [
      'overrides above the team goal leave the rest 0',
      1_000_000,
      [g(1, 21, 1_200_000), g(2, 21)],
      [1_200_000, 0],
    ],
    ['every group set', 1_000_000, [g(1, 21, 300_000), g(2, 21, 200_000)], [300_000, 200_000]],
    ['nobody on duty', 1_000_000, [g(1, 0), g(2, 0)], [0, 0]],
    ['a goal of 0', 0, [g(1, 21), g(2, 21)], [0, 0]],
    [
      'a mature team of ¥30,000,000',
      30_000_000,
      [g(1, 7 * 21), g(2, 8 * 21), g(3, 10 * 21)],
      [8_400_000, 9_600_000, 12_000_000],
    ],
  ])('%s', (_, teamGoal, groups, expected) => {
    const goals = groupGoals(teamGoal, groups);
    expect(goals.map((goal) => goal.amount)).toEqual(expected);
    expect(goals.map((goal) => goal.source)).toEqual(
      groups.map((group) => (group.override === undefined ? 'share' : 'override')),
    );
    const shared = goals
      .filter((goal) => goal.source === 'share')
      .reduce((sum, goal) => sum + goal.amount, 0);
    const overridden = groups.reduce((sum, group) => sum + (group.override ?? 0), 0);
    const sharers = groups.filter((group) => group.override === undefined && group.memberDays > 0);
    if (sharers.length > 0) expect(shared).toBe(Math.max(0, teamGoal - overridden));
  });
});

describe('what is needed per remaining working day', () => {
  it.each([
    ['2026-11-27', true, 1], // the 18:00 board on Friday: Monday 30 is left
    ['2026-11-27', false, 2], // during Friday: today counts
    ['2026-11-30', true, 0], // the month's last working day, after the board
    ['2026-11-30', false, 1],
    ['2026-11-28', false, 1], // a Saturday is not a working day: Monday only
    ['2026-11-02', false, 21],
    ['2026-10-09', true, 16], // after 国庆: the 调休 Saturday 10-10 counts, then 12–16, 19–23, 26–30
    ['2026-10-01', false, 18], // the holidays 10-01…07 never count: 8, 9, then the 16 above
  ])('on %s (day over: %s) %i working days remain', (d, over, expected) => {
    expect(remainingWorkingDays(day(d), over, calendar)).toBe(expected);
  });

  it('follows the team’s calendar: Saturdays at work, a manager’s holiday', () => {
    const saturdays: CalendarSettings = {
      workSaturdays: true,
      overrides: new Map([[day('2026-11-30'), 'holiday']]),
    };
    expect(remainingWorkingDays(day('2026-11-27'), true, saturdays)).toBe(1); // Saturday 28; Monday 30 off
  });

  it.each([
    // goal, actual, days left → percent, met, shortfall, surplus, per day
    [1_000_000, 400_000, 12, 40, false, 600_000, 0, 50_000],
    [1_000_000, 400_001, 7, 40, false, 599_999, 0, 85_715], // 85,714.14… rounded up
    [1_000_000, 999_999, 1, 99, false, 1, 0, 1], // 99.99% reads 99%
    [1_000_000, 1_000_000, 3, 100, true, 0, 0, 0], // met at exactly the goal
    [1_000_000, 1_250_000, 3, 125, true, 0, 250_000, 0],
    [1_000_000, 900_000, 0, 90, false, 100_000, 0, undefined], // the month is over
    [1_000_000, 0, 21, 0, false, 1_000_000, 0, 47_620], // 47,619.05… rounded up
    [1_000_000, -5_000, 2, 0, false, 1_005_000, 0, 502_500], // a net correction below 0
    [30_000_000, 12_345_678, 9, 41, false, 17_654_322, 0, 1_961_592],
    [0, 0, 5, 0, true, 0, 0, 0],
  ])(
    'goal %i, done %i, %i days left: percent %i, met %s, short %i, over %i, per day %s',
    (goal, actual, days, percent, met, shortfall, surplus, perDay) => {
      expect(goalProgress(goal, actual, days)).toEqual({
        goal,
        actual,
        percent,
        met,
        shortfall,
        surplus,
        remainingDays: days,
        perDay,
      });
    },
  );
});
