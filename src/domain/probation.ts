/**
 * Probation (试用期) and the protection period (保护期) of the team's plan. Pure: the hire day, the
 * join day and today come in as Days; nothing here reads a clock or a store.
 *
 * The plan: a new hire has 7 days to finish the pass-through drill: training in 企业文化, 销售流程,
 * 销售技巧 and 产品介绍, then the 通关训练 itself. A manager approves, and only then does the hire
 * join the company (入司). After 入司 a member has three months of protection: no automatic
 * demotion, the managers assess them overall instead.
 */
import { addDays, type Day, dayFromParts, daysBetween, monthOf, yearOf } from './days.ts';

/** The five items of the pass-through drill, in the plan's order: the drill itself last. */
export const TRAINING_ITEMS = ['culture', 'process', 'skills', 'product', 'drill'] as const;
export type TrainingItem = (typeof TRAINING_ITEMS)[number];

export const TRAINING_LABELS: Record<TrainingItem, { zh: string; en: string }> = {
  culture: { zh: '企业文化', en: 'Company culture' },
  process: { zh: '销售流程', en: 'Sales process' },
  skills: { zh: '销售技巧', en: 'Sales skills' },
  product: { zh: '产品介绍', en: 'Product introduction' },
  drill: { zh: '通关训练', en: 'Pass-through drill' },
};

export function isTrainingItem(text: string): text is TrainingItem {
  return TRAINING_ITEMS.some((item) => item === text);
}

/** The items not done yet, in TRAINING_ITEMS order. */
export function openTrainingItems(done: ReadonlySet<TrainingItem>): TrainingItem[] {
  return TRAINING_ITEMS.filter((item) => !done.has(item));
}

/** Ready for a manager's sign-off when all five items, the drill included, are done. */
export function readyForSignOff(done: ReadonlySet<TrainingItem>): boolean {
  return openTrainingItems(done).length === 0;
}

export type TickCheck = { ok: true } | { ok: false; reason: 'drill-before-training' | 'already-done' };

/**
 * Whether `item` may be ticked now. The four trainings may be ticked in any order (they are
 * separate sessions the team schedules as it can); the 通关训练 only once all four are done, because
 * the plan puts it last ("then the 通关训练"): it tests what the trainings taught. An item already
 * done is refused as `already-done` (checked first, so a done drill reads as done).
 */
export function canTick(item: TrainingItem, done: ReadonlySet<TrainingItem>): TickCheck {
  if (done.has(item)) return { ok: false, reason: 'already-done' };
  if (item === 'drill' && TRAINING_ITEMS.some((other) => other !== 'drill' && !done.has(other))) {
    return { ok: false, reason: 'drill-before-training' };
  }
  return { ok: true };
}

/** Length of probation in calendar days, the hire day being the first. */
export const PROBATION_DAYS = 7;

/**
 * The 1-based day of probation `today` is: the hire day is day 1, the next day day 2. 0 or less
 * before the hire day; past PROBATION_DAYS after the (unextended) deadline.
 */
export function probationDay(hiredOn: Day, today: Day): number {
  return daysBetween(hiredOn, today) + 1;
}

/**
 * The last day of probation: the 7th calendar day counting the hire day as day 1, i.e.
 * hiredOn + 6 days, plus `extensionDays` whole calendar days granted by a manager (0 for none).
 * Calendar days, not working days: the plan says 7 days, and the drill runs over weekends too.
 * Hired Monday 2026-11-30 → deadline Sunday 2026-12-06. The hire may be approved on any day up
 * to and including the deadline. `extensionDays` must be a whole number ≥ 0 (RangeError
 * otherwise: a programming error, the command parser rejects bad input first).
 */
export function probationDeadline(hiredOn: Day, extensionDays: number): Day {
  if (!Number.isInteger(extensionDays) || extensionDays < 0) {
    throw new RangeError(`extensionDays must be a whole number ≥ 0, got ${extensionDays}`);
  }
  return addDays(hiredOn, PROBATION_DAYS - 1 + extensionDays);
}

