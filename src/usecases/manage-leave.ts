import type { LeaveDay } from '../commands/leave-command.ts';
import { addDays, type Day, dayFromParts } from '../domain/days.ts';
import {
  checkLeaveRange,
  type LeaveType,
  leaveApprovers,
  leaveDaysWithin,
  leaveYearFor,
} from '../domain/leave.ts';
import { probationDeadline } from '../domain/probation.ts';
import { type Actor, canActFor, canAdministerRoster } from '../domain/roles.ts';
import { DomainError } from '../errors.ts';
import type { LeaveView } from '../store/leave-repository.ts';
import type { MemberView } from '../store/roster-repository.ts';
import type { Repositories } from '../store/store.ts';
import { type Acting, identifyActor, requireMember, todayFor, type UseCaseDeps } from './context.ts';

/**
 * Leave (请假): asked for by the member, or by their leader or a manager for them; approved by the
 * one above (src/domain/leave.ts: leaveApprovers). Whoever could approve it and asks for someone
 * else approves it in the same step. Every change is audited in its transaction.
 *
 * Probation: the plan's 7 days are days of training, so an approved leave inside an open
 * probation moves its deadline by the leave's calendar days within it (recorded as an extension).
 * Pay is untouched: the plan's pay rule has no leave term.
 */
export type LeaveOutcome = {
  leave: LeaveView;
  member: MemberView;
  /** Who should decide it (empty once it is approved). */
  approvers: MemberView[];
  /** How far the member's probation deadline moved, and to which day (undefined when it did not). */
  probationMoved: ProbationMove | undefined;
  today: Day;
};

function resolveLeaveDay(spec: LeaveDay, today: Day): Day {
  const day =
    spec.kind === 'relative'
      ? addDays(today, spec.daysAhead)
      : dayFromParts(spec.year ?? leaveYearFor(spec.month, spec.day, today), spec.month, spec.day);
  if (day === undefined)
    throw new DomainError('bad-day', {
      day: spec.kind === 'date' ? `${spec.month}-${spec.day}` : String(spec.daysAhead),
    });
  return day;
}

/** May `actor` decide the leave of `subject`? Not their own; a manager's only the director's. */
function canDecide(actor: Actor, subject: MemberView, leaderId: number | null): boolean {
  if (actor.memberId === subject.id) return false;
  if (subject.role === 'manager')
    return actor.bootstrapAdmin || actor.role === 'director' || actor.role === 'admin';
  if (canAdministerRoster(actor)) return true;
  return (
    actor.role === 'leader' && actor.status !== 'left' && leaderId !== null && actor.memberId === leaderId
  );
}

async function subjectOf(repos: Repositories, acting: Acting, memberRef: string | undefined) {
  const member =
    memberRef === undefined ? acting.member : await requireMember(repos, acting.team.id, memberRef);
  if (member === undefined) throw new DomainError('not-on-roster');
  if (member.status === 'left') throw new DomainError('member-left', { who: member.messengerUserId });
  if (!canActFor(acting.actor, { memberId: member.id, groupId: member.groupId ?? undefined }))
    throw new DomainError('leave-not-your-member', { who: member.messengerUserId });
  const groups = await repos.roster.groups(acting.team.id);
  const leaderOf = (groupId: number) => groups.find((g) => g.id === groupId)?.leaderId ?? null;
  return { member, leaderOf, leaderId: member.groupId === null ? null : leaderOf(member.groupId) };
}

export type ProbationMove = { days: number; deadline: Day };

/** Moves an open probation's deadline by the leave's days inside it. */
async function extendProbation(repos: Repositories, leave: LeaveView): Promise<ProbationMove | undefined> {
  const probation = await repos.careers.probationOf(leave.memberId);
  if (probation === undefined || probation.status !== 'open') return undefined;
  const days = leaveDaysWithin(leave, probation.startedOn, probation.deadline);
  if (days === 0) return undefined;
  const extensionDays = probation.extensionDays + days;
  const deadline = probationDeadline(probation.startedOn, extensionDays);
  await repos.careers.updateProbation(probation.id, { extensionDays, deadline });
  return { days, deadline };
}

export async function requestLeave(
  deps: UseCaseDeps,
  options: {
    actorId: string;
    memberRef?: string;
    from: LeaveDay;
    to?: LeaveDay;
    type: LeaveType;
    reason?: string;
  },
): Promise<LeaveOutcome> {
  return deps.store.transaction(async (repos) => {
    const acting = await identifyActor(repos, deps, options.actorId);
    const { member, leaderOf, leaderId } = await subjectOf(repos, acting, options.memberRef);
    const today = todayFor(deps, acting.team);
    const from = resolveLeaveDay(options.from, today);
    const to = options.to === undefined ? from : resolveLeaveDay(options.to, today);
    const problem = checkLeaveRange(from, to, today);
    if (problem !== undefined) throw new DomainError(problem, { from, to });
    const [clash] = await repos.leave.overlapping(member.id, from, to);
    if (clash !== undefined)
      throw new DomainError('leave-overlap', { from: clash.fromDay, to: clash.toDay, id: clash.id });
    const roster = (await repos.roster.members(acting.team.id)).filter((m) => m.id !== member.id);
    const above = leaveApprovers(member, roster, leaderOf);
    // Asked for someone by one who may decide it, or a director's own (nobody above): approved.
    const approved =
      canDecide(acting.actor, member, leaderId) || (above.length === 0 && acting.member?.id === member.id);
    const leave = await repos.leave.create({
      teamId: acting.team.id,
      memberId: member.id,
      fromDay: from,
      toDay: to,
      type: options.type,
      reason: options.reason ?? null,
      status: approved ? 'approved' : 'pending',
      requestedBy: options.actorId,
    });
    const probationMoved = approved ? await extendProbation(repos, leave) : undefined;
    const probationDays = probationMoved?.days ?? 0;
    await repos.audit.append({
      teamId: acting.team.id,
      actor: options.actorId,
      action: approved ? 'leave.approved' : 'leave.requested',
      subjectMemberId: member.id,
      detail: { leaveId: leave.id, from, to, type: options.type, probationDays },
    });
    const approvers = approved ? [] : roster.filter((m) => above.some((a) => a.id === m.id));
    return { leave, member, approvers, probationMoved, today };
  });
}

