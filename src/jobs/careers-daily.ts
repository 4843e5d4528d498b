import { ZERO_TOTALS } from '../domain/metrics.ts';
import { probationReminders, protectionEndingSoon, readyForSignOff } from '../domain/probation.ts';
import { atRiskOfDemotion, quarterContaining } from '../domain/quarter-review.ts';
import { targetFor, targetsOn } from '../domain/targets.ts';
import { countWorkingDays, isWorkingDay, previousWorkingDay } from '../domain/working-days.ts';
import type { ProbationView } from '../store/careers-repository.ts';
import type { MemberView } from '../store/roster-repository.ts';
import type { JobContext, JobDefinition } from './job.ts';
import { createPostLog, type JobPost } from './posting.ts';

/**
 * Every morning: probation reminders (day 5 to the leader while items are open; the deadline day
 * to the managers; the day after an unsigned deadline to the director), a note to members (and
 * their leaders) whose protection period ends in a week, and, on the working day when two thirds
 * of the quarter have passed, a warning to each member at risk of demotion and to their leader.
 */
export const careersDaily: JobDefinition = {
  name: 'careers-daily',
  defaultTime: '09:15',
  periodKey: (day) => day,
  async run(context) {
    const log = createPostLog(context, 'careers-daily');
    const members = await context.store.roster.members(context.team.id);
    const byId = new Map(members.map((m) => [m.id, m]));
    const groups = await context.store.roster.groups(context.team.id);
    const leaderIds = new Map(groups.map((g) => [g.id, g.leaderId]));
    const leaderOf = (m: MemberView) => {
      const id = m.groupId === null ? undefined : leaderIds.get(m.groupId);
      const leader = id === undefined || id === null ? undefined : byId.get(id);
      return leader !== undefined && leader.status !== 'left' && leader.id !== m.id ? leader : undefined;
    };
    // Every DM of the morning, in order; sent a few at a time, each person's in this order.
    const posts: JobPost[] = [];
    const managers = members.filter((m) => m.role === 'manager' && m.status !== 'left');
    const directors = members.filter((m) => m.role === 'director' && m.status !== 'left');

    // Deadline reminders go to the same people (the managers, the directors) for every probation:
    // a morning's are combined into one message per kind, so that a cohort hired on one day does
    // not send each manager a message per hire (WeCom drops what is over 30 a minute).
    const deadlines = new Map<
      'managers-deadline' | 'director-overdue',
      { to: MemberView[]; reminders: Array<{ member: MemberView; probation: ProbationView }> }
    >();
    for (const probation of await context.store.careers.openProbations(context.team.id)) {
      const member = byId.get(probation.memberId);
      if (member === undefined) continue;
      const reminders = probationReminders({
        hiredOn: probation.startedOn,
        deadline: probation.deadline,
        today: context.day,
        allItemsDone: readyForSignOff(probation.itemsDone),
        decided: false,
      });
      for (const reminder of reminders) {
        const to =
          reminder === 'leader-day-5'
            ? [leaderOf(member) ?? managers[0]]
            : reminder === 'managers-deadline'
              ? managers
              : directors.length > 0
                ? directors
                : managers;
        const people = to.filter((person) => person !== undefined);
        if (people.length === 0) continue;
        if (reminder !== 'leader-day-5') {
          const due = deadlines.get(reminder) ?? { to: people, reminders: [] };
          due.reminders.push({ member, probation });
          deadlines.set(reminder, due);
          continue;
        }
        posts.push({
          kind: 'probation-reminder',
          to: { members: people },
          message: { kind: 'probation-reminder', reminder, member, probation },
        });
      }
    }

    for (const [reminder, due] of deadlines) {
      const [only] = due.reminders;
      posts.push({
        kind: 'probation-reminder',
        to: { members: due.to },
        message:
          due.reminders.length === 1 && only !== undefined
            ? { kind: 'probation-reminder', reminder, ...only }
            : {
                kind: 'probation-reminders',
                reminders: due.reminders.map((r) => ({ reminder, ...r })),
              },
      });
    }

    for (const member of members.filter(
      (m) => m.status === 'active' && protectionEndingSoon(context.day, m.protectionEndsOn),
    )) {
      const endsOn = member.protectionEndsOn;
      if (endsOn === null) continue;
      const message = { kind: 'protection-ending', member, endsOn } as const;
      const leader = leaderOf(member);
      posts.push({
        kind: 'protection-ending',
        to: { members: leader === undefined ? [member] : [member, leader] },
        message,
      });
    }

    posts.push(...(await atRiskWarnings(context, members, leaderOf)));
    await log.sendAll(posts);
    return log.result();
  },
};

/** The demotion-risk warnings, to each member at risk and their leader, on the day they are due. */
async function atRiskWarnings(
  context: JobContext,
  members: readonly MemberView[],
  leaderOf: (m: MemberView) => MemberView | undefined,
): Promise<JobPost[]> {
  const quarter = quarterContaining(context.day);
  if (!isWorkingDay(context.day, context.calendar)) return [];
  const inQuarter = countWorkingDays(quarter.from, quarter.to, context.calendar);
  const elapsed = (day: typeof context.day) => countWorkingDays(quarter.from, day, context.calendar);
  // The first working day on which two thirds of the quarter's working days have passed.
  const crossed = (day: typeof context.day) => elapsed(day) * 3 >= inQuarter * 2;
  if (
    !crossed(context.day) ||
    (context.day > quarter.from && crossed(previousWorkingDay(context.day, context.calendar)))
  )
    return [];
  const [sums, overrides] = await Promise.all([
    context.store.activity.teamMemberTotals(context.team.id, quarter.from, context.day),
    context.store.settings.targetOverrides(context.team.id),
  ]);
  const table = targetsOn(context.day, overrides);
  const workingDaysElapsed = elapsed(context.day);
  const workingDaysLeft = inQuarter - workingDaysElapsed;
  const posts: JobPost[] = [];
  for (const member of members) {
    if (
      member.status !== 'active' ||
      member.joinedOn === null ||
      (member.role !== 'agent' && member.role !== 'leader')
    )
      continue;
    if (member.protectionEndsOn !== null && quarter.to < member.protectionEndsOn) continue;
    const actual = sums.get(member.id) ?? { ...ZERO_TOTALS };
    const target = targetFor(table, member.level, 'quarter');
    if (
      !atRiskOfDemotion({
        actual,
        target,
        workingDaysElapsed,
        workingDaysInQuarter: inQuarter,
      })
    )
      continue;
    const message = {
      kind: 'demotion-risk',
      member,
      amount: actual.amount,
      target: target.amount,
      workingDaysLeft,
    } as const;
    posts.push({ kind: 'demotion-risk', to: { member }, message: { ...message, forLeader: false } });
    const leader = leaderOf(member);
    if (leader !== undefined)
      posts.push({ kind: 'demotion-risk', to: { member: leader }, message: { ...message, forLeader: true } });
  }
  return posts;
}
