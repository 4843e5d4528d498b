import { type GroupStreak, streaks } from '../domain/pk.ts';
import { DomainError } from '../errors.ts';
import { computePkBoard, type PkBoard, type PkPeriod } from './compute-pk.ts';
import { identifyActor, todayFor, type UseCaseDeps } from './context.ts';

/** The PK board of a period so far (today by default), for anyone on the team. */
export async function getRanking(
  deps: UseCaseDeps,
  options: { actorId: string; period: PkPeriod },
): Promise<{ board: PkBoard; viewerId: number | undefined }> {
  const acting = await identifyActor(deps.store, deps, options.actorId);
  if (acting.member === undefined && !acting.actor.bootstrapAdmin) throw new DomainError('not-on-roster');
  const board = await computePkBoard(deps.store, {
    teamId: acting.team.id,
    period: options.period,
    day: todayFor(deps, acting.team),
  });
  return { board, viewerId: acting.member?.id };
}

/** Wins and streaks of the weekly or monthly PK, with the groups' names. */
export async function getWins(
  deps: UseCaseDeps,
  options: { actorId: string; period: 'week' | 'month' },
): Promise<{ wins: GroupStreak[]; names: Map<number, string> }> {
  const acting = await identifyActor(deps.store, deps, options.actorId);
  if (acting.member === undefined && !acting.actor.bootstrapAdmin) throw new DomainError('not-on-roster');
  const [winners, groups] = await Promise.all([
    deps.store.pk.winners(acting.team.id, options.period),
    deps.store.roster.groups(acting.team.id),
  ]);
  return { wins: streaks(winners), names: new Map(groups.map((g) => [g.id, g.name])) };
}
