import { targetForPresence } from '../domain/leave.ts';
import { targetFor, targetsOn } from '../domain/targets.ts';
import { lastWorkingDayOfMonth, lastWorkingDayOfWeek } from '../domain/working-days.ts';
import { computePkBoard, isCompetitor, pkWinners } from '../usecases/compute-pk.ts';
import { winStreakNews } from '../usecases/milestones.ts';
import { goalStatus } from '../usecases/team-goals.ts';
import type { JobContext, JobDefinition } from './job.ts';
import { sendBoardImage } from './pk-image.ts';
import { createPostLog } from './posting.ts';

/**
 * The week's and the month's PK result, posted on the last working day of the period (Friday, or
 * Thursday when Friday is a holiday), with the winner recorded for the wins-and-streaks board.
 */
async function postPeriodResult(context: JobContext, period: 'week' | 'month') {
  const log = createPostLog(context, `${period}ly-pk`);
  const board = await computePkBoard(context.store, { teamId: context.team.id, period, day: context.day });
  const channel = context.team.pkChannelId ?? undefined;
  const to = channel === undefined ? undefined : { channel };
  // The month's result says whether the team goal was made, and by how much.
  const goal =
    period === 'month'
      ? await goalStatus(context.store, {
          teamId: context.team.id,
          day: context.day,
          dayOver: true,
          calendar: context.calendar,
        })
      : undefined;
  const posted = await log.send('team-board', to, {
    kind: 'pk-board',
    board,
    late: context.late,
    result: true,
    ...(goal === undefined ? {} : { goal }),
  });
  await sendBoardImage(context, log, posted, {
    board,
    result: true,
    ...(goal === undefined ? {} : { goal }),
  });
  const winners = pkWinners(board);
  await context.store.pk.recordWinners(context.team.id, period, board.key, winners);
  if (period === 'month') {
    const table = targetsOn(context.day, await context.store.settings.targetOverrides(context.team.id));
    const rows = board.members.flatMap((standing) => {
      const member = board.memberViews.get(standing.memberId);
      if (member === undefined || !isCompetitor(member, context.day)) return [];
      const full = targetFor(table, member.level, 'month');
      // Approved leave pro-rates the month's target by the days present (src/domain/leave.ts).
      const target = targetForPresence(full, board.leave, member.id, board.from, board.to, board.calendar);
      return [{ member, totals: standing.totals, target }];
    });
    await log.send('month-figures', to, { kind: 'month-figures', board, rows });
  }
  for (const milestone of await winStreakNews(context.store, context.team.id, period, board.key)) {
    await log.send('milestone', to, { kind: 'milestone', milestone });
  }
  return log.result();
}

export const weeklyPk: JobDefinition = {
  name: 'weekly-pk',
  defaultTime: '18:30',
  periodKey: (day, calendar) => (lastWorkingDayOfWeek(day, calendar) === day ? day : undefined),
  run: (context) => postPeriodResult(context, 'week'),
};

export const monthlyPk: JobDefinition = {
  name: 'monthly-pk',
  defaultTime: '19:00',
  periodKey: (day, calendar) => (lastWorkingDayOfMonth(day, calendar) === day ? day.slice(0, 7) : undefined),
  run: (context) => postPeriodResult(context, 'month'),
};
