import { isWorkingDay } from '../domain/working-days.ts';
import { computePkBoard, notLoggedIn } from '../usecases/compute-pk.ts';
import type { JobDefinition } from './job.ts';
import { createPostLog, type JobPost } from './posting.ts';
import { minutesOf } from './times.ts';

/**
 * 17:00 on working days: a DM to each competitor behind their daily targets (what is missing) or
 * with nothing logged, and to each group leader where the group stands, how far from the group
 * above, and who has not logged yet.
 */
export const dailyWarnings: JobDefinition = {
  name: 'daily-warnings',
  defaultTime: '17:00',
  periodKey: (day, calendar) => (isWorkingDay(day, calendar) ? day : undefined),
  async run(context) {
    const log = createPostLog(context, 'daily-warnings');
    const board = await computePkBoard(context.store, {
      teamId: context.team.id,
      period: 'day',
      day: context.day,
    });
    const minutesLeft = Math.max(
      0,
      minutesOf(context.times['daily-pk']) - minutesOf(context.times['daily-warnings']),
    );
    const posts: JobPost[] = [...board.behind.values()].flat().map((behind) => ({
      kind: 'agent-nudge',
      to: { member: behind.member },
      message: {
        kind: 'agent-nudge',
        day: context.day,
        missing: behind.logged ? behind.missing : undefined,
        minutesLeft,
      },
    }));
    for (const group of board.groupViews) {
      if (group.leaderId === null) continue;
      const leader = board.memberViews.get(group.leaderId);
      if (leader === undefined || leader.status === 'left') continue;
      const notLogged = notLoggedIn(board, group.id);
      posts.push({
        kind: 'leader-standing',
        to: { member: leader },
        message: { kind: 'leader-standing', board, groupId: group.id, notLogged, minutesLeft },
      });
    }
    // A leader behind target gets the nudge first, then the group's standing (one lane each).
    await log.sendAll(posts);
    return log.result();
  },
};
