import type { Day } from '../domain/days.ts';
import {
  canTick,
  probationDeadline,
  protectionEndsOn,
  readyForSignOff,
  type TrainingItem,
} from '../domain/probation.ts';
import { canActFor, isDecider } from '../domain/roles.ts';
import { DomainError } from '../errors.ts';
import type { ProbationView } from '../store/careers-repository.ts';
import type { MemberView } from '../store/roster-repository.ts';
import type { Repositories } from '../store/store.ts';
import { type Acting, identifyActor, requireMember, todayFor, type UseCaseDeps } from './context.ts';

/**
 * Probation (试用期) in chat: a new hire's five training items are ticked by their leader or a
 * manager; when all five are done the managers are asked to sign off. Only managers and the
 * director decide, never for themselves, and each probation is decided once.
 */
export type ProbationState = { member: MemberView; probation: ProbationView };

/** Starts the probation of a hire added on probation; called inside addMember's transaction. */
export async function startProbation(repos: Repositories, member: MemberView): Promise<ProbationView> {
  return repos.careers.createProbation({
    teamId: member.teamId,
    memberId: member.id,
    startedOn: member.hiredOn,
    deadline: probationDeadline(member.hiredOn, 0),
  });
}

async function probationFor(
  repos: Repositories,
  acting: Acting,
  target: { memberRef?: string; probationId?: number },
): Promise<ProbationState> {
  if (target.probationId !== undefined) {
    const probation = await repos.careers.probation(target.probationId);
    if (probation === undefined || probation.teamId !== acting.team.id)
      throw new DomainError('probation-not-found', { who: target.memberRef ?? '-' });
    return { probation, member: await repos.roster.member(probation.memberId) };
  }
  const member = await requireMember(repos, acting.team.id, target.memberRef ?? '');
  const probation = await repos.careers.probationOf(member.id);
  if (probation === undefined) throw new DomainError('probation-not-found', { who: member.messengerUserId });
  return { probation, member };
}

/** Leaders tick for their own group, managers for anyone. */
function requireTicker(acting: Acting, member: MemberView): void {
  const leaderOrManager =
    acting.actor.role === 'leader' ||
    acting.actor.role === 'manager' ||
    acting.actor.role === 'director' ||
    acting.actor.role === 'admin' ||
    acting.actor.bootstrapAdmin;
  if (
    !leaderOrManager ||
    !canActFor(acting.actor, { memberId: member.id, groupId: member.groupId ?? undefined })
  ) {
    throw new DomainError('probation-not-your-member', { who: member.messengerUserId });
  }
}

function requireOpen(state: ProbationState): void {
  if (state.probation.status !== 'open') {
    throw new DomainError('probation-decided', {
      who: state.probation.decidedBy ?? '-',
      outcome: state.probation.status,
    });
  }
}

export type TickOutcome = ProbationState & { item: TrainingItem; readyForSignOff: boolean };

export async function tickTrainingItem(
  deps: UseCaseDeps,
  options: { actorId: string; memberRef?: string; probationId?: number; item: TrainingItem },
): Promise<TickOutcome> {
  return deps.store.transaction(async (repos) => {
    const acting = await identifyActor(repos, deps, options.actorId);
    const state = await probationFor(repos, acting, options);
    requireTicker(acting, state.member);
    requireOpen(state);
    const check = canTick(options.item, state.probation.itemsDone);
    if (!check.ok)
      throw new DomainError(
        check.reason === 'already-done' ? 'probation-item-done' : 'probation-drill-first',
        { item: options.item },
      );
    const itemsDone = new Set([...state.probation.itemsDone, options.item]);
    const probation = await repos.careers.updateProbation(state.probation.id, { itemsDone });
    await repos.audit.append({
      teamId: acting.team.id,
      actor: options.actorId,
      action: 'probation.ticked',
      subjectMemberId: state.member.id,
      detail: { item: options.item },
    });
    return {
      member: state.member,
      probation,
      item: options.item,
      readyForSignOff: readyForSignOff(itemsDone),
    };
  });
}

