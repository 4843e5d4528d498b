import { canAdministerRoster } from '../domain/roles.ts';
import { DomainError } from '../errors.ts';
import { computePkBoard, type PkBoard } from './compute-pk.ts';
import { identifyActor, todayFor, type UseCaseDeps } from './context.ts';

/**
 * `/team today` for leaders (their group) and managers (every group): the day's live funnel, who
 * has not logged, who is behind target. Probation sign-offs waiting for a decision are listed by
 * the careers feature once it exists; until then nothing waits for approval.
 */
export async function teamToday(
  deps: UseCaseDeps,
  options: { actorId: string },
): Promise<{ board: PkBoard; groupIds: number[] }> {
  const acting = await identifyActor(deps.store, deps, options.actorId);
  const board = await computePkBoard(deps.store, {
    teamId: acting.team.id,
    period: 'day',
    day: todayFor(deps, acting.team),
  });
  if (canAdministerRoster(acting.actor)) return { board, groupIds: board.groupViews.map((g) => g.id) };
  const led = board.groupViews.find((g) => g.leaderId !== null && g.leaderId === acting.member?.id);
  if (acting.member?.role !== 'leader' || led === undefined) throw new DomainError('not-permitted');
  return { board, groupIds: [led.id] };
}
