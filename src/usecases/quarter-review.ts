import { type Day, laterDay } from '../domain/days.ts';
import { indexLeave, leaveWorkingDays } from '../domain/leave.ts';
import { ZERO_TOTALS } from '../domain/metrics.ts';
import { evaluateQuarter, type Quarter, type ReviewResult } from '../domain/quarter-review.ts';
import { targetFor, targetsOn } from '../domain/targets.ts';
import type { MemberView } from '../store/roster-repository.ts';
import type { Repositories, Store } from '../store/store.ts';

export type QuarterReview = { quarter: Quarter; results: Array<ReviewResult & { member: MemberView }> };

/**
 * Judges every active member on the quarter just ended, against their level's quarter target as
 * in force on its last day; members on probation are not judged, holds keep the level. The sums
 * come from one query; the rule itself is src/domain/quarter-review.ts.
 */
export async function judgeQuarter(
  repos: Repositories,
  teamId: number,
  quarter: Quarter,
): Promise<QuarterReview> {
  const [members, sums, overrides, calendar, holds, leave] = await Promise.all([
    repos.roster.members(teamId),
    repos.activity.activeMemberTotals(teamId, quarter.from, quarter.to),
    repos.settings.targetOverrides(teamId),
    repos.calendar.settings(teamId),
    repos.careers.holds(teamId, quarter.key),
    repos.leave.approvedIn(teamId, quarter.from, quarter.to),
  ]);
  const leaveIndex = indexLeave(leave);
  const judged = members.filter((m) => m.status === 'active' && (m.role === 'agent' || m.role === 'leader'));
  const table = targetsOn(quarter.to, overrides);
  const results = evaluateQuarter({
    quarter,
    calendar,
    targetFor: (level) => targetFor(table, level, 'quarter'),
    members: judged.map((m) => {
      const hold = holds.get(m.id);
      return {
        memberId: m.id,
        level: m.level,
        joinedOn: m.joinedOn,
        protectionEndsOn: m.protectionEndsOn,
        actual: sums.get(m.id) ?? { ...ZERO_TOTALS },
        ...(hold === undefined ? {} : { hold: { reason: hold } }),
        ...(leaveIndex.has(m.id) && m.joinedOn !== null
          ? {
              leaveDays: leaveWorkingDays(
                leaveIndex,
                m.id,
                laterDay(m.joinedOn, quarter.from),
                quarter.to,
                calendar,
              ),
            }
          : {}),
      };
    }),
  });
  const byId = new Map(judged.map((m) => [m.id, m]));
  return {
    quarter,
    results: results.flatMap((r) => {
      const member = byId.get(r.memberId);
      return member === undefined ? [] : [{ ...r, member }];
    }),
  };
}

/**
 * Applies a quarter's review in one transaction: every level change and its history row, or none
 * (a failure midway rolls everything back). Returns the review as applied.
 */
export async function applyQuarterReview(
  store: Store,
  options: { teamId: number; quarter: Quarter; day: Day },
): Promise<QuarterReview> {
  return store.transaction(async (repos) => {
    const review = await judgeQuarter(repos, options.teamId, options.quarter);
    const changed = review.results.filter((r) => r.to !== r.from);
    await repos.roster.setLevels(changed.map((r) => ({ memberId: r.member.id, level: r.to })));
    await repos.roster.addLevelChanges(
      changed.map((r) => ({
        memberId: r.member.id,
        fromLevel: r.from,
        toLevel: r.to,
        reason: r.outcome === 'promoted' ? 'quarter-promotion' : 'quarter-demotion',
        quarter: options.quarter.key,
        decidedById: null,
      })),
    );
    await repos.audit.append({
      teamId: options.teamId,
      actor: 'system',
      action: 'quarter-review.applied',
      detail: {
        quarter: options.quarter.key,
        day: options.day,
        changes: review.results
          .filter((r) => r.to !== r.from)
          .map((r) => ({ member: r.member.id, from: r.from, to: r.to })),
        held: review.results.filter((r) => r.outcome === 'held').map((r) => r.member.id),
      },
    });
    return review;
  });
}
