import { describe, expect, it } from 'vitest';
import { type Day, parseDay } from '../../src/domain/days.ts';
import {
  canTick,
  isProtected,
  isTrainingItem,
  openTrainingItems,
  PROBATION_DAYS,
  PROTECTION_MONTHS,
  probationDay,
  probationDeadline,
  probationReminders,
  protectionEndingSoon,
  protectionEndsOn,
  readyForSignOff,
  TRAINING_ITEMS,
  TRAINING_LABELS,
  type TrainingItem,
} from '../../src/domain/probation.ts';

const day = (text: string): Day => {
  const parsed = parseDay(text);
  if (parsed === undefined) throw new Error(`bad test day ${text}`);
  return parsed;
};

const done = (...items: TrainingItem[]): ReadonlySet<TrainingItem> => new Set(items);
const FOUR_TRAININGS = done('culture', 'process', 'skills', 'product');
const ALL_FIVE = done(...TRAINING_ITEMS);

describe('training items', () => {
  it('lists the plan’s five items with the drill last', () => {
    expect(TRAINING_ITEMS).toEqual(['culture', 'process', 'skills', 'product', 'drill']);
    expect(TRAINING_ITEMS.map((item) => TRAINING_LABELS[item].zh)).toEqual([
      '企业文化',
      '销售流程',
      '销售技巧',
      '产品介绍',
      '通关训练',
    ]);
    for (const item of TRAINING_ITEMS) expect(TRAINING_LABELS[item].en).not.toBe('');
  });

  it.each([
    ['culture', true],
    ['drill', true],
    ['Drill', false],
    ['通关训练', false],
    ['', false],
  ])('isTrainingItem(%j) is %s', (text, expected) => {
    expect(isTrainingItem(text)).toBe(expected);
  });

  it.each([
    [done(), ['culture', 'process', 'skills', 'product', 'drill']],
    [done('product', 'culture'), ['process', 'skills', 'drill']],
    [FOUR_TRAININGS, ['drill']],
    [ALL_FIVE, []],
  ])('open items of %o are %j, in plan order', (set, expected) => {
    expect(openTrainingItems(set)).toEqual(expected);
  });

  it.each([
    ['nothing done', done(), false],
    ['four trainings, no drill', FOUR_TRAININGS, false],
    ['all but 产品介绍', done('culture', 'process', 'skills', 'drill'), false],
    ['all five', ALL_FIVE, true],
  ])('readyForSignOff: %s → %s', (_label, set, expected) => {
    expect(readyForSignOff(set)).toBe(expected);
  });
});

describe('canTick: the drill comes after the four trainings', () => {
  it.each([
    ['a training first', 'culture', done(), { ok: true }],
    ['trainings in any order', 'product', done('skills'), { ok: true }],
    ['the last training', 'process', done('culture', 'skills', 'product'), { ok: true }],
    ['the drill with nothing done', 'drill', done(), { ok: false, reason: 'drill-before-training' }],
    [
      'the drill with one training open',
      'drill',
      done('culture', 'process', 'skills'),
      { ok: false, reason: 'drill-before-training' },
    ],
    ['the drill after all four', 'drill', FOUR_TRAININGS, { ok: true }],
    ['a training twice', 'skills', done('skills'), { ok: false, reason: 'already-done' }],
    ['the drill twice', 'drill', ALL_FIVE, { ok: false, reason: 'already-done' }],
  ] as const)('%s', (_label, item, set, expected) => {
    expect(canTick(item, set)).toEqual(expected);
  });
});

describe('probationDeadline: 7 calendar days, the hire day being day 1', () => {
  it('is 7 days', () => {
    expect(PROBATION_DAYS).toBe(7);
  });

  it.each([
    ['2026-11-02', 0, '2026-11-08', 'Monday → Sunday of the same week'],
    ['2026-11-30', 0, '2026-12-06', 'across a month end'],
    ['2026-12-28', 0, '2027-01-03', 'across a year end'],
    ['2028-02-25', 0, '2028-03-02', 'across a leap February'],
    ['2027-02-25', 0, '2027-03-03', 'across a common February'],
    ['2026-09-28', 0, '2026-10-04', 'through 国庆: calendar days, holidays included'],
    ['2026-11-30', 3, '2026-12-09', 'extended by 3 days'],
    ['2026-11-30', 30, '2027-01-05', 'extended by 30 days'],
  ])('hired %s, extension %i → %s (%s)', (hiredOn, extension, expected, _label) => {
    expect(probationDeadline(day(hiredOn), extension)).toBe(expected);
  });

  it.each([[-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY]])('rejects extension %s', (extension) => {
    expect(() => probationDeadline(day('2026-11-30'), extension)).toThrow(RangeError);
  });

  it.each([
    ['2026-11-30', 1],
    ['2026-12-04', 5],
    ['2026-12-06', 7],
    ['2026-12-07', 8],
    ['2026-11-29', 0],
  ])('probationDay on %s is %i (hired 2026-11-30)', (today, expected) => {
    expect(probationDay(day('2026-11-30'), day(today))).toBe(expected);
  });
});

