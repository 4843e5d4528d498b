import { type Day, daysBetween } from '../domain/days.ts';
import type { LevelCode } from '../domain/levels.ts';
import { isProtected } from '../domain/probation.ts';
import { type Forecast, forecast, quarterContaining } from '../domain/quarter-review.ts';
import { canActFor } from '../domain/roles.ts';
import { proRata, targetFor, targetsOn } from '../domain/targets.ts';
import { countWorkingDays } from '../domain/working-days.ts';
import { DomainError } from '../errors.ts';
import type { LevelChangeView } from '../store/careers-repository.ts';
import type { MemberView } from '../store/roster-repository.ts';
import { identifyActor, requireMember, requireRosterAdmin, todayFor, type UseCaseDeps } from './context.ts';

export type LevelPicture = {
  member: MemberView;
  today: Day;
  quarterKey: string;
  amount: number;
  target: number;
  workingDaysLeft: number;
  forecast: Forecast | undefined;
  protectedUntil: Day | null;
  held: string | undefined;
  history: LevelChangeView[];
};

/**
 * `/level`: the member's level, this quarter's 业绩 against the target that moves them up, what is
 * still needed in the working days left (today included), and the whole level history. Members
 * see themselves, leaders their group, managers everyone.
 */
export async function showLevel(
  deps: UseCaseDeps,
  options: { actorId: string; memberRef?: string },
): Promise<LevelPicture> {
  const repos = deps.store;
  const acting = await identifyActor(repos, deps, options.actorId);
  const member = await requireMember(repos, acting.team.id, options.memberRef ?? options.actorId);
  if (!canActFor(acting.actor, { memberId: member.id, groupId: member.groupId ?? undefined })) {
    throw new DomainError('level-not-your-member', { who: member.messengerUserId });
  }
  const today = todayFor(deps, acting.team);
  const quarter = quarterContaining(today);
  const [totals, overrides, calendar, holds, history] = await Promise.all([
    repos.activity.memberTotals(member.id, quarter.from, quarter.to),
    repos.settings.targetOverrides(acting.team.id),
    repos.calendar.settings(acting.team.id),
    repos.careers.holds(acting.team.id, quarter.key),
    repos.careers.levelHistory(member.id),
  ]);
  const inQuarter = countWorkingDays(quarter.from, quarter.to, calendar);
  const full = targetFor(targetsOn(today, overrides), member.level, 'quarter');
  // Pro rata as the review will judge it: a member who joined this quarter owes its working days since 入司.
  const target =
    member.joinedOn !== null && member.joinedOn > quarter.from
      ? proRata(full, countWorkingDays(member.joinedOn, quarter.to, calendar), inQuarter)
      : full;
  const workingDaysLeft = countWorkingDays(today, quarter.to, calendar);
  return {
    member,
    today,
    quarterKey: quarter.key,
    amount: totals.amount,
    target: target.amount,
    workingDaysLeft,
    forecast:
      member.joinedOn === null
        ? undefined
        : forecast({
            level: member.level,
            actual: totals,
            target,
            workingDaysLeft,
            workingDaysInQuarter: inQuarter,
            protectedAtQuarterEnd: isProtected(quarter.to, member.protectionEndsOn),
          }),
    protectedUntil:
      member.protectionEndsOn !== null && daysBetween(today, member.protectionEndsOn) > 0
        ? member.protectionEndsOn
        : null,
    held: holds.get(member.id),
    history,
  };
}

/** A manager sets a level by hand, with a reason; it lands in the level history. */
export async function setLevel(
  deps: UseCaseDeps,
  options: { actorId: string; memberRef: string; level: LevelCode; reason: string },
): Promise<{ member: MemberView; from: LevelCode }> {
  return deps.store.transaction(async (repos) => {
    const acting = await identifyActor(repos, deps, options.actorId);
    requireRosterAdmin(acting);
    const member = await requireMember(repos, acting.team.id, options.memberRef);
    if (member.status === 'left') throw new DomainError('member-left', { who: member.messengerUserId });
    const updated = await repos.roster.updateMember(member.id, { level: options.level });
    await repos.roster.addLevelChange({
      memberId: member.id,
      fromLevel: member.level,
      toLevel: options.level,
      reason: 'manual',
      note: options.reason,
      decidedById: acting.member?.id ?? null,
    });
    await repos.audit.append({
      teamId: acting.team.id,
      actor: options.actorId,
      action: 'level.set',
      subjectMemberId: member.id,
      detail: { from: member.level, to: options.level, reason: options.reason },
    });
    return { member: updated, from: member.level };
  });
}

/**
 * A manager holds a member out of the coming quarter review (the quarter containing today): the
 * level stays whatever the figures. The override is audited; `release` removes it.
 */
export async function holdForReview(
  deps: UseCaseDeps,
  options: { actorId: string; memberRef: string; reason: string | undefined; release: boolean },
): Promise<{ member: MemberView; quarterKey: string; held: boolean }> {
  return deps.store.transaction(async (repos) => {
    const acting = await identifyActor(repos, deps, options.actorId);
    requireRosterAdmin(acting);
    const member = await requireMember(repos, acting.team.id, options.memberRef);
    const quarter = quarterContaining(todayFor(deps, acting.team));
    if (options.release) await repos.careers.removeHold(acting.team.id, quarter.key, member.id);
    else
      await repos.careers.setHold({
        teamId: acting.team.id,
        quarterKey: quarter.key,
        memberId: member.id,
        reason: options.reason ?? '',
        heldBy: options.actorId,
      });
    await repos.audit.append({
      teamId: acting.team.id,
      actor: options.actorId,
      action: options.release ? 'review.released' : 'review.held',
      subjectMemberId: member.id,
      detail: { quarter: quarter.key, reason: options.reason ?? null },
    });
    return { member, quarterKey: quarter.key, held: !options.release };
  });
}
