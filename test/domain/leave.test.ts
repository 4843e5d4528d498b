import { describe, expect, it } from 'vitest';
import {
  checkLeaveRange,
  indexLeave,
  isOnLeave,
  leaveApprovers,
  leaveDaysWithin,
  leaveWorkingDays,
  leaveYearFor,
  parseLeaveType,
  presentWorkingDays,
  targetForPresence,
} from '../../src/domain/leave.ts';
import { ZERO_TOTALS } from '../../src/domain/metrics.ts';
import type { CalendarSettings } from '../../src/domain/working-days.ts';
import { day } from '../helpers/day.ts';

const calendar: CalendarSettings = { workSaturdays: false, overrides: new Map() };
// Week of Monday 2026-11-30 .. Sunday 2026-12-06: five working days.
const leave = indexLeave([
  { memberId: 1, fromDay: day('2026-12-02'), toDay: day('2026-12-03') },
  { memberId: 1, fromDay: day('2026-12-05'), toDay: day('2026-12-06') },
  { memberId: 2, fromDay: day('2026-11-27'), toDay: day('2026-12-01') },
]);

describe('leave types', () => {
  it.each([
    ['事假', 'personal'],
    ['病假', 'sick'],
    ['sick', 'sick'],
    ['SICK', 'sick'],
    ['年假', 'annual'],
    ['vacation', 'annual'],
    ['调休', 'compensatory'],
    ['comp', 'compensatory'],
    ['产假', undefined],
    ['', undefined],
  ])('%s → %s', (word, type) => {
    expect(parseLeaveType(word)).toBe(type);
  });
});

describe('checkLeaveRange (today 2026-12-03)', () => {
  const today = day('2026-12-03');
  it.each([
    ['2026-12-03', '2026-12-03', undefined],
    ['2026-12-04', '2026-12-10', undefined],
    ['2026-11-26', '2026-11-26', undefined],
    ['2026-11-25', '2026-11-26', 'leave-too-old'],
    ['2026-12-05', '2026-12-04', 'leave-range-order'],
    ['2026-12-04', '2027-01-03', undefined],
    ['2026-12-04', '2027-01-04', 'leave-too-long'],
  ])('%s .. %s → %s', (from, to, problem) => {
    expect(checkLeaveRange(day(from), day(to), today)).toBe(problem);
  });
});

describe('leaveYearFor: a date without a year', () => {
  it.each([
    [1, 5, '2026-12-03', 2027],
    [12, 24, '2026-12-03', 2026],
    [11, 30, '2026-12-03', 2026],
    [6, 5, '2026-12-03', 2026],
    [6, 1, '2026-12-03', 2027],
    [7, 1, '2027-01-02', 2027],
    [12, 28, '2027-01-02', 2026],
  ])('%i-%i typed on %s is in %i', (month, dayOfMonth, today, year) => {
    expect(leaveYearFor(month, dayOfMonth, day(today))).toBe(year);
  });
});

describe('duty under approved leave', () => {
  it.each([
    [1, '2026-12-02', true],
    [1, '2026-12-04', false],
    [1, '2026-12-06', true],
    [2, '2026-11-30', true],
    [2, '2026-12-02', false],
    [3, '2026-12-02', false],
  ])('member %i on %s: on leave %s', (memberId, on, expected) => {
    expect(isOnLeave(leave, memberId, day(on))).toBe(expected);
  });

  it.each([
    // member, from, to, leave working days, present working days (hired 2026-01-05)
    [1, '2026-11-30', '2026-12-06', 2, 3],
    [1, '2026-12-03', '2026-12-06', 1, 1],
    [2, '2026-11-30', '2026-12-06', 2, 3],
    [3, '2026-11-30', '2026-12-06', 0, 5],
  ])('member %i, %s..%s: %i days away, %i present', (memberId, from, to, away, present) => {
    expect(leaveWorkingDays(leave, memberId, day(from), day(to), calendar)).toBe(away);
    expect(
      presentWorkingDays(leave, { id: memberId, hiredOn: day('2026-01-05') }, day(from), day(to), calendar),
    ).toBe(present);
  });

  it('counts only the days after the hire', () => {
    expect(
      presentWorkingDays(
        leave,
        { id: 1, hiredOn: day('2026-12-03') },
        day('2026-11-30'),
        day('2026-12-06'),
        calendar,
      ),
    ).toBe(1);
    expect(
      presentWorkingDays(
        leave,
        { id: 1, hiredOn: day('2026-12-07') },
        day('2026-11-30'),
        day('2026-12-06'),
        calendar,
      ),
    ).toBe(0);
  });

  it('pro-rates a period target by the working days present, and leaves it whole without leave', () => {
    const week = { ...ZERO_TOTALS, calls: 600, intents: 25, amount: 50_000 };
    expect(targetForPresence(week, leave, 1, day('2026-11-30'), day('2026-12-06'), calendar)).toEqual({
      ...ZERO_TOTALS,
      calls: 360,
      intents: 15,
      amount: 30_000,
    });
    expect(targetForPresence(week, leave, 3, day('2026-11-30'), day('2026-12-06'), calendar)).toBe(week);
  });

  it('counts the calendar days of a leave inside a probation window', () => {
    const span = { fromDay: day('2026-12-05'), toDay: day('2026-12-08') };
    expect(leaveDaysWithin(span, day('2026-12-01'), day('2026-12-07'))).toBe(3);
    expect(leaveDaysWithin(span, day('2026-12-09'), day('2026-12-15'))).toBe(0);
  });
});

describe('leaveApprovers', () => {
  const person = (
    id: number,
    role: 'agent' | 'leader' | 'manager' | 'director',
    groupId: number | null = null,
    status: 'active' | 'left' = 'active',
  ) => ({ id, role, status, groupId });
  const lead = person(2, 'leader', 10);
  const manager = person(3, 'manager');
  const director = person(4, 'director');
  const agent = person(1, 'agent', 10);
  const orphan = person(5, 'agent', 11);
  const leaders = (groupId: number) => (groupId === 10 ? 2 : null);
  const roster = [agent, lead, manager, director, orphan];
  it.each([
    ['an agent: their leader', agent, roster, [2]],
    ['an agent whose group has no leader: the managers', orphan, roster, [3]],
    ['a leader: the managers', lead, roster, [3]],
    ['a leader with no manager: the director', lead, [agent, lead, director], [4]],
    ['a manager: the director', manager, roster, [4]],
    ['the director: nobody', director, roster, []],
    [
      'an agent whose leader left: the managers',
      agent,
      [agent, { ...lead, status: 'left' as const }, manager],
      [3],
    ],
  ])('%s', (_, subject, people, expected) => {
    expect(leaveApprovers(subject, people, leaders).map((p) => p.id)).toEqual(expected);
  });
});
