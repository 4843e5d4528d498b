import { readyForSignOff } from '../domain/probation.ts';
import { canAdministerRoster } from '../domain/roles.ts';
import { DomainError } from '../errors.ts';
import type { MemberView } from '../store/roster-repository.ts';
import { computePkBoard, type PkBoard } from './compute-pk.ts';
import { identifyActor, todayFor, type UseCaseDeps } from './context.ts';

/**
 * `/team today` for leaders (their group) and managers (every group): the day's live funnel, who
 * has not logged, who is behind target, and (for managers and the director, who decide them) the
 * probations whose five items are done and wait for a sign-off.
 */
export async function teamToday(
  deps: UseCaseDeps,
  options: { actorId: string },
): Promise<{ board: PkBoard; groupIds: number[]; approvals: MemberView[] }> {
  const acting = await identifyActor(deps.store, deps, options.actorId);
  const board = await computePkBoard(deps.store, {
    teamId: acting.team.id,
    period: 'day',
    day: todayFor(deps, acting.team),
  });
  const decides = acting.actor.role === 'manager' || acting.actor.role === 'director';
  const waiting = decides ? await deps.store.careers.openProbations(acting.team.id) : [];
  const approvals = waiting
    .filter((p) => readyForSignOff(p.itemsDone))
    .flatMap((p) => {
      const member = board.memberViews.get(p.memberId);
      return member === undefined ? [] : [member];
    });
  if (canAdministerRoster(acting.actor))
    return { board, groupIds: board.groupViews.map((g) => g.id), approvals };
  const led = board.groupViews.find((g) => g.leaderId !== null && g.leaderId === acting.member?.id);
  if (acting.member?.role !== 'leader' || led === undefined) throw new DomainError('not-permitted');
  return { board, groupIds: [led.id], approvals };
}
