import { addDays } from '../domain/days.ts';
import { previousQuarter, quarterContaining } from '../domain/quarter-review.ts';
import { isDecider } from '../domain/roles.ts';
import { firstWorkingDayOfQuarter, lastWorkingDayOfMonth } from '../domain/working-days.ts';
import { applyQuarterReview, judgeQuarter } from '../usecases/quarter-review.ts';
import type { JobDefinition } from './job.ts';
import { createPostLog, type JobPost } from './posting.ts';

/**
 * The quarter review runs on the first working day of a quarter and judges the quarter just
 * ended; the managers see a preview the working day before (the quarter's last working day) and
 * may hold a member (`/team hold @member 原因`) until the review runs.
 */
export const quarterPreview: JobDefinition = {
  name: 'quarter-preview',
  defaultTime: '10:00',
  periodKey: (day, calendar) => {
    const quarter = quarterContaining(day);
    return lastWorkingDayOfMonth(quarter.to, calendar) === day ? quarter.key : undefined;
  },
  async run(context) {
    const log = createPostLog(context, 'quarter-preview');
    const quarter = quarterContaining(context.day);
    const review = await judgeQuarter(context.store, context.team.id, quarter);
    const reviewDay =
      firstWorkingDayOfQuarter(addDays(quarter.to, 1), context.calendar) ?? addDays(quarter.to, 1);
    const members = await context.store.roster.members(context.team.id);
    await log.sendAll([
      {
        kind: 'quarter-preview',
        to: { members: members.filter(isDecider) },
        message: { kind: 'quarter-preview', review, reviewDay },
      },
    ]);
    return log.result();
  },
};

export const quarterReview: JobDefinition = {
  name: 'quarter-review',
  defaultTime: '10:00',
  periodKey: (day, calendar) =>
    firstWorkingDayOfQuarter(day, calendar) === day ? previousQuarter(day).key : undefined,
  async run(context) {
    const log = createPostLog(context, 'quarter-review');
    const review = await applyQuarterReview(context.store, {
      teamId: context.team.id,
      quarter: previousQuarter(context.day),
      day: context.day,
    });
    const channel = context.team.pkChannelId;
    await log.send('quarter-results', channel === null ? undefined : { channel }, {
      kind: 'quarter-results',
      review,
    });
    const posts: JobPost[] = review.results.map((result) => ({
      kind: 'quarter-result',
      to: { member: result.member },
      message: { kind: 'quarter-result', quarter: review.quarter, result },
    }));
    if (review.results.some((r) => r.outcome === 'flag-for-review')) {
      const members = await context.store.roster.members(context.team.id);
      posts.push({
        kind: 'quarter-flags',
        to: { members: members.filter(isDecider) },
        message: { kind: 'quarter-flags', review },
      });
    }
    await log.sendAll(posts);
    return log.result({
      quarter: review.quarter.key,
      changes: review.results.filter((r) => r.to !== r.from).length,
    });
  },
};
