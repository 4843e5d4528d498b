import { addDays, startOfMonth } from '../domain/days.ts';
import { isDecider } from '../domain/roles.ts';
import { firstWorkingDayOfMonth } from '../domain/working-days.ts';
import { closeMonth } from '../usecases/pay-statements.ts';
import type { JobDefinition } from './job.ts';
import { createPostLog, type JobPost } from './posting.ts';

/**
 * The month close, on the first working day of the next month: every statement of the month is
 * frozen in one transaction (later rule changes do not alter it), the managers and the director
 * get the team summary, and each member their statement.
 */
export const monthClose: JobDefinition = {
  name: 'month-close',
  defaultTime: '10:30',
  periodKey: (day, calendar) =>
    firstWorkingDayOfMonth(day, calendar) === day ? addDays(startOfMonth(day), -1).slice(0, 7) : undefined,
  async run(context) {
    const log = createPostLog(context, 'month-close');
    const month = addDays(startOfMonth(context.day), -1).slice(0, 7);
    const pay = await context.store.transaction((repos) => closeMonth(repos, context.team, month));
    const members = await context.store.roster.members(context.team.id);
    const posts: JobPost[] = [
      {
        kind: 'pay-summary',
        to: { members: members.filter(isDecider) },
        message: { kind: 'pay-summary', pay },
      },
    ];
    for (const row of pay.rows) {
      if (row.member.status === 'left') continue;
      posts.push({
        kind: 'pay-statement',
        to: { member: row.member },
        message: { kind: 'pay-statement', member: row.member, month, statement: row.statement, closed: true },
      });
    }
    // A manager paid by rule gets the summary before their own statement (one lane per person).
    await log.sendAll(posts);
    return log.result({ month, statements: pay.rows.length, totalFen: pay.totalFen });
  },
};
