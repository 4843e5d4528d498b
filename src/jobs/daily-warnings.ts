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
    const behind = [...board.behind.values()].flat();
    // Everyone with nothing logged gets the same nudge: one post to all of them, which WeCom and
    // DingTalk send in a few calls. A nudge that says what is missing differs per person.
    const silent = behind.filter((b) => !b.logged).map((b) => b.member);
    const posts: JobPost[] = [];
    if (silent.length > 0)
      posts.push({
        kind: 'agent-nudge',
        to: { members: silent },
        message: { kind: 'agent-nudge', day: context.day, missing: undefined, minutesLeft },
      });
    for (const b of behind) {
      if (!b.logged) continue;
      posts.push({
        kind: 'agent-nudge',
        to: { member: b.member },
        message: { kind: 'agent-nudge', day: context.day, missing: b.missing, minutesLeft },
      });
    }
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