export type LeaveDecision = LeaveOutcome & { decidedBy: string; approve: boolean };

export async function decideLeave(
  deps: UseCaseDeps,
  options: { actorId: string; leaveId: number; approve: boolean; note?: string },
): Promise<LeaveDecision> {
  return deps.store.transaction(async (repos) => {
    const acting = await identifyActor(repos, deps, options.actorId);
    const leave = await repos.leave.byId(options.leaveId);
    if (leave === undefined || leave.teamId !== acting.team.id)
      throw new DomainError('leave-not-found', { id: options.leaveId });
    const member = await repos.roster.member(leave.memberId);
    const groups = await repos.roster.groups(acting.team.id);
    const leaderId = groups.find((g) => g.id === member.groupId)?.leaderId ?? null;
    if (!canDecide(acting.actor, member, leaderId))
      throw new DomainError(acting.actor.memberId === member.id ? 'leave-self' : 'leave-not-approver');
    const won = await repos.leave.decide(leave.id, {
      status: options.approve ? 'approved' : 'rejected',
      decidedBy: options.actorId,
      note: options.note ?? null,
    });
    if (!won) {
      const now = (await repos.leave.byId(leave.id)) ?? leave;
      throw new DomainError('leave-decided', {
        who: now.status === 'cancelled' ? now.requestedBy : (now.decidedBy ?? now.requestedBy),
        outcome: now.status,
      });
    }
    const decided = (await repos.leave.byId(leave.id)) ?? leave;
    const probationMoved = options.approve ? await extendProbation(repos, decided) : undefined;
    const probationDays = probationMoved?.days ?? 0;
    await repos.audit.append({
      teamId: acting.team.id,
      actor: options.actorId,
      action: options.approve ? 'leave.approved' : 'leave.rejected',
      subjectMemberId: member.id,
      detail: { leaveId: leave.id, note: options.note ?? null, probationDays },
    });
    return {
      leave: decided,
      member,
      approvers: [],
      probationMoved,
      today: todayFor(deps, acting.team),
      decidedBy: options.actorId,
      approve: options.approve,
    };
  });
}

/** Cancels the member's pending or approved leave that covers `day` (theirs, or as their leader/manager). */
export async function cancelLeave(
  deps: UseCaseDeps,
  options: { actorId: string; memberRef?: string; day: LeaveDay },
): Promise<{ leave: LeaveView; member: MemberView }> {
  return deps.store.transaction(async (repos) => {
    const acting = await identifyActor(repos, deps, options.actorId);
    const { member } = await subjectOf(repos, acting, options.memberRef);
    const today = todayFor(deps, acting.team);
    const day = resolveLeaveDay(options.day, today);
    const [leave] = await repos.leave.overlapping(member.id, day, day);
    if (leave === undefined) throw new DomainError('leave-none-on-day', { day });
    if (!(await repos.leave.cancel(leave.id))) throw new DomainError('leave-none-on-day', { day });
    await repos.audit.append({
      teamId: acting.team.id,
      actor: options.actorId,
      action: 'leave.cancelled',
      subjectMemberId: member.id,
      detail: { leaveId: leave.id, from: leave.fromDay, to: leave.toDay },
    });
    return { leave: { ...leave, status: 'cancelled' }, member };
  });
}

/**
 * Leave from today on that the asker may see: their own; a leader's group; a manager's (or the
 * director's, or an admin's) whole team. `decidable` holds the pending ones the asker may decide.
 */
export async function listLeave(
  deps: UseCaseDeps,
  options: { actorId: string },
): Promise<{
  today: Day;
  items: Array<{ leave: LeaveView; member: MemberView }>;
  decidable: ReadonlySet<number>;
}> {
  const acting = await identifyActor(deps.store, deps, options.actorId);
  const today = todayFor(deps, acting.team);
  const [leaves, members, groups] = await Promise.all([
    deps.store.leave.upcoming(acting.team.id, today),
    deps.store.roster.members(acting.team.id),
    deps.store.roster.groups(acting.team.id),
  ]);
  const byId = new Map(members.map((m) => [m.id, m]));
  const items = leaves.flatMap((leave) => {
    const member = byId.get(leave.memberId);
    if (member === undefined) return [];
    return canActFor(acting.actor, { memberId: member.id, groupId: member.groupId ?? undefined })
      ? [{ leave, member }]
      : [];
  });
  const leaderOf = (groupId: number | null) => groups.find((g) => g.id === groupId)?.leaderId ?? null;
  const decidable = new Set(
    items
      .filter(
        ({ leave, member }) =>
          leave.status === 'pending' && canDecide(acting.actor, member, leaderOf(member.groupId)),
      )
      .map(({ leave }) => leave.id),
  );
  return { today, items, decidable };
}

/** Where the approval requests went, so a decision can replace their buttons everywhere. */
export async function recordLeaveRequests(
  deps: UseCaseDeps,
  leaveId: number,
  refs: Array<{ channel: string; ts: string }>,
): Promise<void> {
  await deps.store.leave.setRequests(leaveId, refs);
}
