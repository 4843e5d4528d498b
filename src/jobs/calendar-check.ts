import { addDays } from '../domain/days.ts';
import { isDecider } from '../domain/roles.ts';
import { calendarKnownThrough, daysBeyondKnownCalendar } from '../domain/working-days.ts';
import type { JobDefinition } from './job.ts';
import { createPostLog } from './posting.ts';

/** How far ahead the calendar must be known. */
export const CALENDAR_LOOKAHEAD_DAYS = 30;

/**
 * Every day at 09:00: when the coming 30 days reach into a year whose official holidays are not
 * in the calendar package yet, the managers and the director are told once (per unknown year) to
 * set that year's holidays with `/team calendar`.
 */
export const calendarCheck: JobDefinition = {
  name: 'calendar-check',
  defaultTime: '09:00',
  periodKey: (day) => {
    const [unknown] = daysBeyondKnownCalendar(day, addDays(day, CALENDAR_LOOKAHEAD_DAYS));
    return unknown === undefined ? undefined : `year-${unknown.slice(0, 4)}`;
  },
  async run(context) {
    const log = createPostLog(context, 'calendar-check');
    const to = addDays(context.day, CALENDAR_LOOKAHEAD_DAYS);
    const [unknownFrom] = daysBeyondKnownCalendar(context.day, to);
    if (unknownFrom === undefined) return log.result();
    const members = await context.store.roster.members(context.team.id);
    await log.sendAll([
      {
        kind: 'calendar-warning',
        to: { members: members.filter(isDecider) },
        message: {
          kind: 'calendar-warning',
          from: context.day,
          to,
          unknownFrom,
          knownThrough: calendarKnownThrough(),
        },
      },
    ]);
    return log.result();
  },
};