describe('probationReminders', () => {
  // Hired Monday 2026-11-30: day 5 is Friday 2026-12-04, the deadline Sunday 2026-12-06.
  const hiredOn = day('2026-11-30');
  const deadline = probationDeadline(hiredOn, 0);
  const remind = (today: string, allItemsDone: boolean, decided: boolean, end: Day = deadline) =>
    probationReminders({ hiredOn, deadline: end, today: day(today), allItemsDone, decided });

  it.each([
    ['2026-11-30', false, false, [], 'hire day'],
    ['2026-12-03', false, false, [], 'day 4'],
    ['2026-12-04', false, false, ['leader-day-5'], 'day 5 with items open'],
    ['2026-12-04', true, false, [], 'day 5 with all items done'],
    ['2026-12-04', false, true, [], 'day 5 but already decided'],
    ['2026-12-05', false, false, [], 'day 6'],
    ['2026-12-06', false, false, ['managers-deadline'], 'deadline, items open'],
    ['2026-12-06', true, false, ['managers-deadline'], 'deadline, ready for sign-off'],
    ['2026-12-06', true, true, [], 'deadline, already approved'],
    ['2026-12-07', true, false, ['director-overdue'], 'day after an unsigned deadline'],
    ['2026-12-07', false, true, [], 'day after, but decided'],
    ['2026-12-08', false, false, [], 'two days after: the director was told once'],
  ] as const)('%s (items done %s, decided %s) → %j: %s', (today, allDone, decided, expected, _label) => {
    expect(remind(today, allDone, decided)).toEqual(expected);
  });

  it.each([
    ['2026-12-04', ['leader-day-5']],
    ['2026-12-06', []],
    ['2026-12-07', []],
    ['2026-12-09', ['managers-deadline']],
    ['2026-12-10', ['director-overdue']],
  ])('with a 3-day extension (deadline 2026-12-09), %s → %j', (today, expected) => {
    expect(remind(today, false, false, probationDeadline(hiredOn, 3))).toEqual(expected);
  });

  it('day 5 across a month end: hired 2026-12-29 → leader told 2027-01-02', () => {
    const hired = day('2026-12-29');
    const input = {
      hiredOn: hired,
      deadline: probationDeadline(hired, 0),
      allItemsDone: false,
      decided: false,
    };
    expect(probationReminders({ ...input, today: day('2027-01-02') })).toEqual(['leader-day-5']);
    expect(probationReminders({ ...input, today: day('2027-01-04') })).toEqual(['managers-deadline']);
    expect(probationReminders({ ...input, today: day('2027-01-05') })).toEqual(['director-overdue']);
  });
});

describe('protection period', () => {
  it('is three months', () => {
    expect(PROTECTION_MONTHS).toBe(3);
  });

  it.each([
    ['2026-10-08', '2027-01-08', 'same day of the month'],
    ['2026-11-15', '2027-02-15', 'into the next year'],
    ['2026-11-30', '2027-02-28', 'clamped to a common February'],
    ['2026-11-28', '2027-02-28', 'exactly on 02-28'],
    ['2027-11-30', '2028-02-29', 'clamped to a leap February'],
    ['2026-12-31', '2027-03-31', 'year end to quarter end'],
    ['2026-03-31', '2026-06-30', 'clamped to a 30-day month'],
    ['2026-05-31', '2026-08-31', '31 to 31'],
    ['2026-09-30', '2026-12-30', '30 stays 30 in a 31-day month'],
  ])('joined %s → ends on %s (%s)', (joinedOn, expected, _label) => {
    expect(protectionEndsOn(day(joinedOn))).toBe(expected);
  });

  it.each([
    ['2026-10-08', true, 'the join day'],
    ['2027-01-07', true, 'the day before the end'],
    ['2027-01-08', false, 'the end day itself (exclusive)'],
    ['2027-03-01', false, 'long after'],
  ])('ending 2027-01-08, protected on %s: %s (%s)', (today, expected, _label) => {
    expect(isProtected(day(today), day('2027-01-08'))).toBe(expected);
  });

  it('is never protected without an end day', () => {
    expect(isProtected(day('2026-10-08'), null)).toBe(false);
  });

  it.each([
    ['2026-12-31', false, '8 days before'],
    ['2027-01-01', true, 'exactly 7 days before'],
    ['2027-01-02', false, '6 days before'],
    ['2027-01-08', false, 'the end day'],
  ])('ending 2027-01-08, the note is due on %s: %s (%s)', (today, expected, _label) => {
    expect(protectionEndingSoon(day(today), day('2027-01-08'))).toBe(expected);
  });

  it('gives the 7-day note across a month end and never without an end day', () => {
    expect(protectionEndingSoon(day('2027-02-21'), day('2027-02-28'))).toBe(true);
    expect(protectionEndingSoon(day('2026-12-27'), day('2027-01-03'))).toBe(true);
    expect(protectionEndingSoon(day('2027-02-21'), null)).toBe(false);
  });
});
