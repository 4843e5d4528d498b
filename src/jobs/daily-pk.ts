import { isWorkingDay } from '../domain/working-days.ts';
import { computePkBoard, pkWinners, snapshotOf } from '../usecases/compute-pk.ts';
import { winStreakNews } from '../usecases/milestones.ts';
import { goalStatus } from '../usecases/team-goals.ts';
import type { JobDefinition } from './job.ts';
import { sendBoardImage } from './pk-image.ts';
import { createPostLog } from './posting.ts';

/** 18:00 on working days: the daily group PK to the team channel and a short post to each group. */
export const dailyPk: JobDefinition = {
  name: 'daily-pk',
  defaultTime: '18:00',
  periodKey: (day, calendar) => (isWorkingDay(day, calendar) ? day : undefined),
  async run(context) {
    const log = createPostLog(context, 'daily-pk');
    const board = await computePkBoard(context.store, {
      teamId: context.team.id,
      period: 'day',
      day: context.day,
    });
    // The board is the day's result: its day counts as done for what the goal still needs.
    const goal = await goalStatus(context.store, {
      teamId: context.team.id,
      day: context.day,
      dayOver: true,
      calendar: context.calendar,
    });
    const channel = context.team.pkChannelId ?? undefined;
    const to = channel === undefined ? undefined : { channel };
    const posted = await log.send('team-board', to, {
      kind: 'pk-board',
      board,
      late: context.late,
      result: false,
      ...(goal === undefined ? {} : { goal }),
    });
    await sendBoardImage(context, log, posted, {
      board,
      result: false,
      ...(goal === undefined ? {} : { goal }),
    });
    for (const group of board.groupViews) {
      if (group.channelId === null) continue;
      await log.send(
        'group-board',
        { channel: group.channelId },
        { kind: 'group-pk', board, groupId: group.id, late: context.late },
        { groupId: group.id },
      );
    }
    const winners = pkWinners(board);
    await context.store.pk.recordWinners(context.team.id, 'day', board.key, winners);
    for (const milestone of await winStreakNews(context.store, context.team.id, 'day', board.key)) {
      await log.send('milestone', channel === undefined ? undefined : { channel }, {
        kind: 'milestone',
        milestone,
      });
    }
    return log.result(snapshotOf(board));
  },
};
