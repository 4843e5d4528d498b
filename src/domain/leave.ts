/**
 * Leave (请假): its types, the days a request may cover, who approves it, and what an approved
 * leave does to duty. Pure: days and the calendar in, values out.
 *
 * Only an approved leave counts. On an approved leave day a member is off duty: no 17:00 nudge,
 * on no not-logged or behind list nor in the 3-day escalation, not a person in the daily PK, and
 * the day is taken off their duty days in longer PKs and off the working days their period
 * targets are pro-rated by (see `presentWorkingDays`). A log on a leave day is still accepted and
 * counted; a member who logs on a leave day competes in that day's PK (they worked).
 */
import { addDays, type Day, daysBetween, earlierDay, laterDay } from './days.ts';
import type { MetricTotals } from './metrics.ts';
import type { Role, Status } from './roles.ts';
import { proRata } from './targets.ts';
import { type CalendarSettings, countWorkingDays, isWorkingDay } from './working-days.ts';

export const LEAVE_TYPES = ['personal', 'sick', 'annual', 'compensatory'] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];

export const LEAVE_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];

const TYPE_WORDS: Readonly<Record<string, LeaveType>> = {
  事假: 'personal',
  personal: 'personal',
  病假: 'sick',
  sick: 'sick',
  年假: 'annual',
  annual: 'annual',
  vacation: 'annual',
  调休: 'compensatory',
  comp: 'compensatory',
  compensatory: 'compensatory',
  'time-off': 'compensatory',
  toil: 'compensatory',
};

/** Reads a leave type in Chinese or English (`病假`, `sick`). */
export function parseLeaveType(word: string): LeaveType | undefined {
  return TYPE_WORDS[word.normalize('NFKC').trim().toLowerCase()];
}

export function isLeaveType(text: string): text is LeaveType {
  return LEAVE_TYPES.some((type) => type === text);
}

export function isLeaveStatus(text: string): text is LeaveStatus {
  return LEAVE_STATUSES.some((status) => status === text);
}

/** One request covers at most this many calendar days (a longer absence is several requests). */
export const MAX_LEAVE_DAYS = 31;
/** Leave may be recorded this many days after the fact (a sick day noted the next morning). */
export const LEAVE_BACKDATE_DAYS = 7;

export type LeaveRangeProblem = 'leave-range-order' | 'leave-too-long' | 'leave-too-old';

/**
 * Whether a request from `from` to `to` (inclusive) may be made on `today`: in order, at most
 * MAX_LEAVE_DAYS calendar days, starting no more than LEAVE_BACKDATE_DAYS before today. Any day
 * ahead is fine (leave is planned).
 */
export function checkLeaveRange(from: Day, to: Day, today: Day): LeaveRangeProblem | undefined {
  if (to < from) return 'leave-range-order';
  if (daysBetween(from, to) + 1 > MAX_LEAVE_DAYS) return 'leave-too-long';
  if (daysBetween(from, today) > LEAVE_BACKDATE_DAYS) return 'leave-too-old';
  return undefined;
}

/**
 * The year of a date typed without one (`01-05`): the year that puts it nearest to today, within
 * half a year either way. Leave is planned ahead, so `01-05` typed in December is next January;
 * `11-30` typed on 3 December is a backdated sick day of this year, and `12-28` typed on 2 January
 * the one just past.
 */
