import { isWorkingDay } from '../domain/working-days.ts';
import { computePkBoard, notLoggedIn } from '../usecases/compute-pk.ts';
import type { JobDefinition } from './job.ts';
import { createPostLog } from './posting.ts';
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
    for (const behind of [...board.behind.values()].flat()) {
      await log.send(
        'agent-nudge',
        { member: behind.member },
        {
          kind: 'agent-nudge',
          day: context.day,
          missing: behind.logged ? behind.missing : undefined,
          minutesLeft,
        },
      );
    }
    for (const group of board.groupViews) {
      if (group.leaderId === null) continue;
      const leader = board.memberViews.get(group.leaderId);
      if (leader === undefined || leader.status === 'left') continue;
      const notLogged = notLoggedIn(board, group.id);
      await log.send(
        'leader-standing',
        { member: leader },
        { kind: 'leader-standing', board, groupId: group.id, notLogged, minutesLeft },
      );
    }
    return log.result();
  },
};
