import { isWorkingDay, previousWorkingDay } from '../domain/working-days.ts';
import { computePkBoard } from '../usecases/compute-pk.ts';
import { missedStreaks } from '../usecases/missed-targets.ts';
import { goalStatus } from '../usecases/team-goals.ts';
import type { JobDefinition } from './job.ts';
import { createPostLog, type JobPost } from './posting.ts';

/** Missing three working days running makes a manager look. */
export const ESCALATE_AFTER_DAYS = 3;

/**
 * 09:30 on working days, about the previous working day: each leader gets who in the group missed
 * their targets; the managers (or the director, when the team has no manager) get the team goal
 * as it stands (when the month has one) and the members who missed three working days running;
 * each competitor (agent or leader) who logged 次日约见 on it gets the 到访 question for today:
 * how many of the N booked came in (one tap logs it for today).
 */
export const morningDigest: JobDefinition = {
  name: 'morning-digest',
  defaultTime: '09:30',
  periodKey: (day, calendar) => (isWorkingDay(day, calendar) ? day : undefined),
  async run(context) {
    const log = createPostLog(context, 'morning-digest');
    const yesterday = previousWorkingDay(context.day, context.calendar);
    const board = await computePkBoard(context.store, {
      teamId: context.team.id,
      period: 'day',
      day: yesterday,
    });
    const posts: JobPost[] = [];
    for (const group of board.groupViews) {
      const missed = board.behind.get(group.id) ?? [];
      const leader = group.leaderId === null ? undefined : board.memberViews.get(group.leaderId);
      if (missed.length === 0 || leader === undefined || leader.status === 'left') continue;
      posts.push({
        kind: 'leader-digest',
        to: { member: leader },
        message: { kind: 'leader-digest', day: yesterday, groupName: group.name, missed },
      });
    }
    const streaks = await missedStreaks(context.store, {
      teamId: context.team.id,
      lastDay: yesterday,
      days: ESCALATE_AFTER_DAYS,
      calendar: context.calendar,
    });
    // The managers' digest also carries the team goal as it stands this morning (today counts).
    const goal = await goalStatus(context.store, {
      teamId: context.team.id,
      day: context.day,
      dayOver: false,
      calendar: context.calendar,
    });
    if (streaks.length > 0 || goal !== undefined) {
      const managers = [...board.memberViews.values()].filter(
        (m) => m.role === 'manager' && m.status !== 'left',
      );
      const recipients =
        managers.length > 0
          ? managers
          : [...board.memberViews.values()].filter((m) => m.role === 'director' && m.status !== 'left');
      posts.push({
        kind: 'manager-escalation',
        to: { members: recipients },
        message: {
          kind: 'manager-escalation',
          day: yesterday,
          members: streaks,
          today: context.day,
          ...(goal === undefined ? {} : { goal }),
        },
      });
    }
    for (const standing of board.members) {
      const member = board.memberViews.get(standing.memberId);
      const booked = standing.totals.appointments;
      if (booked <= 0 || member === undefined || member.status === 'left') continue;
      posts.push({
        kind: 'visits-question',
        to: { member },
        message: { kind: 'visits-question', day: context.day, booked },
      });
    }
    await log.sendAll(posts);
    return log.result();
  },
};