export function leaveYearFor(month: number, dayOfMonth: number, today: Day): number {
  const year = Number(today.slice(0, 4));
  const candidate = `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
  if (candidate < addDays(today, -HALF_YEAR_DAYS)) return year + 1;
  if (candidate > addDays(today, HALF_YEAR_DAYS)) return year - 1;
  return year;
}

const HALF_YEAR_DAYS = 183;

/** An approved leave: who and which days (inclusive). */
export type LeaveSpan = { memberId: number; fromDay: Day; toDay: Day };

/** Approved leave by member, for asking about many members and days. */
export type LeaveIndex = ReadonlyMap<number, readonly LeaveSpan[]>;

export function indexLeave(spans: readonly LeaveSpan[]): LeaveIndex {
  const index = new Map<number, LeaveSpan[]>();
  for (const span of spans) {
    const list = index.get(span.memberId);
    if (list === undefined) index.set(span.memberId, [span]);
    else list.push(span);
  }
  return index;
}

export function isOnLeave(index: LeaveIndex, memberId: number, day: Day): boolean {
  return (index.get(memberId) ?? []).some((span) => span.fromDay <= day && day <= span.toDay);
}

/**
 * Working days of `from`..`to` (inclusive) the member is on approved leave. Spans of one member
 * do not overlap (a request overlapping another is refused), so their counts add up.
 */
export function leaveWorkingDays(
  index: LeaveIndex,
  memberId: number,
  from: Day,
  to: Day,
  calendar: CalendarSettings,
): number {
  let days = 0;
  for (const span of index.get(memberId) ?? []) {
    const start = laterDay(span.fromDay, from);
    const end = earlierDay(span.toDay, to);
    if (start <= end) days += countWorkingDays(start, end, calendar);
  }
  return days;
}

/**
 * The working days of `from`..`to` the member was present: working days from `from` (or the hire
 * day, when later) minus approved leave. What a period's duty days and pro-rated targets count.
 */
export function presentWorkingDays(
  index: LeaveIndex,
  member: { id: number; hiredOn: Day },
  from: Day,
  to: Day,
  calendar: CalendarSettings,
): number {
  const start = laterDay(member.hiredOn, from);
  if (start > to) return 0;
  return countWorkingDays(start, to, calendar) - leaveWorkingDays(index, member.id, start, to, calendar);
}

/** Calendar days of a leave that fall inside `from`..`to` (a probation's window). */
export function leaveDaysWithin(span: { fromDay: Day; toDay: Day }, from: Day, to: Day): number {
  const start = laterDay(span.fromDay, from);
  const end = earlierDay(span.toDay, to);
  return start <= end ? daysBetween(start, end) + 1 : 0;
}

/** True when a working day of the span exists: leave over a weekend alone changes nothing. */
export function coversWorkingDay(span: { fromDay: Day; toDay: Day }, calendar: CalendarSettings): boolean {
  for (let day = span.fromDay; day <= span.toDay; day = addDays(day, 1))
    if (isWorkingDay(day, calendar)) return true;
  return false;
}

type Person = { id: number; role: Role; status: Status; groupId: number | null };

/**
 * Who approves a member's leave: an agent's by their group's leader; a leader's (and an agent
 * whose group has no leader) by the managers; a manager's by the director. With none of those on
 * the team the next level up approves (the director when there is no manager); a director's own
 * leave has nobody above on the team and is approved when asked (recorded like every change).
 */
export function leaveApprovers(
  subject: Person,
  roster: readonly Person[],
  leaderOf: (groupId: number) => number | null,
): Person[] {
  const present = roster.filter((m) => m.status !== 'left' && m.id !== subject.id);
  const managers = present.filter((m) => m.role === 'manager');
  const directors = present.filter((m) => m.role === 'director');
  const above = (people: Person[]) => (people.length > 0 ? people : directors);
  switch (subject.role) {
    case 'agent': {
      const leaderId = subject.groupId === null ? null : leaderOf(subject.groupId);
      const leader = present.find((m) => m.id === leaderId);
      return leader !== undefined ? [leader] : above(managers);
    }
    case 'leader':
      return above(managers);
    case 'manager':
      return directors;
    default:
      return [];
  }
}

/**
 * A period's target for the working days the member is present: the full target when they have
 * no approved leave in `from`..`to`, else proRata(target, working days − leave days, working
 * days). The whole period counts, planned leave later in it included, because the target is the
 * period's. Applies to every metric, 业绩 included (as a mid-quarter join does in the review).
 */
export function targetForPresence(
  target: MetricTotals,
  index: LeaveIndex,
  memberId: number,
  from: Day,
  to: Day,
  calendar: CalendarSettings,
): MetricTotals {
  const away = leaveWorkingDays(index, memberId, from, to, calendar);
  if (away === 0) return target;
  const inPeriod = countWorkingDays(from, to, calendar);
  return proRata(target, inPeriod - away, inPeriod);
}
