import { isWorkingDay, previousWorkingDay } from '../domain/working-days.ts';
import { computePkBoard } from '../usecases/compute-pk.ts';
import { missedStreaks } from '../usecases/missed-targets.ts';
import type { JobDefinition } from './job.ts';
import { createPostLog, type JobPost } from './posting.ts';

/** Missing three working days running makes a manager look. */
export const ESCALATE_AFTER_DAYS = 3;

/**
 * 09:30 on working days, about the previous working day: each leader gets who in the group missed
 * their targets; the managers (or the director, when the team has no manager) get the members who
 * missed three working days running.
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
    if (streaks.length > 0) {
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
        message: { kind: 'manager-escalation', day: yesterday, members: streaks },
      });
    }
    await log.sendAll(posts);
    return log.result();
  },
};