export type ProbationReminder = 'leader-day-5' | 'managers-deadline' | 'director-overdue';

/** The probation day (hire day = day 1) on which the leader hears of open items. */
export const LEADER_REMINDER_DAY = 5;

/**
 * The reminders due on `today` for one hire, for a job that runs once a day. Each fires on exactly
 * one day (a missed run is not caught up), and nothing fires once a manager has decided
 * (approved or rejected):
 * - `leader-day-5`: on day 5 of probation (hiredOn + 4, the hire day being day 1) when some item
 *   is still open, so the leader has two days left to help;
 * - `managers-deadline`: on the deadline day (`deadline`, extensions included), whether or not the
 *   items are done: someone has to decide today;
 * - `director-overdue`: on the day after the deadline, the deadline having passed undecided.
 * With a deadline of hiredOn + 6 or later the three days never coincide; the list is in the
 * order above.
 */
export function probationReminders(input: {
  hiredOn: Day;
  deadline: Day;
  today: Day;
  allItemsDone: boolean;
  decided: boolean;
}): ProbationReminder[] {
  const { hiredOn, deadline, today, allItemsDone, decided } = input;
  if (decided) return [];
  const reminders: ProbationReminder[] = [];
  if (probationDay(hiredOn, today) === LEADER_REMINDER_DAY && !allItemsDone) reminders.push('leader-day-5');
  if (today === deadline) reminders.push('managers-deadline');
  if (today === addDays(deadline, 1)) reminders.push('director-overdue');
  return reminders;
}

/** Length of the protection period after 入司, in calendar months. */
export const PROTECTION_MONTHS = 3;

/**
 * The day protection ends: the same day of the month PROTECTION_MONTHS calendar months after
 * 入司, clamped to the last day of a shorter month (2026-11-30 → 2027-02-28; 2027-11-30 →
 * 2028-02-29; 2026-10-08 → 2027-01-08).
 *
 * The end day is exclusive: it is the first day WITHOUT protection; the member is protected from
 * `joinedOn` to the day before. So a member who joined 2026-10-08 is protected through
 * 2027-01-07. Why exclusive: three months from the 8th run to the 7th, like any anniversary;
 * and with the quarter review judging protection on the quarter's last day, every joiner is
 * spared exactly one quarterly review, never zero and never two (an inclusive end would spare
 * someone who joined on 03-31 both Q1 and Q2).
 */
export function protectionEndsOn(joinedOn: Day): Day {
  return addCalendarMonths(joinedOn, PROTECTION_MONTHS);
}

/**
 * Whether a member is protected on `day`: day < protectionEndsOn (the end day is exclusive, see
 * protectionEndsOn). Null (never joined, or protection cleared) is never protected. Days before
 * 入司 are not checked here: a member is on probation then, not judged at all.
 */
export function isProtected(day: Day, endsOn: Day | null): boolean {
  return endsOn !== null && day < endsOn;
}

/** How many days before the end the member and their leader are told, once. */
export const PROTECTION_NOTICE_DAYS = 7;

/**
 * True on exactly one day: 7 calendar days before the protection ends (endsOn − 7), for a one-time
 * note "your protection ends on …". False for null.
 */
export function protectionEndingSoon(today: Day, endsOn: Day | null): boolean {
  return endsOn !== null && daysBetween(today, endsOn) === PROTECTION_NOTICE_DAYS;
}

/** `months` calendar months later, the day of month clamped to the target month's length. */
function addCalendarMonths(day: Day, months: number): Day {
  const monthIndex = yearOf(day) * 12 + (monthOf(day) - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastOfMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const result = dayFromParts(year, month, Math.min(Number(day.slice(8, 10)), lastOfMonth));
  if (result === undefined) throw new Error(`no day ${months} months after ${day}`);
  return result;
}