/** The probation of a member, or every open one in the actor's scope. */
export async function showProbations(
  deps: UseCaseDeps,
  options: { actorId: string; memberRef?: string },
): Promise<{ states: ProbationState[]; today: Day }> {
  const acting = await identifyActor(deps.store, deps, options.actorId);
  const today = todayFor(deps, acting.team);
  if (options.memberRef !== undefined) {
    const state = await probationFor(deps.store, acting, { memberRef: options.memberRef });
    if (state.member.messengerUserId !== options.actorId) requireTicker(acting, state.member);
    return { states: [state], today };
  }
  const open = await deps.store.careers.openProbations(acting.team.id);
  const states: ProbationState[] = [];
  for (const probation of open) {
    const member = await deps.store.roster.member(probation.memberId);
    if (canActFor(acting.actor, { memberId: member.id, groupId: member.groupId ?? undefined }))
      states.push({ member, probation });
  }
  return { states, today };
}

export type Decision =
  | { kind: 'approve' }
  | { kind: 'reject'; reason: string }
  | { kind: 'extend'; days: number; reason: string };
export type DecisionOutcome = ProbationState & { decision: Decision; decidedBy: string; today: Day };

/**
 * A manager's or the director's decision. Approve (all five items done): the hire joins the
 * company (入司) today, their protection period starts and the level history records it. Extend:
 * more days, with a reason; the probation stays open. Reject: the member leaves, with the reason.
 */
export async function decideProbation(
  deps: UseCaseDeps,
  options: { actorId: string; memberRef?: string; probationId?: number; decision: Decision },
): Promise<DecisionOutcome> {
  return deps.store.transaction(async (repos) => {
    const acting = await identifyActor(repos, deps, options.actorId);
    const state = await probationFor(repos, acting, options);
    if (acting.actor.role !== 'manager' && acting.actor.role !== 'director')
      throw new DomainError('probation-managers-only');
    if (acting.actor.status === 'left') throw new DomainError('probation-managers-only');
    if (state.member.messengerUserId === options.actorId) throw new DomainError('probation-self');
    requireOpen(state);
    const today = todayFor(deps, acting.team);
    const { decision } = options;
    let member = state.member;
    let probation = state.probation;
    if (decision.kind === 'extend') {
      if (!Number.isInteger(decision.days) || decision.days < 1 || decision.days > 30)
        throw new DomainError('probation-extend-days');
      const extensionDays = probation.extensionDays + decision.days;
      probation = await repos.careers.updateProbation(probation.id, {
        extensionDays,
        deadline: probationDeadline(probation.startedOn, extensionDays),
        note: decision.reason,
      });
    } else {
      if (decision.kind === 'approve' && !readyForSignOff(probation.itemsDone))
        throw new DomainError('probation-items-open', { who: member.messengerUserId });
      const status = decision.kind === 'approve' ? 'approved' : 'rejected';
      const won = await repos.careers.decideProbation(probation.id, {
        status,
        decidedBy: options.actorId,
        ...(decision.kind === 'reject' ? { note: decision.reason } : {}),
      });
      if (!won) {
        const now = await repos.careers.probation(probation.id);
        throw new DomainError('probation-decided', {
          who: now?.decidedBy ?? '-',
          outcome: now?.status ?? '-',
        });
      }
      if (decision.kind === 'approve') {
        member = await repos.roster.updateMember(member.id, {
          status: 'active',
          joinedOn: today,
          protectionEndsOn: protectionEndsOn(today),
        });
        await repos.roster.addLevelChange({
          memberId: member.id,
          fromLevel: member.level,
          toLevel: member.level,
          reason: 'probation-passed',
          decidedById: acting.member?.id ?? null,
        });
      } else {
        member = await repos.roster.updateMember(member.id, { status: 'left', leftOn: today });
        const led = await repos.roster.groupLedBy(member.id);
        if (led !== undefined) await repos.roster.setGroupLeader(led.id, null);
      }
      probation = (await repos.careers.probation(probation.id)) ?? probation;
    }
    await repos.audit.append({
      teamId: acting.team.id,
      actor: options.actorId,
      action: `probation.${decision.kind}`,
      subjectMemberId: member.id,
      detail: { ...decision },
    });
    return { member, probation, decision, decidedBy: options.actorId, today };
  });
}

/** Where the sign-off requests went, so a decision can replace their buttons everywhere. */
export async function recordSignOffRequests(
  deps: UseCaseDeps,
  probationId: number,
  refs: Array<{ channel: string; ts: string }>,
): Promise<void> {
  await deps.store.careers.updateProbation(probationId, { requests: refs });
}

/** Who decides probations: the team's managers and director, still on the team. */
export async function deciders(repos: Repositories, teamId: number): Promise<MemberView[]> {
  return (await repos.roster.members(teamId)).filter(isDecider);
}
