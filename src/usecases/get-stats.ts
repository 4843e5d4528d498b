import type { Day } from '../domain/days.ts';
import { indexLeave, targetForPresence } from '../domain/leave.ts';
import { addTotals, type MetricTotals, ZERO_TOTALS } from '../domain/metrics.ts';
import { canActFor, canAdministerRoster } from '../domain/roles.ts';
import { type Period, targetFor, targetsOn } from '../domain/targets.ts';
import { DomainError } from '../errors.ts';
import type { GroupView, MemberView } from '../store/roster-repository.ts';
import type { Repositories } from '../store/store.ts';
import { pkRange } from './compute-pk.ts';
import { identifyActor, requireGroup, todayFor, type UseCaseDeps } from './context.ts';

export type PeriodProgress = {
  period: Period;
  from: Day;
  to: Day;
  totals: MetricTotals;
  target: MetricTotals;
};
export type MemberStats = { subject: MemberView; today: Day; periods: PeriodProgress[] };

export const ALL_PERIODS: readonly Period[] = ['day', 'week', 'month', 'quarter'];

/** The calendar period containing `today`: the day, its Monday-to-Sunday week, month or quarter. */
export function periodRange(period: Period, today: Day): { from: Day; to: Day } {
  const { from, to } = pkRange(period, today);
  return { from, to };
}

/**
 * A member's totals for each asked period against the targets of their level (as in force
 * today). Members see themselves; leaders their group; managers, the director and admins anyone.
 */
export async function getMemberStats(
  deps: UseCaseDeps,
  options: { actorId: string; memberRef?: string | undefined; periods: readonly Period[] },
): Promise<MemberStats> {
  const repos = deps.store;
  const acting = await identifyActor(repos, deps, options.actorId);
  const subject = await visibleMember(
    repos,
    acting.actor,
    acting.team.id,
    options.memberRef ?? options.actorId,
  );
  const today = todayFor(deps, acting.team);
  const widest = periodRange('quarter', today);
  const [overrides, leave, calendar] = await Promise.all([
    repos.settings.targetOverrides(acting.team.id),
    repos.leave.approvedIn(acting.team.id, widest.from, widest.to),
    repos.calendar.settings(acting.team.id),
  ]);
  const table = targetsOn(today, overrides);
  // Approved leave pro-rates the week's, month's and quarter's targets by the days present.
  const leaveIndex = indexLeave(leave.filter((span) => span.memberId === subject.id));
  const periods = await Promise.all(
    options.periods.map(async (period) => {
      const { from, to } = periodRange(period, today);
      const totals = await repos.activity.memberTotals(subject.id, from, to);
      const full = targetFor(table, subject.level, period);
      const target =
        period === 'day' ? full : targetForPresence(full, leaveIndex, subject.id, from, to, calendar);
      return { period, from, to, totals, target };
    }),
  );
  return { subject, today, periods };
}

async function visibleMember(
  repos: Repositories,
  actor: Parameters<typeof canActFor>[0],
  teamId: number,
  messengerUserId: string,
): Promise<MemberView> {
  const member = await repos.roster.memberByMessengerId(messengerUserId);
  if (member === undefined || member.teamId !== teamId) {
    throw new DomainError(actor.memberId === undefined ? 'not-on-roster' : 'member-not-found', {
      who: messengerUserId,
    });
  }
  if (!canActFor(actor, { memberId: member.id, groupId: member.groupId ?? undefined })) {
    throw new DomainError('stats-not-your-member', { who: messengerUserId });
  }
  return member;
}

export type GroupStats = {
  group: GroupView;
  period: Period;
  from: Day;
  to: Day;
  members: Array<{ member: MemberView; totals: MetricTotals }>;
  totals: MetricTotals;
  headcount: number;
};

/**
 * A group's totals and members over a period, summed by the store in one query. Every member
 * may see their own group (the PK board is public anyway); managers see any group.
 */
export async function getGroupStats(
  deps: UseCaseDeps,
  options: { actorId: string; groupName: string | undefined; period: Period },
): Promise<GroupStats | undefined> {
  const repos = deps.store;
  const acting = await identifyActor(repos, deps, options.actorId);
  let group: GroupView | undefined;
  if (options.groupName !== undefined) {
    group = await requireGroup(repos, acting.team.id, options.groupName);
    const own = acting.member?.groupId === group.id;
    if (!own && !canAdministerRoster(acting.actor)) {
      throw new DomainError('not-permitted');
    }
  } else {
    if (acting.member === undefined) throw new DomainError('not-on-roster');
    if (acting.member.groupId === null) return undefined;
    group = (await repos.roster.groups(acting.team.id)).find((g) => g.id === acting.member?.groupId);
  }
  if (group === undefined) return undefined;
  const today = todayFor(deps, acting.team);
  const { from, to } = periodRange(options.period, today);
  const [members, sums] = await Promise.all([
    repos.roster.members(acting.team.id),
    repos.activity.teamMemberTotals(acting.team.id, from, to),
  ]);
  const inGroup = members.filter((m) => m.groupId === group.id && m.status !== 'left');
  const rows = inGroup.map((member) => ({ member, totals: sums.get(member.id) ?? { ...ZERO_TOTALS } }));
  const totals = rows.reduce((sum, row) => addTotals(sum, row.totals), { ...ZERO_TOTALS });
  return { group, period: options.period, from, to, members: rows, totals, headcount: inGroup.length };
}
